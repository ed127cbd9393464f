import { AppError } from '../common/app-error';

/** The same answer for an unknown token and for someone else's: nothing hints that a link exists. */
export const reminderNotFound = () => new AppError(404, 'REMINDER_NOT_FOUND', '提醒链接不存在，请确认是否使用本人账号登录');
export const reminderExpired = () => new AppError(410, 'REMINDER_EXPIRED', '提醒链接已过期，请联系辅导员重新发送，或直接打开“衔接”办理');
export const membersNotFound = (memberIds: string[]) =>
  new AppError(404, 'MEMBER_NOT_FOUND', `有 ${memberIds.length} 名团员不存在或不在您的管理范围内，未发送任何提醒`, { memberIds });
export const notAWatcher = () => new AppError(403, 'FORBIDDEN', '只有辅导员和团组织管理员可以发送提醒');
export const tooManyOpens = (seconds: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', `打开过于频繁，请 ${Math.max(1, Math.ceil(seconds / 60))} 分钟后再试`, { retryAfterSeconds: seconds });
/** Only the counsellor who made the link draws its code: anyone else learns nothing. */
export const codeNotFound = () => new AppError(404, 'REMINDER_NOT_FOUND', '提醒链接不存在或不是你发送的');
export const wxacodeFailed = (errcode: number) =>
  new AppError(502, 'WXACODE_FAILED', `微信未能生成小程序码（错误码 ${errcode}），请先使用下方的网页二维码或复制链接`);
export const tooManyCodes = (seconds: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', `小程序码生成过于频繁，请 ${seconds} 秒后再试`, { retryAfterSeconds: seconds });
export const tooManyLinks = (seconds: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', `提醒链接生成过多，请 ${Math.max(1, Math.ceil(seconds / 60))} 分钟后再试`, { retryAfterSeconds: seconds });
