import { createHash } from 'node:crypto';
import { hashReminderToken, isWellFormedToken, newReminderToken, pageOf, redactedUrl, reminderUrl } from './reminder-token';

describe('reminder tokens', () => {
  it('are 256 random bits in base64url, different every time', () => {
    const tokens = new Set(Array.from({ length: 200 }, newReminderToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
      expect(isWellFormedToken(t)).toBe(true);
    }
  });

  it('are stored as their SHA-256 only', () => {
    const t = newReminderToken();
    expect(hashReminderToken(t)).toBe(createHash('sha256').update(t).digest('hex'));
    expect(hashReminderToken(t)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses anything of another shape', () => {
    for (const bad of ['', 'short', 'a'.repeat(44), `${'a'.repeat(42)}=`, `${'a'.repeat(42)}/`]) expect(isWellFormedToken(bad)).toBe(false);
  });

  it('builds a link that carries the token and nothing else', () => {
    const url = reminderUrl('https://xj.example.cn', 'T0k-en_');
    expect(url).toBe('https://xj.example.cn/#/pages/reminder/index?token=T0k-en_');
    expect(pageOf(url)).toBe('pages/reminder/index?token=T0k-en_');
    expect(redactedUrl(reminderUrl('https://x', 'abcdefghijk'))).toBe('https://x/#/pages/reminder/index?token=abcd…');
  });
});
