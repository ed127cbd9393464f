import { REMINDER_DELIVERY } from '@xianjie/contract';
import { Logger } from '@nestjs/common';
import { maskName, ReminderNotifier, ReminderRecipient } from './notifier';
import type { Reminder } from './reminder.entity';
import { redactedUrl } from './reminder-token';

/**
 * Local development and tests: one log line per reminder. The line names the reminder and the
 * member's record id; the name is masked, the token cut short, and no ID number or phone ever
 * reaches it.
 */
export class LogNotifier implements ReminderNotifier {
  private static readonly logger = new Logger('Reminders');

  constructor(private readonly sink: (line: string) => void = (line) => LogNotifier.logger.log(line)) {}

  async send(reminder: Reminder, member: ReminderRecipient, url: string): Promise<string> {
    this.sink(
      `reminder ${reminder.id} for member ${member.id} (${maskName(member.name)}), expires ${reminder.expiresAt}, link ${redactedUrl(url)}`,
    );
    return REMINDER_DELIVERY.log;
  }
}
