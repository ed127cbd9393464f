import { REMINDER_PAGE } from './reminder-token';
import { FetchLike, STALE_TOKEN, WECHAT_API, WechatAccessToken, WechatError } from './wechat-access-token';

/** Nest token for the client; absent (null) when no WeChat credentials are configured. */
export const WXACODE_CLIENT = Symbol('WXACODE_CLIENT');


/**
 * 小程序码 for a reminder: `wxa/getwxacodeunlimit` with the short code as its `scene` (a scene
 * holds at most 32 characters, the link token is 43). Scanning it opens the reminder page with
 * `scene` in its launch options. WeChat answers an image, or JSON with an errcode.
 */
export class WxaCodeClient {
  constructor(
    private readonly tokens: WechatAccessToken,
    private readonly fetchFn: FetchLike = (url, init) => fetch(url, init),
    /** 'release' in production; 'trial'/'develop' scan into those builds. */
    private readonly envVersion: 'release' | 'trial' | 'develop' = 'release',
  ) {}

  async image(scene: string): Promise<string> {
    let res = await this.post(scene, await this.tokens.get());
    if (res.kind === 'error' && STALE_TOKEN.has(res.errcode)) {
      this.tokens.invalidate();
      res = await this.post(scene, await this.tokens.get());
    }
    if (res.kind === 'error') throw new WechatError(res.errcode);
    return `data:${res.type};base64,${res.bytes.toString('base64')}`;
  }

  private async post(scene: string, token: string) {
    const res = await this.fetchFn(`${WECHAT_API}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // check_path false: the page exists in every build, but an unpublished one would be refused.
      body: JSON.stringify({ scene, page: REMINDER_PAGE, check_path: false, env_version: this.envVersion, width: 280 }),
    });
    const type = res.headers?.get('content-type') ?? '';
    if (type.startsWith('image/') && res.arrayBuffer) {
      return { kind: 'image' as const, type: type.split(';')[0], bytes: Buffer.from(await res.arrayBuffer()) };
    }
    const reply = (await res.json()) as { errcode?: number };
    return { kind: 'error' as const, errcode: reply.errcode ?? -1 };
  }
}
