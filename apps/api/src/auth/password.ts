import { hash, verify } from '@node-rs/argon2';

/** Why a new password is not acceptable, in Chinese; null when it is. */
export function passwordProblem(password: string, idNumber: string): string | null {
  if (password.length < 8 || password.length > 64) return '新密码长度应为 8–64 位';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '新密码需包含大写字母、小写字母、数字、符号中的至少三种';
  if (idNumber && password.toUpperCase().includes(idNumber.slice(-8).toUpperCase())) return '新密码不能包含身份证号后 8 位';
  if (/(.)\1{3,}/.test(password)) return '新密码不能包含 4 个以上连续相同的字符';
  return null;
}

export const hashPassword = (password: string): Promise<string> => hash(password);
export const verifyPassword = (stored: string, password: string): Promise<boolean> =>
  verify(stored, password).catch(() => false);
