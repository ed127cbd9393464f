import { COMMON_PASSWORD_STEMS, isSimpleDigits } from './common-passwords';
import { normalizeIdNumber } from './identity';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

/** Leetspeak inside a word (`p@ssw0rd`) is read back as letters before the stem is looked up. */
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '0': 'o', '$': 's', '5': 's', '7': 't' };

function unleet(lower: string): string {
  return lower.replace(/(?<=[a-z][@4310$57]*)[@4310$57](?=[a-z@4310$57]*[a-z])/g, (c) => LEET[c]);
}

/**
 * A guessable password: a well-known one, a common stem with a simple digit/symbol decoration
 * (`Password1`, `Qwerty123`, `Aa123456!`), or one built from the account's own ID number
 * (8 characters of it in a row, or its digits with a trivial decoration).
 */
export function isGuessablePassword(password: string, idNumber = ''): boolean {
  const lower = unleet(password.toLowerCase());
  const letters = lower.replace(/[^a-z]/g, '');
  const digits = lower.replace(/[^0-9]/g, '');
  const trivialLetters = letters.length <= 2 || COMMON_PASSWORD_STEMS.has(letters);
  if (COMMON_PASSWORD_STEMS.has(lower.replace(/[^a-z0-9@]/g, ''))) return true;
  if (trivialLetters && isSimpleDigits(digits)) return true;
  // Letters in keyboard or alphabet order with a short decoration: `Abcdefg1!`, `Qwertyu12`.
  if (letters.length >= 3 && ('abcdefghijklmnopqrstuvwxyz'.includes(letters) || 'qwertyuiopasdfghjklzxcvbnm'.includes(letters)) && isSimpleDigits(digits)) return true;
  const id = normalizeIdNumber(idNumber).toLowerCase();
  if (id.length >= 8) {
    for (let i = 0; i + 8 <= id.length; i++) if (password.toLowerCase().includes(id.slice(i, i + 8))) return true;
    if (trivialLetters && digits.length >= 6 && id.includes(digits)) return true;
  }
  return false;
}

/** Why a new password is not acceptable, in Chinese; null when it is. Shown by the phone and enforced by the API. */
export function passwordProblem(password: string, idNumber = ''): string | null {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return '新密码长度应为 8–64 位';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '新密码需包含大写字母、小写字母、数字、符号中的至少三种';
  if (idNumber && password.toUpperCase().includes(normalizeIdNumber(idNumber).slice(-8))) return '新密码不能包含身份证号后 8 位';
  if (/(.)\1{3,}/.test(password)) return '新密码不能包含 4 个以上连续相同的字符';
  if (isGuessablePassword(password, idNumber)) return '新密码过于常见或取自身份证号，容易被猜中，请换一个';
  return null;
}
