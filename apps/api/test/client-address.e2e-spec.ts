import { makeIdNumber } from '@xianjie/rules';
import { testDatabases } from './databases';
import { useTestApp } from './use-test-app';

/**
 * Whose address a per-address limit counts. The public 忘记密码 lookup allows 30 a window per
 * address; a client that could choose its address (by writing X-Forwarded-For) would have no limit.
 * Behind one proxy (XJ_TRUST_PROXY=1, the web function) the address is the entry that proxy appended,
 * the last one — never one the client wrote before it. HTTP-level: SQLite is enough.
 */
describe('the caller\'s address behind one trusted proxy (XJ_TRUST_PROXY=1)', () => {
  const t = useTestApp(testDatabases()[0], { env: { XJ_TRUST_PROXY: '1' } });
  const ask = (n: number, forwardedFor: string) =>
    t.request('POST', '/auth/forgot-password', { body: { idNumber: makeIdNumber('110101', '19900309', String(100 + n)), name: '某某' }, remoteAddress: '10.9.9.9', headers: { 'x-forwarded-for': forwardedFor } });

  it('counts the address the proxy appended, whatever the client put in front of it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await ask(i, `203.0.113.${i}, 198.51.100.7`)).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Another caller behind the same proxy has a limit of its own.
    expect((await ask(40, '198.51.100.8')).status).toBe(200);
  });
});
