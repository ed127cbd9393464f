import { LogNotifier } from './log.notifier';
import { maskName, OpenidLookup } from './notifier';
import type { Reminder } from './reminder.entity';
import { FetchLike, WechatSubscribeNotifier } from './wechat.notifier';

const reminder: Reminder = {
  id: 'r-1', tokenHash: 'h', memberId: 'm-1', createdById: 'a-1', createdAt: '2026-07-01T02:00:00.000Z',
  expiresAt: '2026-07-15T02:00:00.000Z', openedAt: null, openCount: 0, delivery: null,
};
const member = { id: 'm-1', name: '李明', startedBy: '2026-08-31' };
const url = 'https://xj.example.cn/#/pages/reminder/index?token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';

describe('maskName', () => {
  it('keeps the first character only', () => {
    expect(maskName('李明')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('王')).toBe('*');
  });
});

describe('LogNotifier', () => {
  it('writes one line with the name masked, the token cut and no ID number or phone', async () => {
    const lines: string[] = [];
    const note = await new LogNotifier((l) => lines.push(l)).send(reminder, member, url);
    expect(note).toBe('log');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('r-1');
    expect(lines[0]).toContain('李*');
    expect(lines[0]).not.toContain('李明');
    expect(lines[0]).not.toContain('AbCdEfGhIjKlMnOp');
    expect(lines[0]).not.toMatch(/\d{11}/);
  });
});

class FixedOpenids extends OpenidLookup {
  constructor(private readonly map: Record<string, string>) {
    super();
  }
  async openidFor(id: string) {
    return this.map[id] ?? null;
  }
}

/** A scripted WeChat: records every call, answers from queues. */
function fakeWechat(sendReplies: unknown[], tokenReplies: unknown[] = [{ access_token: 'TOKEN-1', expires_in: 7200 }]) {
  const calls: { url: string; method?: string; body?: any }[] = [];
  const fetchFn: FetchLike = async (u, init) => {
    calls.push({ url: u, method: init?.method, body: init?.body ? JSON.parse(init.body) : undefined });
    const reply = u.includes('/cgi-bin/token?') ? tokenReplies.shift() : sendReplies.shift();
    if (reply instanceof Error) throw reply;
    return { ok: true, status: 200, json: async () => reply };
  };
  return { calls, fetchFn };
}

describe('WechatSubscribeNotifier', () => {
  const settings = { appId: 'wx123', appSecret: 's3cret', templateId: 'TPL' };
  let now: Date;
  const clock = () => now;
  beforeEach(() => {
    now = new Date('2026-07-01T02:00:00Z');
  });

  it('gets a token, then sends the template with the page and fitted fields', async () => {
    const w = fakeWechat([{ errcode: 0, errmsg: 'ok' }]);
    const n = new WechatSubscribeNotifier(settings, new FixedOpenids({ 'm-1': 'OPENID-1' }), clock, w.fetchFn);
    expect(await n.send(reminder, member, url)).toBe('wechat');
    expect(w.calls).toHaveLength(2);
    expect(w.calls[0]).toMatchObject({ method: 'GET', url: 'https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=wx123&secret=s3cret' });
    expect(w.calls[1].method).toBe('POST');
    expect(w.calls[1].url).toBe('https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=TOKEN-1');
    expect(w.calls[1].body).toEqual({
      touser: 'OPENID-1',
      template_id: 'TPL',
      page: 'pages/reminder/index?token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde',
      data: {
        thing1: { value: '团组织关系转接' },
        time2: { value: '2026年8月31日' },
        name3: { value: '李明' },
        thing4: { value: expect.stringContaining('14天') },
      },
      lang: 'zh_CN',
    });
  });

  it('caches the token until shortly before expires_in, and shares one fetch between concurrent sends', async () => {
    const w = fakeWechat(
      [{ errcode: 0 }, { errcode: 0 }, { errcode: 0 }, { errcode: 0 }],
      [{ access_token: 'TOKEN-1', expires_in: 7200 }, { access_token: 'TOKEN-2', expires_in: 7200 }],
    );
    const n = new WechatSubscribeNotifier(settings, new FixedOpenids({ 'm-1': 'O1' }), clock, w.fetchFn);
    await Promise.all([n.send(reminder, member, url), n.send(reminder, member, url)]);
    expect(w.calls.filter((c) => c.url.includes('/token?'))).toHaveLength(1);
    now = new Date(now.getTime() + 6000 * 1000); // 100 minutes: still fresh
    await n.send(reminder, member, url);
    expect(w.calls.filter((c) => c.url.includes('/token?'))).toHaveLength(1);
    now = new Date(now.getTime() + 1000 * 1000); // 6900 s after issue: inside the 5-minute margin
    await n.send(reminder, member, url);
    const tokenCalls = w.calls.filter((c) => c.url.includes('/token?'));
    expect(tokenCalls).toHaveLength(2);
    expect(w.calls[w.calls.length - 1].url).toContain('access_token=TOKEN-2');
  });

  it('records 43101 as not-subscribed, other errcodes as failures', async () => {
    const w = fakeWechat([{ errcode: 43101, errmsg: 'user refuse to accept the msg' }, { errcode: 47003, errmsg: 'argument invalid' }]);
    const n = new WechatSubscribeNotifier(settings, new FixedOpenids({ 'm-1': 'O1' }), clock, w.fetchFn);
    expect(await n.send(reminder, member, url)).toBe('not-subscribed');
    expect(await n.send(reminder, member, url)).toBe('failed: wechat errcode 47003');
  });

  it('refreshes a token WeChat calls stale and tries once more', async () => {
    const w = fakeWechat(
      [{ errcode: 40001, errmsg: 'invalid credential' }, { errcode: 0 }],
      [{ access_token: 'OLD', expires_in: 7200 }, { access_token: 'NEW', expires_in: 7200 }],
    );
    const n = new WechatSubscribeNotifier(settings, new FixedOpenids({ 'm-1': 'O1' }), clock, w.fetchFn);
    expect(await n.send(reminder, member, url)).toBe('wechat');
    expect(w.calls.map((c) => c.url.replace(/^https:\/\/api\.weixin\.qq\.com\/cgi-bin\//, '').split('&')[0])).toEqual([
      'token?grant_type=client_credential', 'message/subscribe/send?access_token=OLD',
      'token?grant_type=client_credential', 'message/subscribe/send?access_token=NEW',
    ]);
  });

  it('sends nothing to a member without an openid, and survives token and network failures', async () => {
    const none = fakeWechat([]);
    expect(await new WechatSubscribeNotifier(settings, new FixedOpenids({}), clock, none.fetchFn).send(reminder, member, url)).toBe('no-openid');
    expect(none.calls).toHaveLength(0);
    const badSecret = fakeWechat([], [{ errcode: 40125, errmsg: 'invalid appsecret' }]);
    expect(await new WechatSubscribeNotifier(settings, new FixedOpenids({ 'm-1': 'O1' }), clock, badSecret.fetchFn).send(reminder, member, url))
      .toBe('failed: wechat token errcode 40125');
    const down = fakeWechat([new Error('ECONNRESET')]);
    expect(await new WechatSubscribeNotifier(settings, new FixedOpenids({ 'm-1': 'O1' }), clock, down.fetchFn).send(reminder, member, url))
      .toBe('failed: network');
  });
});

describe('notifierFor', () => {
  const { notifierFor } = jest.requireActual<typeof import('./reminders.module')>('./reminders.module');
  const clock = { now: () => new Date() };
  const openids = new FixedOpenids({});
  const base = { notifier: 'log', wechat: { appId: 'wx1', appSecret: 's', reminderTemplateId: 'T' } } as never;

  it('logs unless the config names WeChat', () => {
    expect(notifierFor(null, openids, clock)).toBeInstanceOf(LogNotifier);
    expect(notifierFor(base, openids, clock)).toBeInstanceOf(LogNotifier);
    expect(notifierFor({ ...(base as object), notifier: 'wechat' } as never, openids, clock)).toBeInstanceOf(WechatSubscribeNotifier);
  });
});
