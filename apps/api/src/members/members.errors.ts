import { AppError } from '../common/app-error';

/** A reset puts the account back on the ID's last 8 characters: one's own password changes only through change-password. */
export const ownPasswordReset = () => new AppError(403, 'OWN_PASSWORD_RESET', '不能重置自己的密码，请在“修改密码”中更改');

/** The admin who pulled a member in, unapproved by the old side, asks the admin above for a reset (security review M3). */
export const resetBySuperior = () =>
  new AppError(403, 'RESET_BY_SUPERIOR', '该团员经“发起转入”转来，转出方没有审批（超时自动通过）。为防冒用，发起转入的管理员及其下级不能重置其密码，请联系上级团组织管理员重置。');
