import { ValidationPipe } from '@nestjs/common';
import { makeIdNumber } from '@xianjie/rules';
import { DatabaseProxy } from './db-proxy';
import { testDatabases } from './databases';
import { person, startTestApp, TestApp } from './harness';
import { useTestApp } from './use-test-app';

const graduate = person('m-cs2201-1');
const schoolAdmin = person('a-chutian');

const contractError = (code: string) => ({ code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
const manyKeys = (n: number, base: Record<string, unknown> = {}) => {
  const body: Record<string, unknown> = { ...base };
  for (let i = 0; i < n; i++) body[`k${i}`] = 0;
  return JSON.stringify(body);
};
const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe.each(testDatabases().map((d) => [d.name, d] as const))('security: platform on %s', (_name, db) => {
  const t = useTestApp(db, {}, { start: 120_000, close: 60_000 });
  let adminToken: string;
  let graduateToken: string;
  let pipe: jest.SpyInstance;
  beforeAll(async () => {
    adminToken = await t.login(schoolAdmin.idNumber);
    graduateToken = await t.login(graduate.idNumber);
  }, 120_000);
  beforeEach(() => {
    pipe = jest.spyOn(ValidationPipe.prototype, 'transform');
  });
  afterEach(() => pipe.mockRestore());

  describe('body size, key count and depth are capped before any pipe runs', () => {
    it('refuses a 1 MB login with 100k unknown keys with 413, without transforming it', async () => {
      const raw = manyKeys(100_000, { idNumber: graduate.idNumber, password: 'x' });
      expect(raw.length).toBeGreaterThan(1_000_000);
      const res = await t.request('POST', '/auth/login', { raw });
      expect(res).toMatchObject({ status: 413, body: contractError('PAYLOAD_TOO_LARGE') });
      expect(pipe).not.toHaveBeenCalled();
    });

    it('refuses too many keys in a body that fits the byte cap, on auth and elsewhere', async () => {
      const login = await t.request('POST', '/auth/login', { raw: manyKeys(300, { idNumber: graduate.idNumber, password: 'x' }) });
      expect(login).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'body', message: expect.stringContaining('字段过多') }] } });
      const raw = manyKeys(4_000, { answers: { destination: 'employed' } });
      expect(raw.length).toBeLessThan(64 * 1024);
      const start = await t.request('POST', '/transfers', { token: graduateToken, raw });
      expect(start).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'body' }] } });
      const wide = await t.request('PUT', '/me/destination', { token: graduateToken, raw: JSON.stringify({ answers: JSON.parse(manyKeys(500)) }) });
      expect(wide).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'answers' }] } });
      expect(pipe).not.toHaveBeenCalled();
    });

    it('refuses 5,000-deep JSON with 400 instead of overflowing the stack, even where big bodies are allowed', async () => {
      const deep = await t.request('POST', '/transfers', { token: graduateToken, raw: `{"answers":${nested(5_000)}}` });
      expect(deep).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ message: '嵌套层级过深' }] } });
      const deepObject = await t.request('POST', '/transfers', { token: graduateToken, raw: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}` });
      expect(deepObject.status).toBe(400);
      const importDeep = await t.request('POST', '/admin/import', { token: adminToken, raw: `{"orgs":${nested(100_000)}}` });
      expect(importDeep).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(pipe).not.toHaveBeenCalled();
    });

    it('keeps ordinary routes small (64 KB) and auth smaller (4 KB)', async () => {
      const big = await t.request('POST', '/transfers', { token: graduateToken, body: { answers: { destination: 'employed' }, remarks: 'x'.repeat(70 * 1024) } });
      expect(big).toMatchObject({ status: 413, body: contractError('PAYLOAD_TOO_LARGE') });
      const login = await t.request('POST', '/auth/login', { body: { idNumber: graduate.idNumber, password: 'x'.repeat(5 * 1024) } });
      expect(login).toMatchObject({ status: 413, body: contractError('PAYLOAD_TOO_LARGE') });
    });

    it('lets a 20,000-member school file through to the import validation', async () => {
      const members = Array.from({ length: 20_000 }, (_, i) => ({
        id: `big-${i}`,
        name: `学生${i}`,
        idNumber: makeIdNumber('420111', `2003${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`, String(i % 1000).padStart(3, '0')),
        phone: `139${String(i).padStart(8, '0')}`,
        orgId: 'chutian-cs-2201',
        graduationYear: 2026,
        isLeagueMember: true,
      }));
      // One bad row: the file is read and judged as a whole (422), not refused at the door.
      members[19_999].phone = '123';
      const raw = JSON.stringify({ orgs: [], members, admins: [] });
      expect(raw.length).toBeGreaterThan(3_000_000);
      const res = await t.request('POST', '/admin/import', { token: adminToken, raw });
      expect(res).toMatchObject({ status: 422, body: { code: 'IMPORT_INVALID' } });
    }, 60_000);
  });

  describe('bad input is a 4xx in the contract shape, never a 500', () => {
    const nul = (field: string) => ({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field, message: expect.stringContaining('空字符') }] } });

    it('refuses a NUL byte in body, query and path strings', async () => {
      expect(await t.request('POST', '/auth/login', { body: { idNumber: `4201\u0000`, password: 'x' } })).toMatchObject(nul('idNumber'));
      expect(await t.request('GET', '/orgs?q=%E8%AE%A1%00%E7%AE%97', { token: adminToken })).toMatchObject(nul('q'));
      expect(await t.request('GET', '/orgs?parentId=a%00b', { token: adminToken })).toMatchObject(nul('parentId'));
      expect(await t.request('GET', '/members?orgId=a%00', { token: adminToken })).toMatchObject(nul('orgId'));
      expect(await t.request('GET', '/orgs/a%00b', { token: adminToken })).toMatchObject(nul('id'));
      expect(await t.request('GET', '/transfers/a%00b', { token: adminToken })).toMatchObject(nul('id'));
      expect(await t.request('POST', '/members/a%00b/reset-password', { token: adminToken })).toMatchObject(nul('id'));
      expect(await t.request('POST', '/transfers', { token: graduateToken, body: { answers: { destination: 'employed', employerHasLeagueOrg: true }, targetOrgId: 'dongfeng', remarks: 'a\u0000b' } })).toMatchObject(nul('remarks'));
      expect(await t.request('POST', '/reminders', { token: adminToken, body: { memberIds: ['m-cs2201-1', 'a\u0000'] } })).toMatchObject(nul('memberIds.1'));
      const importNul = await t.request('POST', '/admin/import', {
        token: adminToken,
        body: { orgs: [{ id: 'nul-org', name: '计算机\u00002299班团支部', kind: 'branch', parentId: 'chutian-cs', domain: 'school', province: 'hubei' }], members: [], admins: [] },
      });
      expect(importNul).toMatchObject(nul('orgs.0.name'));
      // A NUL in a key is refused too (it would reach a column name check or a log).
      expect(await t.request('POST', '/auth/login', { raw: '{"idNumber":"1","password":"x","a\\u0000":1}' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    });

    it('refuses numbers out of range in queries (offset=1e21, huge, not decimal)', async () => {
      for (const q of ['offset=1e21', 'offset=99999999999999999999', 'offset=1e3', 'limit=1e21', 'offset=0x10', 'offset=%00']) {
        const res = await t.request('GET', `/transfers?box=outgoing&${q}`, { token: adminToken });
        expect([q, res.status, res.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
      }
      for (const q of ['offset=1e21', 'limit=99999999999999999999', 'year=1e21', 'year=2026.0']) {
        const res = await t.request('GET', `/orgs/chutian/not-started?${q}`, { token: adminToken });
        expect([q, res.status, res.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
      }
      expect((await t.request('GET', '/transfers?box=outgoing&offset=0&limit=5', { token: adminToken })).status).toBe(200);
    });

    // Security review 3: the retention ledger had its own paging rules, and offset=1e21 reached the SQL (a 500).
    it('every paged list refuses an offset or limit out of range or not in decimal', async () => {
      const lists = ['/transfers?box=outgoing', '/orgs/chutian/not-started?', '/orgs/chutian/special-unit?', '/orgs/chutian/retention?', '/orgs/chutian/destinations?',
        '/requests?', '/reminders?', '/transfers/pull-in/waiting?'];
      for (const list of lists) {
        const sep = list.endsWith('?') ? '' : '&';
        expect([list, (await t.request('GET', `${list}${sep}offset=0&limit=5`, { token: adminToken })).status]).toEqual([list, 200]);
        for (const q of ['offset=1e21', 'offset=99999999999999999999', 'limit=1e3', 'offset=0x10', 'limit=0']) {
          const res = await t.request('GET', `${list}${sep}${q}`, { token: adminToken });
          expect([list, q, res.status, res.body.code]).toEqual([list, q, 400, 'VALIDATION_FAILED']);
        }
      }
    });

    it('refuses dates that are not on the calendar', async () => {
      for (const graduationDate of ['2026-02-30', '2025-02-29', '2026-04-31']) {
        const res = await t.request('POST', '/orgs/chutian-cs/graduation-marks', { token: adminToken, body: { branchIds: ['chutian-cs-2201'], graduationDate } });
        expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'graduationDate' }] } });
      }
      const campaign = await t.request('PUT', '/orgs/chutian/campaign', { token: adminToken, body: { startedBy: '2026-02-30' } });
      expect(campaign).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'startedBy' }] } });
    });

    it('answers Fastify’s own early errors in the contract shape, in Chinese', async () => {
      const long = await t.request('GET', `/orgs/${'x'.repeat(200)}`, { token: adminToken });
      expect(long).toEqual(expect.objectContaining({ status: 414, body: contractError('URI_TOO_LONG') }));
      const badUrl = await t.request('GET', '/transfers/%E0%A4%A', { token: adminToken });
      expect(badUrl).toEqual(expect.objectContaining({ status: 400, body: contractError('BAD_REQUEST') }));
      const outside = await t.app.inject({ method: 'GET', url: '/no-such-page/x' });
      expect(outside.statusCode).toBe(404);
      expect(JSON.parse(outside.body)).toEqual(contractError('NOT_FOUND'));
      const form = await t.request('POST', '/auth/login', { raw: 'idNumber=1%002&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(form).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'idNumber' }] } });
    });
  });

  describe('health and headers', () => {
    it('answers /health/ready when the database answers, /health without touching it', async () => {
      expect(await t.request('GET', '/health/ready')).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect(await t.request('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    });

    it('sends security headers on every response, errors included', async () => {
      for (const res of [await t.request('GET', '/health'), await t.request('GET', '/orgs'), await t.request('GET', '/no-such-route')]) {
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
        expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
        // Left out on purpose (common/http-hardening.ts): it costs every first visit a renderer swap.
        expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
      }
    });

    // Security review 3: personal answers (a member's card with the full phone) said nothing about caching.
    it('tells every cache to keep no API answer: personal data, errors and downloads alike', async () => {
      const card = await t.request('GET', '/members/m-cs2201-1', { token: adminToken });
      expect(card.body.phone).toMatch(/^1\d{10}$/);
      const answers = [card, await t.request('GET', '/me', { token: adminToken }), await t.request('GET', '/orgs/chutian/statistics?format=xlsx', { token: adminToken }),
        await t.request('GET', '/members/nobody', { token: adminToken }), await t.request('POST', '/auth/login', { body: { idNumber: '1', password: 'x' } })];
      for (const res of answers) expect([res.status, res.headers['cache-control']]).toEqual([res.status, 'no-store']);
    });
  });
});

const networked = testDatabases().filter((d) => d.name !== 'sqlite');
if (networked.length > 0) {
  describe.each(networked.map((d) => [d.name, d] as const))('security: a database that goes away, %s', (name, db) => {
    let t: TestApp;
    let proxy: DatabaseProxy;
    let token: string;
    beforeAll(async () => {
      const target = new URL(name === 'postgres' ? process.env.XJ_TEST_POSTGRES_URL! : process.env.XJ_TEST_MYSQL_URL!);
      proxy = new DatabaseProxy(target.hostname, Number(target.port || (name === 'postgres' ? 5432 : 3306)));
      await proxy.start();
      t = await startTestApp(db, { rewriteUrl: (url) => proxy.rewrite(url), env: { XJ_DB_CONNECT_TIMEOUT_MS: '1000', XJ_DB_QUERY_TIMEOUT_MS: '1500' } });
      token = await t.login(schoolAdmin.idNumber);
    }, 120_000);
    afterAll(async () => {
      await proxy?.restore();
      await t?.close();
      await proxy?.close();
    }, 60_000);

    // Pooled connections cut by the outage are noticed and dropped on their next use, so the
    // first check after the network returns may still fail; a few more must succeed.
    const readyAgain = async (): Promise<number> => {
      let status = 0;
      for (let i = 0; i < 10 && status !== 200; i++) {
        status = (await t.request('GET', '/health/ready')).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      return status;
    };
    const unavailable = { status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' } };

    it('answers 503 DATABASE_UNAVAILABLE when the network black-holes the database, and recovers', async () => {
      expect((await t.request('GET', '/orgs', { token })).status).toBe(200);
      proxy.blackhole();
      expect(await t.request('GET', '/health/ready')).toMatchObject(unavailable);
      expect(await t.request('GET', '/orgs', { token })).toMatchObject(unavailable);
      expect(await t.request('GET', `/orgs?q=${encodeURIComponent('计算机')}`, { token })).toMatchObject(unavailable);
      expect(await t.request('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
      await proxy.restore();
      expect(await readyAgain()).toBe(200);
      expect((await t.request('GET', '/orgs', { token })).status).toBe(200);
    }, 60_000);

    it('answers 503 when the database port is closed', async () => {
      await proxy.close();
      expect(await t.request('GET', '/health/ready')).toMatchObject(unavailable);
      expect(await t.request('GET', '/orgs', { token })).toMatchObject(unavailable);
      await proxy.restore();
      expect(await readyAgain()).toBe(200);
    }, 60_000);
  });
}
