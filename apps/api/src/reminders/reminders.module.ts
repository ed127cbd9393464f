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
import { WechatAccessToken } from './wechat-access-token';
import { WechatSubscribeNotifier } from './wechat.notifier';
import { WXACODE_CLIENT, WxaCodeClient } from './wxacode';

/** The app's one access-token cache, when WeChat credentials are configured (see WechatAccessToken). */
export function wechatTokensFor(config: AppConfig | null, clock: Clock): WechatAccessToken | null {
  const w = config?.wechat;
  return w?.appId && w.appSecret ? new WechatAccessToken(w, () => clock.now()) : null;
}

/** The notifier the config names: WeChat subscription messages, or a log line (local, tests). */
export function notifierFor(config: AppConfig | null, openids: OpenidLookup, clock: Clock, tokens?: WechatAccessToken | null): ReminderNotifier {
  if (config?.notifier === 'wechat') {
    const { appId, appSecret, reminderTemplateId } = config.wechat;
    const now = () => clock.now();
    return new WechatSubscribeNotifier({ appId, appSecret, templateId: reminderTemplateId }, openids, now, undefined, tokens ?? undefined);
  }
  return new LogNotifier();
}

export const wxacodeFor = (config: AppConfig | null, tokens: WechatAccessToken | null): WxaCodeClient | null =>
  tokens ? new WxaCodeClient(tokens, undefined, config?.env === 'production' ? 'release' : 'develop') : null;

const WECHAT_TOKENS = Symbol('WECHAT_TOKENS');

@Module({
  imports: [ProgressModule],
  controllers: [RemindersController],
  providers: [
    RemindersService,
    { provide: OpenidLookup, useClass: PeopleOpenidLookup },
    { provide: WECHAT_TOKENS, useFactory: wechatTokensFor, inject: [APP_CONFIG, Clock] },
    { provide: REMINDER_NOTIFIER, useFactory: notifierFor, inject: [APP_CONFIG, OpenidLookup, Clock, WECHAT_TOKENS] },
    { provide: WXACODE_CLIENT, useFactory: wxacodeFor, inject: [APP_CONFIG, WECHAT_TOKENS] },
  ],
  // The new-students notices go out through the same channel.
  exports: [REMINDER_NOTIFIER],
})
export class RemindersModule {}
