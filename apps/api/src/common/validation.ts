import { applyDecorators, ValidationError, ValidationPipe } from '@nestjs/common';
import { MAX_OFFSET, type FieldError } from '@xianjie/contract';
import { isValidMobile, parseDateString } from '@xianjie/rules';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { ValidationFailed } from './app-error';

/**
 * Rules about what a value is. When one fails, the field's other rules (its length, its range, its
 * pattern) say nothing true about it: a missing name is not "姓名过长". Only these are reported then.
 */
const TYPE_RULES = new Set(['isDefined', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject']);
const CHINESE = /\p{Script=Han}/u;

/** A rule whose DTO gave no message of its own says so in Chinese, not in class-validator's English. */
const RULE_WORDS: Record<string, string> = {
  isDefined: '不能为空',
  isNotEmpty: '不能为空',
  isString: '应为文字',
  isInt: '应为整数',
  isNumber: '应为数字',
  isBoolean: '应为 true 或 false',
  isArray: '应为列表',
  isObject: '应为对象',
  maxLength: '过长',
  minLength: '过短',
  arrayMaxSize: '条目过多',
  arrayMinSize: '至少需要一项',
  arrayUnique: '有重复的条目',
  isIn: '不是可选的值',
  isEnum: '不是可选的值',
  min: '过小',
  max: '过大',
};
const inChinese = (field: string, rule: string, message: string) =>
  CHINESE.test(message) ? message : `字段 ${field} ${RULE_WORDS[rule] ?? '格式不正确'}`;

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const failed = Object.entries(e.constraints ?? {});
    const typeFailed = failed.filter(([rule]) => TYPE_RULES.has(rule));
    const messages = (typeFailed.length ? typeFailed : failed).map(([rule, message]) => (rule === 'whitelistValidation' ? `不允许的字段：${field}` : inChinese(field, rule, message)));
    // One rule's words once: QueryInt's integer, minimum and maximum checks all say "应为 1 到 2000 之间的整数".
    const own = [...new Set(messages)].map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** `@Transform(trimString)`: a string field without its surrounding spaces (anything else as sent, for the validators to refuse). */
export const trimString = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** Whitelist + forbid unknown fields; failures leave as 400 VALIDATION_FAILED with every field's reason. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });
}

/**
 * A `YYYY-MM-DD` that exists on the calendar (2026-02-30 does not). Services read dates with
 * libs/rules' parseDateString, which throws on such input: refusing it here keeps that a 400.
 */
export function IsCalendarDate(message = '日期应为有效的 YYYY-MM-DD'): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        try {
          parseDateString(value);
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: () => message,
    },
  });
}

/** A mainland mobile, by libs/rules' `isValidMobile` (the one place the rule lives; the phone checks with it too). */
export function IsMobile(message = '手机号应为 11 位大陆手机号'): PropertyDecorator {
  return ValidateBy({
    name: 'isMobile',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isValidMobile(value),
      defaultMessage: () => message,
    },
  });
}

/**
 * An integer query parameter in [min, max], written in plain decimal. `Number()` alone would read
 * `1e21` or `0x10`, and an unbounded offset reached the database as a number it refuses (a 500).
 */
export function QueryInt(min: number, max: number, message = `应为 ${min} 到 ${max} 之间的整数`): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (value === undefined ? undefined : typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : Number.NaN)),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  ) as PropertyDecorator;
}

type QueryClass = new (...args: any[]) => object;
class NoQuery {}

/**
 * A list's page in its query (libs/contract `PageQuery`): `limit` 1…`max` — each list has its own
 * ceiling — and `offset` 0…MAX_OFFSET, added to `Base`'s own fields:
 * `class InboxQueryDto extends PagedQuery(200) {…}`, `extends PagedQuery(2000, YearQueryDto)`.
 */
export function PagedQuery<B extends QueryClass = typeof NoQuery>(max: number, Base: B = NoQuery as B) {
  class Paged extends Base {
    @IsOptional()
    @QueryInt(1, max)
    limit?: number;

    @IsOptional()
    @QueryInt(0, MAX_OFFSET)
    offset?: number;
  }
  return Paged;
}
