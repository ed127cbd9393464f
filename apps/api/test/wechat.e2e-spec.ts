import { WechatBindingService } from '../src/auth/wechat-binding.service';
import { Person } from '../src/auth/person.entity';
import { Database } from '../src/database/database.service';
import { PeopleOpenidLookup } from '../src/reminders/openid.lookup';
import { testDatabases } from './databases';
import { person, startTestApp } from './harness';
import { useTestApp } from './use-test-app';

describe.each(testDatabases().map((d) => [d.name, d] as const))('WeChat binding on %s', (_name, db) => {
  const t = useTestApp(db, { env: { XJ_WECHAT_APPID: 'wx0123456789abcdef', XJ_WECHAT_SECRET: 's3cret' } });
  const calls: string[] = [];
  beforeAll(async () => {
    t.app.get(WechatBindingService).fetcher = async (url) => {
      calls.push(url);
      const code = new URL(url).searchParams.get('js_code');
      const body = code === 'expired-code-0001' ? { errcode: 40029, errmsg: 'invalid code' } : { openid: `o-${code}`, session_key: 'never-kept' };
      return { json: async () => body };
    };
  });

  it('binds the caller’s openid from a wx.login code', async () => {
    const g = await t.login(person('m-cs2201-4').idNumber);
    const ok = await t.request('POST', '/auth/wechat-bind', { token: g, body: { code: 'good-code-0001' } });
    expect(ok).toMatchObject({ status: 200, body: { bound: true } });
    expect(calls[0]).toContain('appid=wx0123456789abcdef');
    expect(calls[0]).toContain('grant_type=authorization_code');
    expect(await new PeopleOpenidLookup(t.app.get(Database)).openidFor('m-cs2201-4')).toBe('o-good-code-0001');
    expect((await t.app.get(Database).manager.findOneByOrFail(Person, { id: 'm-cs2201-4' })).wechatOpenid).toBe('o-good-code-0001');

    const bad = await t.request('POST', '/auth/wechat-bind', { token: g, body: { code: 'expired-code-0001' } });
    expect(bad).toMatchObject({ status: 422, body: { code: 'WECHAT_CODE_INVALID' } });
    expect((await t.request('POST', '/auth/wechat-bind', { body: { code: 'good-code-0002' } })).status).toBe(401);
    expect((await t.request('POST', '/auth/wechat-bind', { token: g, body: { code: 'x' } })).body.code).toBe('VALIDATION_FAILED');
  });

  // Security review 3: a WeChat bound to the wrong account (a secretary logging a classmate in on his own
  // phone) answered 409 to its owner for ever, and kept receiving the classmate's reminders. A fresh code
  // proves who holds the WeChat now: it moves to the account that asks, and leaves the other one.
  it('one WeChat, one account: binding it again from another account moves it there', async () => {
    const openidOf = async (id: string) => (await t.app.get(Database).manager.findOneByOrFail(Person, { id })).wechatOpenid;
    const first = await t.login(person('m-cs2201-4').idNumber);
    expect((await t.request('POST', '/auth/wechat-bind', { token: first, body: { code: 'good-code-0001' } })).status).toBe(200);
    expect(await openidOf('m-cs2201-4')).toBe('o-good-code-0001');
    const other = await t.login(person('m-cs2201-5').idNumber);
    const moved = await t.request('POST', '/auth/wechat-bind', { token: other, body: { code: 'good-code-0001' } });
    expect(moved).toMatchObject({ status: 200, body: { bound: true } });
    expect(await openidOf('m-cs2201-5')).toBe('o-good-code-0001');
    expect(await openidOf('m-cs2201-4')).toBeNull();
  });

  // Security review 3: every call reached WeChat's jscode2session, unthrottled — the app's quota, for anyone logged in.
  it('asks WeChat at most 10 times a minute per account (429 after, without calling out)', async () => {
    const g = await t.login(person('m-cs2201-6').idNumber);
    const before = calls.length;
    const replies = [];
    for (let i = 0; i < 12; i++) replies.push((await t.request('POST', '/auth/wechat-bind', { token: g, body: { code: 'expired-code-0001' } })).status);
    expect(replies).toEqual([...Array(10).fill(422), 429, 429]);
    expect(calls.length - before).toBe(10);
    const res = await t.request('POST', '/auth/wechat-bind', { token: g, body: { code: 'good-code-0003' } });
    expect(res).toMatchObject({ status: 429, body: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: expect.any(Number) } });
  });
});

describe('WeChat binding without WeChat configured', () => {
  it('says so instead of calling out', async () => {
    const t = await startTestApp(testDatabases()[0]);
    try {
      const token = await t.login(person('m-cs2201-4').idNumber);
      const res = await t.request('POST', '/auth/wechat-bind', { token, body: { code: 'good-code-0001' } });
      expect(res).toMatchObject({ status: 422, body: { code: 'WECHAT_NOT_CONFIGURED' } });
    } finally {
      await t.close();
    }
  });
});
