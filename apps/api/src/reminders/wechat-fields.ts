/**
 * WeChat subscription-message values (订阅消息参数值内容限制): each template key's type is its
 * name without the number (`thing1` → thing), and each type has its own length and alphabet.
 * A value WeChat would refuse (errcode 47003) is cut to fit instead.
 */
const HAN = /\p{Script=Han}/u;

const cut = (value: string, max: number, ellipsis = false): string => {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return ellipsis ? chars.slice(0, max - 1).join('') + '…' : chars.slice(0, max).join('');
};

const onlyHan = (value: string): string => Array.from(value).filter((c) => HAN.test(c)).join('');

export const FIELD_LIMITS = {
  thing: 20,
  name: 10,
  phrase: 5,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
} as const;

export function fitField(key: string, value: string): string {
  const type = key.replace(/\d+$/, '');
  switch (type) {
    case 'thing':
      return cut(value, FIELD_LIMITS.thing, true);
    case 'name':
      // 10 Chinese characters, or 20 letters/symbols: "阿依古丽·买买提" keeps its Chinese part.
      return HAN.test(value) ? cut(onlyHan(value), FIELD_LIMITS.name) : cut(value, 20);
    case 'phrase':
      return cut(onlyHan(value), FIELD_LIMITS.phrase);
    case 'character_string':
    case 'number':
    case 'letter':
    case 'symbol':
    case 'phone_number':
    case 'car_number':
      return cut(value, FIELD_LIMITS[type]);
    default:
      return value;
  }
}

export type TemplateData = Record<string, { value: string }>;

export function fitData(data: Record<string, string>): TemplateData {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: fitField(k, v) }]));
}

/** `2026-08-31` → `2026年8月31日` (WeChat's time/date fields want this form). */
export function chineseDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/**
 * The reminder template's fields. The keys must match the template picked in the WeChat
 * console (XJ_WECHAT_REMINDER_TEMPLATE): 办理事项 thing1, 截止时间 time2, 团员姓名 name3, 温馨提示 thing4.
 */
export function reminderTemplateData(f: { name: string; deadline: string; days: number }): TemplateData {
  return fitData({
    thing1: '团组织关系转接',
    time2: chineseDate(f.deadline),
    name3: f.name,
    thing4: `请登录小程序提交转接申请，链接${f.days}天内有效`,
  });
}
