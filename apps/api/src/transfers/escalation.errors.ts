import { AppError } from '../common/app-error';

/** The township-refusal path's failures (issue #12). */

export const escalationNotAllowed = (message: string) => new AppError(409, 'ESCALATION_NOT_ALLOWED', message);

export const retainDateInvalid = (message: string) => new AppError(422, 'RETAIN_DATE_INVALID', message);
