import { AppError } from '../common/app-error';

export const badCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', '身份证号或密码错误');
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', '登录已失效，请重新登录');
export const tooManyAttempts = (seconds: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', `登录尝试过于频繁，请 ${Math.max(1, Math.ceil(seconds / 60))} 分钟后再试`, { retryAfterSeconds: seconds });
export const accountLocked = (seconds: number) =>
  new AppError(429, 'ACCOUNT_LOCKED', `密码连续输错次数过多，账号已暂时锁定，请 ${Math.max(1, Math.ceil(seconds / 60))} 分钟后再试`, { retryAfterSeconds: seconds });
export const passwordChangeRequired = () => new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录请先修改初始密码');
export const wrongOldPassword = () => new AppError(400, 'WRONG_OLD_PASSWORD', '原密码不正确');
export const weakPassword = (reason: string) => new AppError(400, 'WEAK_PASSWORD', reason);
