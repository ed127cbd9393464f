/** The part of `fetch` the WeChat clients use, so tests can hand in their own. */
export type FetchLike = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
  arrayBuffer?(): Promise<ArrayBuffer>;
  headers?: { get(name: string): string | null };
}>;

export const WECHAT_API = 'https://api.weixin.qq.com';
/** Refresh this long before WeChat's own expiry (expires_in is normally 7200 s). */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** Token no longer valid (revoked, refreshed elsewhere): fetch a fresh one and try once more. */
export const STALE_TOKEN = new Set([40001, 40014, 42001]);

export class WechatError extends Error {
  constructor(readonly errcode: number) {
    super(`wechat errcode ${errcode}`);
  }
}

/**
 * The app's access token from `cgi-bin/token`, cached until shortly before it expires and shared
 * by concurrent callers. One instance per app: each fetch of a new token makes WeChat retire the
 * previous one, so the notifier and the mini-program code client must share it.
 */
export class WechatAccessToken {
  private cached: { token: string; refreshAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly settings: { appId: string; appSecret: string },
    private readonly now: () => Date,
    private readonly fetchFn: FetchLike = (url, init) => fetch(url, init),
  ) {}

  /** The cached token, or one fresh fetch that every concurrent caller waits on. */
  get(): Promise<string> {
    if (this.cached && this.now().getTime() < this.cached.refreshAt) return Promise.resolve(this.cached.token);
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** WeChat said the token is stale: the next get() fetches a new one. */
  invalidate(): void {
    this.cached = null;
  }

  private async fetchToken(): Promise<string> {
    const q = new URLSearchParams({ grant_type: 'client_credential', appid: this.settings.appId, secret: this.settings.appSecret });
    const res = await this.fetchFn(`${WECHAT_API}/cgi-bin/token?${q.toString()}`, { method: 'GET' });
    const reply = (await res.json()) as { errcode?: number; access_token?: string; expires_in?: number };
    if (!reply.access_token) throw new WechatError(reply.errcode ?? -1);
    const lifetimeMs = (reply.expires_in ?? 7200) * 1000;
    const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2);
    this.cached = { token: reply.access_token, refreshAt: this.now().getTime() + lifetimeMs - margin };
    return reply.access_token;
  }
}
