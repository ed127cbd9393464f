import { Inject, Injectable } from '@nestjs/common';
import type { WechatBindResult } from '@xianjie/contract';
import { isUniqueViolation } from '../common/db-errors';
import { AppError } from '../common/app-error';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../core.module';
import { Database } from '../database/database.service';
import { Actor } from './actor';
import { Person } from './person.entity';

export type Fetcher = (url: string) => Promise<{ json(): Promise<unknown> }>;

const notConfigured = () => new AppError(422, 'WECHAT_NOT_CONFIGURED', '本系统未配置微信小程序，无法绑定微信');
const codeRejected = () => new AppError(422, 'WECHAT_CODE_INVALID', '微信登录凭证无效或已过期，请重试');
const openidTaken = () => new AppError(409, 'WECHAT_ALREADY_BOUND', '该微信已绑定其他账号：一个微信只能绑定一个账号');

/**
 * Binds the caller's account to their mini program openid (wx.login code → code2session), so
 * reminders can reach them as WeChat subscription messages. The session key is never kept.
 */
@Injectable()
export class WechatBindingService {
  /** Replaced in tests: this machine has no route to WeChat. */
  fetcher: Fetcher = (url) => fetch(url);

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig | null,
  ) {}

  async bind(actor: Actor, code: string): Promise<WechatBindResult> {
    const { appId, appSecret } = this.config?.wechat ?? { appId: '', appSecret: '' };
    if (!appId || !appSecret) throw notConfigured();
    const url = `https://api.weixin.qq.com/sns/jscode2session?appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(appSecret)}&js_code=${encodeURIComponent(code)}&grant_type=authorization_code`;
    const reply = (await (await this.fetcher(url)).json()) as { openid?: string; errcode?: number };
    if (!reply.openid || (reply.errcode ?? 0) !== 0) throw codeRejected();
    try {
      await this.db.transaction((em) => em.update(Person, { id: actor.id }, { wechatOpenid: reply.openid }));
    } catch (e) {
      if (isUniqueViolation(e)) throw openidTaken();
      throw e;
    }
    return { bound: true };
  }
}
