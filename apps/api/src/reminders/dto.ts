import {
  ID_MAX, REMINDER_EXPIRES_IN_DAYS, REMINDERS_PER_REQUEST_MAX, type CreateRemindersBody, type WxaCodeBody, type ReminderListQuery, type ReminderSummaryQuery,
} from '@xianjie/contract';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PagedQuery } from '../common/validation';

export class CreateRemindersDto implements CreateRemindersBody {
  @IsArray({ message: 'memberIds 应为团员 ID 列表' })
  @ArrayMinSize(1, { message: '请至少选择 1 名团员' })
  @ArrayMaxSize(REMINDERS_PER_REQUEST_MAX, { message: `一次最多提醒 ${REMINDERS_PER_REQUEST_MAX} 名团员` })
  @ArrayUnique({ message: '团员不能重复' })
  @IsString({ each: true })
  @MaxLength(ID_MAX, { each: true })
  memberIds!: string[];

  /** How long the links stay valid: 1–30 days, 14 when omitted. */
  @IsOptional()
  @IsInt({ message: '有效天数应为整数' })
  @Min(REMINDER_EXPIRES_IN_DAYS.min, { message: `有效期至少 ${REMINDER_EXPIRES_IN_DAYS.min} 天` })
  @Max(REMINDER_EXPIRES_IN_DAYS.max, { message: `有效期最多 ${REMINDER_EXPIRES_IN_DAYS.max} 天` })
  expiresInDays?: number;
}

export class ReminderSummaryQueryDto implements ReminderSummaryQuery {
  /** Links for graduates under this org (in the caller's scope); the whole scope when omitted. */
  @IsOptional()
  @IsString()
  @MaxLength(ID_MAX)
  orgId?: string;
}

/** The summary's scope, narrowed to one member if asked, a page at a time. */
export class ReminderListQueryDto extends PagedQuery(1000, ReminderSummaryQueryDto) implements ReminderListQuery {
  @IsOptional()
  @IsString()
  @MaxLength(ID_MAX)
  memberId?: string;
}

export class WxaCodeDto implements WxaCodeBody {
  @IsString({ message: 'code 应为提醒短码' })
  @MaxLength(32)
  code!: string;
}
