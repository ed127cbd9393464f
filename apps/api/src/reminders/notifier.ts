import type { Reminder } from './reminder.entity';

/** Who a reminder goes to: what a notifier may use, and nothing more (no ID number, no phone). */
export interface ReminderRecipient {
  id: string;
  name: string;
  /** The school's started-by date (YYYY-MM-DD), shown in the message. */
  startedBy: string | null;
}

/** Sends one reminder link; answers a short delivery note stored on the reminder ('log', 'wechat', 'not-subscribed', 'failed: …'). */
export interface ReminderNotifier {
  send(reminder: Reminder, member: ReminderRecipient, url: string): Promise<string>;
}

export const REMINDER_NOTIFIER = Symbol('ReminderNotifier');

/**
 * Where a member's mini program openid comes from. Pluggable: the default reads
 * `people.wechat_openid`, which whatever binds a WeChat login to an account fills in.
 */
export abstract class OpenidLookup {
  abstract openidFor(personId: string): Promise<string | null>;
}

/** "李明" → "李*": enough for a log reader to tell lines apart, not enough to identify anyone. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}
