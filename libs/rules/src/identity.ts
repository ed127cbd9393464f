/**
 * Citizen ID numbers (公民身份号码, GB 11643) and mainland mobile numbers.
 *
 * Case: the standard check character is an upper-case `X`, and that is what gets stored,
 * so `isValidIdNumber` accepts upper case only. Anything typed by a person goes through
 * `normalizeIdNumber` first (trims, upper-cases a trailing `x`).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('身份证号码前17位必须是数字');
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return CHECK_CHARS[sum % 11] as string;
}

export function normalizeIdNumber(id: string): string {
  return String(id).trim().toUpperCase();
}

/**
 * GB 11643: 18 characters, region code not starting with 0, a real birth date
 * (year ≥ 1900, leap years honoured) and the MOD 11-2 check character.
 * With `now`, a birth date after that day (Beijing time) is refused too; the rules never
 * read the clock themselves.
 */
export function isValidIdNumber(id: string, now?: Date): boolean {
  if (typeof id !== 'string' || !/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  const birth = id.slice(6, 14);
  if (!isRealDate(birth)) return false;
  if (now !== undefined && birth > beijingDateDigits(now)) return false;
  return idCheckChar(id.slice(0, 17)) === id[17];
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one.
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function beijingDateDigits(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * Builds a valid-looking ID for tests and demo data, computing the check character.
 * The date is not checked on purpose: tests need well-checksummed IDs with impossible dates.
 */
export function makeIdNumber(region6: string, birth: string, seq3: string): string {
  if (!/^\d{6}$/.test(region6) || !/^\d{8}$/.test(birth) || !/^\d{3}$/.test(seq3)) {
    throw new RangeError('makeIdNumber 需要6位地区码、8位出生日期和3位顺序码');
  }
  const first17 = region6 + birth + seq3;
  return first17 + idCheckChar(first17);
}

/** 初始密码: the last 8 characters of the (normalised) ID number. */
export function initialPassword(id: string): string {
  return normalizeIdNumber(id).slice(-8);
}

/**
 * Shows at most `keepStart` leading and `keepEnd` trailing characters and always hides at
 * least `minHidden`; a short or garbled value therefore shows less, never more.
 * The result is as long as the input, so a list keeps its columns.
 */
function maskMiddle(value: string, keepStart: number, keepEnd: number, minHidden: number): string {
  const s = String(value ?? '');
  const shown = Math.min(keepStart + keepEnd, Math.max(0, s.length - minHidden));
  const start = Math.min(keepStart, Math.ceil((shown * keepStart) / (keepStart + keepEnd)));
  const end = shown - start;
  return s.slice(0, start) + '*'.repeat(s.length - shown) + (end > 0 ? s.slice(-end) : '');
}

/** `110105199001011234` → `110105********1234`. */
export function maskIdNumber(id: string): string {
  return maskMiddle(id, 6, 4, 8);
}

/** Mainland mobile: 11 digits starting 13–19. */
export function isValidMobile(phone: string): boolean {
  return typeof phone === 'string' && /^1[3-9]\d{9}$/.test(phone);
}

/** The emergency contact is someone to call when the applicant cannot be reached: never their own mobile. */
export const OWN_PHONE_AS_CONTACT = '紧急联系人应是本人以外的人，手机号不能与本人相同，请填写家人或朋友的手机号';
export function isOwnPhoneAsContact(contactPhone: string, ownPhone: string | null | undefined): boolean {
  return !!ownPhone && contactPhone.trim() === ownPhone.trim();
}

/** `13812345678` → `138****5678`. */
export function maskMobile(phone: string): string {
  return maskMiddle(phone, 3, 4, 4);
}
