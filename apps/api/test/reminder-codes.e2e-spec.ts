import { createHash } from 'node:crypto';
import { Database } from '../src/database/database.service';
import { testDatabases } from './databases';
import { startTestApp, TestApp } from './harness';
import { applyScenario, idOf, PROGRESS_DATA } from './progress-fixture';

/**
 * The short code of a reminder link (a 小程序码's scene holds ≤ 32 characters, the token 43):
 * GET /reminders/s/:code and POST /reminders/wxacode, with WeChat credentials configured and
 * WeChat itself played by a fake `fetch`.
 */
jest.setTimeout(120_000);

describe.each(testDatabases().map((d) => [d.name, d] as const))('reminder short codes on %s', (_name, db) => {
  let t: TestApp;
  const as = (id: string) => t.login(idOf(id));
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const openCode = async (who: string, code: string) => t.request('GET', `/reminders/s/${code}`, { token: await as(who) });
  const wxacode = async (who: string, body: unknown) => t.request('POST', '/reminders/wxacode', { token: await as(who), body });
  let link: { memberId: string; token: string; code: string; url: string };
  const wechatCalls: { url: string; body?: Record<string, unknown> }[] = [];
  let fetchSpy: jest.SpyInstance;

  beforeAll(async () => {
    t = await startTestApp(db, { seed: PROGRESS_DATA, env: { XJ_WECHAT_APPID: 'wx-test', XJ_WECHAT_SECRET: 'secret-test' } });
    await applyScenario(t);
    const real = global.fetch;
    fetchSpy = jest.spyOn(global, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      if (!url.startsWith('https://api.weixin.qq.com/')) return real(input, init);
      wechatCalls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url.includes('/cgi-bin/token?')) return new Response(JSON.stringify({ access_token: 'AT-1', expires_in: 7200 }), { headers: { 'content-type': 'application/json' } });
      return new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { headers: { 'content-type': 'image/png' } });
    });
    const res = await t.request('POST', '/reminders', { token: await as('a-cs-counsellor'), body: { memberIds: ['m-cs2201-1', 'm-cs2201-6'] } });
    expect(res.status).toBe(201);
    link = res.body[0];
  });
  afterAll(async () => {
    fetchSpy?.mockRestore();
    await t?.close();
  });

  it('gives each link a 24-character code, unique, stored only as a hash', async () => {
    expect(link.code).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const rows: { code_hash: string; token_hash: string }[] = await t.app.get(Database).dataSource.query('SELECT code_hash, token_hash FROM reminders');
    expect(rows.map((r) => r.code_hash)).toContain(sha(link.code));
    expect(new Set(rows.map((r) => r.code_hash)).size).toBe(rows.length);
    expect(JSON.stringify(rows)).not.toContain(link.code);
    expect(link.url).not.toContain(link.code);
  });

  it('opens the same landing as the token, for its graduate only, and counts the open', async () => {
    const byCode = await openCode('m-cs2201-1', link.code);
    expect(byCode.status).toBe(200);
    const byToken = await t.request('GET', `/reminders/${link.token}`, { token: await as('m-cs2201-1') });
    expect(byCode.body).toEqual(byToken.body);
    const [row] = await t.app.get(Database).dataSource.query(`SELECT open_count FROM reminders WHERE code_hash = '${sha(link.code)}'`);
    expect(Number(row.open_count)).toBe(2);
    // Someone else's code, a malformed one and the token in the code's place: the same 404.
    for (const [who, code] of [['m-cs2201-6', link.code], ['m-cs2201-1', 'short'], ['m-cs2201-1', link.token], ['m-cs2201-1', 'A'.repeat(24)]]) {
      expect((await openCode(who, code)).body).toEqual({ code: 'REMINDER_NOT_FOUND', message: expect.any(String) });
    }
    // The code is no token: it opens nothing on the token route.
    expect((await t.request('GET', `/reminders/${link.code}`, { token: await as('m-cs2201-1') })).status).toBe(404);
  });

  it('holds each account to 20 opens a minute, counting misses; other accounts are not held', async () => {
    const guesser = 'm-cs2201-2';
    const token = await as(guesser);
    for (let i = 0; i < 20; i++) expect((await t.request('GET', `/reminders/s/${'g'.repeat(23)}${i % 10}`, { token })).status).toBe(404);
    const held = await t.request('GET', `/reminders/s/${link.code}`, { token });
    expect(held.status).toBe(429);
    expect(held.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: expect.any(Number) });
    // The limit is per account: the graduate it is for still gets in.
    expect((await openCode('m-cs2201-1', link.code)).status).toBe(200);
  });

  it('draws the 小程序码 for the counsellor who made the link, with the code as its scene', async () => {
    const res = await wxacode('a-cs-counsellor', { code: link.code });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ configured: true, image: 'data:image/png;base64,iVBORw==' });
    const draw = wechatCalls.find((c) => c.url.includes('/wxa/getwxacodeunlimit?access_token=AT-1'));
    expect(draw?.body).toMatchObject({ scene: link.code, page: 'pages/reminder/index', check_path: false });
    expect((draw?.body?.scene as string).length).toBeLessThanOrEqual(32);
  });

  it('draws nothing for anyone else, and refuses bad bodies with 400', async () => {
    expect((await wxacode('a-chutian-cs', { code: link.code })).body).toMatchObject({ code: 'REMINDER_NOT_FOUND' });
    expect((await wxacode('a-cs-counsellor', { code: 'B'.repeat(24) })).status).toBe(404);
    expect((await wxacode('m-cs2201-1', { code: link.code })).body).toMatchObject({ code: 'FORBIDDEN' });
    for (const body of [{}, { code: 7 }, { code: 'x'.repeat(33) }, { code: link.code, extra: 1 }]) {
      expect((await wxacode('a-cs-counsellor', body)).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });

  it('draws at most 60 a minute per account, counting misses, so nobody spends the app’s WeChat quota (security review)', async () => {
    t.clock.current = new Date(t.clock.current.getTime() + 61_000); // past the earlier tests' draws
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await wxacode('a-cs-counsellor', { code: 'B'.repeat(24) })).status);
    expect(new Set(statuses)).toEqual(new Set([404]));
    const held = await wxacode('a-cs-counsellor', { code: link.code });
    expect(held).toMatchObject({ status: 429, body: { code: 'TOO_MANY_ATTEMPTS' } });
    const now = t.clock.current;
    t.clock.current = new Date(now.getTime() + 61_000);
    expect((await wxacode('a-cs-counsellor', { code: link.code })).status).toBe(200);
    t.clock.current = now;
  });

  it('expires with its link', async () => {
    t.clock.advanceDays(15);
    expect((await openCode('m-cs2201-1', link.code)).body).toMatchObject({ code: 'REMINDER_EXPIRED' });
    expect((await wxacode('a-cs-counsellor', { code: link.code })).body).toMatchObject({ code: 'REMINDER_EXPIRED' });
  });
});
