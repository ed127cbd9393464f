import { AppError } from '../common/app-error';

/** The same answer for an unknown token and for someone else's: nothing hints that a link exists. */
export const reminderNotFound = () => new AppError(404, 'REMINDER_NOT_FOUND', '提醒链接不存在，请确认是否使用本人账号登录');
export const reminderExpired = () => new AppError(410, 'REMINDER_EXPIRED', '提醒链接已过期，请联系辅导员重新发送，或直接打开小程序办理');
export const membersNotFound = (memberIds: string[]) =>
  new AppError(404, 'MEMBER_NOT_FOUND', `有 ${memberIds.length} 名团员不存在或不在您的管理范围内，未发送任何提醒`, { memberIds });
export const notAWatcher = () => new AppError(403, 'FORBIDDEN', '只有辅导员和团组织管理员可以发送提醒');
