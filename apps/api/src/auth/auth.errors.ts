import { AppError } from '../common/app-error';

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
/** Who can help a locked-out person: nobody at a help desk, their own branch secretary. */
const WHOM_TO_ASK = '如忘记密码，请联系所在团支部书记（或上级团组织管理员）重置，登录页“忘记密码”可查看联系人';

export const badCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', '身份证号或密码错误');
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', '登录已失效，请重新登录');
export const tooManyAttempts = (seconds: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', `尝试过于频繁，请 ${minutes(seconds)} 分钟后再试。${WHOM_TO_ASK}`, { retryAfterSeconds: seconds });
export const accountLocked = (seconds: number) =>
  new AppError(429, 'ACCOUNT_LOCKED', `密码连续输错次数过多，账号已暂时锁定，请 ${minutes(seconds)} 分钟后再试。${WHOM_TO_ASK}`, { retryAfterSeconds: seconds });
export const passwordChangeRequired = () => new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录请先修改初始密码');
export const wrongOldPassword = () => new AppError(400, 'WRONG_OLD_PASSWORD', '原密码不正确');
/** The password changed (or was reset) between reading it and writing the new one: nothing written. */
export const passwordChangedMeanwhile = () => new AppError(409, 'PASSWORD_CHANGED', '密码刚刚被修改或重置，请重新登录后再试');
export const weakPassword = (reason: string) => new AppError(400, 'WEAK_PASSWORD', reason);
export const tooManyLookups = (seconds: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', `查询过于频繁，请 ${minutes(seconds)} 分钟后再试`, { retryAfterSeconds: seconds });
