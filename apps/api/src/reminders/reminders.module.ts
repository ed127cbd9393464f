import { Module } from '@nestjs/common';
import { Clock } from '../common/time';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../core.module';
import { ProgressModule } from '../progress/progress.module';
import { LogNotifier } from './log.notifier';
import { OpenidLookup, REMINDER_NOTIFIER, ReminderNotifier } from './notifier';
import { PeopleOpenidLookup } from './openid.lookup';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';
import { WechatSubscribeNotifier } from './wechat.notifier';

/** The notifier the config names: WeChat subscription messages, or a log line (local, tests). */
export function notifierFor(config: AppConfig | null, openids: OpenidLookup, clock: Clock): ReminderNotifier {
  if (config?.notifier === 'wechat') {
    const { appId, appSecret, reminderTemplateId } = config.wechat;
    return new WechatSubscribeNotifier({ appId, appSecret, templateId: reminderTemplateId }, openids, () => clock.now());
  }
  return new LogNotifier();
}

@Module({
  imports: [ProgressModule],
  controllers: [RemindersController],
  providers: [
    RemindersService,
    { provide: OpenidLookup, useClass: PeopleOpenidLookup },
    { provide: REMINDER_NOTIFIER, useFactory: notifierFor, inject: [APP_CONFIG, OpenidLookup, Clock] },
  ],
  // The new-students notices go out through the same channel.
  exports: [REMINDER_NOTIFIER],
})
export class RemindersModule {}
