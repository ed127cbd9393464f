import { AppError } from '../common/app-error';

/** A reset puts the account back on the ID's last 8 characters: one's own password changes only through change-password. */
export const ownPasswordReset = () => new AppError(403, 'OWN_PASSWORD_RESET', '不能重置自己的密码，请在“修改密码”中更改');
