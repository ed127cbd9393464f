import type { FieldError } from '@xianjie/contract';

/**
 * A failure a person should read: a contract code, an HTTP status and a Chinese message.
 * Each feature declares its own in `*.errors.ts`; one filter turns them into `{ code, message }`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class ValidationFailed extends AppError {
  constructor(readonly errors: FieldError[], message = '提交的内容有误，请按提示修改') {
    super(400, 'VALIDATION_FAILED', message, { errors });
  }
}

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what}不存在或不在您的管理范围内`);
export const forbidden = (message = '您没有权限进行此操作') => new AppError(403, 'FORBIDDEN', message);
