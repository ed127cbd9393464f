import { ReminderNotifier, ReminderRecipient, OpenidLookup } from './notifier';
import type { Reminder } from './reminder.entity';
import { pageOf } from './reminder-token';
import { reminderTemplateData } from './wechat-fields';

/** The part of `fetch` this notifier uses, so tests can hand in their own. */
export type FetchLike = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface WechatSettings {
  appId: string;
  appSecret: string;
  templateId: string;
}

const API = 'https://api.weixin.qq.com/cgi-bin';
/** Refresh this long before WeChat's own expiry (expires_in is normally 7200 s). */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** Token no longer valid (revoked, refreshed elsewhere): fetch a fresh one and try once more. */
const STALE_TOKEN = new Set([40001, 40014, 42001]);
const NOT_SUBSCRIBED = 43101;

interface WechatReply {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

class WechatError extends Error {
  constructor(readonly errcode: number) {
    super(`wechat errcode ${errcode}`);
  }
}

/**
 * Subscription messages (订阅消息) through WeChat's server API: an access token from
 * `cgi-bin/token`, cached until shortly before it expires and shared by concurrent sends,
 * then `message/subscribe/send`. A graduate who has not tapped "allow" in the mini program
 * gets 43101, recorded as 'not-subscribed' — the link still works when shared by hand.
 */
export class WechatSubscribeNotifier implements ReminderNotifier {
  private cached: { token: string; refreshAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly settings: WechatSettings,
    private readonly openids: OpenidLookup,
    private readonly now: () => Date,
    private readonly fetchFn: FetchLike = (url, init) => fetch(url, init),
  ) {}

  async send(reminder: Reminder, member: ReminderRecipient, url: string): Promise<string> {
    const openid = await this.openids.openidFor(member.id);
    if (!openid) return 'no-openid';
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
        this.cached = null;
        reply = await this.post(body, await this.accessToken());
      }
      if (!reply.errcode) return 'wechat';
      if (reply.errcode === NOT_SUBSCRIBED) return 'not-subscribed';
      return `failed: wechat errcode ${reply.errcode}`;
    } catch (e) {
      return e instanceof WechatError ? `failed: wechat token errcode ${e.errcode}` : 'failed: network';
    }
  }

  /** The cached token, or one fresh fetch that every concurrent caller waits on. */
  accessToken(): Promise<string> {
    if (this.cached && this.now().getTime() < this.cached.refreshAt) return Promise.resolve(this.cached.token);
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const q = new URLSearchParams({ grant_type: 'client_credential', appid: this.settings.appId, secret: this.settings.appSecret });
    const res = await this.fetchFn(`${API}/token?${q.toString()}`, { method: 'GET' });
    const reply = (await res.json()) as WechatReply;
    if (!reply.access_token) throw new WechatError(reply.errcode ?? -1);
    const lifetimeMs = (reply.expires_in ?? 7200) * 1000;
    const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2);
    this.cached = { token: reply.access_token, refreshAt: this.now().getTime() + lifetimeMs - margin };
    return reply.access_token;
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
