import { REMINDER_DELIVERY } from '@xianjie/contract';
import { ReminderNotifier, ReminderRecipient, OpenidLookup } from './notifier';
import type { Reminder } from './reminder.entity';
import { pageOf } from './reminder-token';
import { reminderTemplateData } from './wechat-fields';
import { FetchLike, STALE_TOKEN, WECHAT_API, WechatAccessToken, WechatError } from './wechat-access-token';

export type { FetchLike } from './wechat-access-token';

export interface WechatSettings {
  appId: string;
  appSecret: string;
  templateId: string;
}

const API = `${WECHAT_API}/cgi-bin`;
const NOT_SUBSCRIBED = 43101;

interface WechatReply {
  errcode?: number;
  errmsg?: string;
}

/**
 * Subscription messages (订阅消息) through WeChat's server API: an access token from
 * `cgi-bin/token`, cached until shortly before it expires and shared by concurrent sends,
 * then `message/subscribe/send`. A graduate who has not tapped "allow" in the mini program
 * gets 43101, recorded as 'not-subscribed' — the link still works when shared by hand.
 */
export class WechatSubscribeNotifier implements ReminderNotifier {
  constructor(
    private readonly settings: WechatSettings,
    private readonly openids: OpenidLookup,
    private readonly now: () => Date,
    private readonly fetchFn: FetchLike = (url, init) => fetch(url, init),
    private readonly tokens: WechatAccessToken = new WechatAccessToken(settings, now, fetchFn),
  ) {}

  async send(reminder: Reminder, member: ReminderRecipient, url: string): Promise<string> {
    const openid = await this.openids.openidFor(member.id);
    if (!openid) return REMINDER_DELIVERY.noOpenid;
    const days = Math.max(1, Math.round((Date.parse(reminder.expiresAt) - Date.parse(reminder.createdAt)) / 86_400_000));
    const body = {
      touser: openid,
      template_id: this.settings.templateId,
      page: pageOf(url),
      data: reminderTemplateData({ name: member.name, deadline: member.startedBy ?? reminder.expiresAt.slice(0, 10), days }),
      lang: 'zh_CN',
    };
    try {
      let reply = await this.post(body, await this.accessToken());
      if (reply.errcode !== undefined && STALE_TOKEN.has(reply.errcode)) {
        this.tokens.invalidate();
        reply = await this.post(body, await this.accessToken());
      }
      if (!reply.errcode) return REMINDER_DELIVERY.wechat;
      if (reply.errcode === NOT_SUBSCRIBED) return REMINDER_DELIVERY.notSubscribed;
      return `failed: wechat errcode ${reply.errcode}`;
    } catch (e) {
      return e instanceof WechatError ? `failed: wechat token errcode ${e.errcode}` : 'failed: network';
    }
  }

  accessToken(): Promise<string> {
    return this.tokens.get();
  }

  private async post(body: unknown, token: string): Promise<WechatReply> {
    const res = await this.fetchFn(`${API}/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as WechatReply;
  }
}
