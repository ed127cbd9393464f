import { createHash, randomBytes } from 'node:crypto';

/**
 * Reminder links (提醒链接). The token is 256 random bits in base64url — unguessable, and it
 * says nothing about the graduate; only its SHA-256 is stored, so a copy of the database
 * opens no link.
 */
export const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The mini program page a link opens (the H5 build routes by hash). */
export const REMINDER_PAGE = 'pages/reminder/index';

export const newReminderToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

/**
 * The short code a 小程序码 carries (its `scene` holds at most 32 characters): 144 random bits,
 * 24 base64url characters. At the open route's rate limit (20 a minute per account) guessing one
 * of even a million live codes takes longer than the universe has existed. It opens the same
 * landing as the token, for the same member, and expires with it; only its hash is stored.
 */
export const CODE_BYTES = 18;
const CODE_SHAPE = /^[A-Za-z0-9_-]{24}$/;
export const newReminderCode = (): string => randomBytes(CODE_BYTES).toString('base64url');
export const isWellFormedCode = (code: string): boolean => CODE_SHAPE.test(code);

export const hashReminderToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Anything else cannot be one of ours: answered as not found without touching the database. */
export const isWellFormedToken = (token: string): boolean => TOKEN_SHAPE.test(token);

export const reminderUrl = (publicUrl: string, token: string): string => `${publicUrl}/#/${REMINDER_PAGE}?token=${token}`;

/** The page path with its query, as WeChat wants it for a subscription message (`page`). */
export function pageOf(url: string): string {
  const i = url.indexOf('#/');
  return i >= 0 ? url.slice(i + 2) : REMINDER_PAGE;
}

/** The link with its token cut short, for logs. */
export const redactedUrl = (url: string): string => url.replace(/token=([A-Za-z0-9_-]{4})[A-Za-z0-9_-]*/, 'token=$1…');
