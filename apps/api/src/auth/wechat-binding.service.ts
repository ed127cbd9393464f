import { Inject, Injectable } from '@nestjs/common';
import type { WechatBindResult } from '@xianjie/contract';
import { Not } from 'typeorm';
import { isUniqueViolation } from '../common/db-errors';
import { Clock } from '../common/time';
import { AppError } from '../common/app-error';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../core.module';
import { Database } from '../database/database.service';
import { Actor } from './actor';
import { LoginThrottle } from './login-throttle';
import { Person } from './person.entity';

export type Fetcher = (url: string) => Promise<{ json(): Promise<unknown> }>;

const notConfigured = () => new AppError(422, 'WECHAT_NOT_CONFIGURED', '本系统未配置微信小程序，无法绑定微信');
const codeRejected = () => new AppError(422, 'WECHAT_CODE_INVALID', '微信登录凭证无效或已过期，请重试');
/** Two accounts binding one WeChat at the same moment: one of them wins. */
const openidTaken = () => new AppError(409, 'WECHAT_ALREADY_BOUND', '该微信正在绑定其他账号，请稍后重试：一个微信只能绑定一个账号');
const tooManyBinds = (seconds: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', `绑定微信过于频繁，请 ${seconds} 秒后再试`, { retryAfterSeconds: seconds });

/**
 * Binds the caller's account to their mini program openid (wx.login code → code2session), so
 * reminders can reach them as WeChat subscription messages. The session key is never kept.
 *
 * One WeChat, one account: a fresh code proves who holds the WeChat now, so binding it from another
 * account moves it there (a WeChat once bound to the wrong account is not stuck with it). Each call
 * spends the app's WeChat quota: 10 a minute per account.
 */
@Injectable()
export class WechatBindingService {
  /** Replaced in tests: this machine has no route to WeChat. */
  fetcher: Fetcher = (url) => fetch(url);

  private readonly calls = new LoginThrottle(10, 60_000);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig | null,
  ) {}

  async bind(actor: Actor, code: string): Promise<WechatBindResult> {
    const { appId, appSecret } = this.config?.wechat ?? { appId: '', appSecret: '' };
    if (!appId || !appSecret) throw notConfigured();
    const wait = this.calls.hit(actor.id, this.clock.now().getTime());
    if (wait > 0) throw tooManyBinds(wait);
    const url = `https://api.weixin.qq.com/sns/jscode2session?appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(appSecret)}&js_code=${encodeURIComponent(code)}&grant_type=authorization_code`;
    const reply = (await (await this.fetcher(url)).json()) as { openid?: string; errcode?: number };
    if (!reply.openid || (reply.errcode ?? 0) !== 0) throw codeRejected();
    try {
      await this.db.transaction(async (em) => {
        await em.update(Person, { wechatOpenid: reply.openid, id: Not(actor.id) }, { wechatOpenid: null });
        await em.update(Person, { id: actor.id }, { wechatOpenid: reply.openid });
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw openidTaken();
      throw e;
    }
    return { bound: true };
  }
}
