import { createHash } from 'node:crypto';
import { Database } from '../src/database/database.service';
import { OpenidLookup } from '../src/reminders/notifier';
import { testDatabases } from './databases';
import { useTestApp } from './use-test-app';
import { applyScenario, idOf, phoneOf, PROGRESS_DATA } from './progress-fixture';

/** POST /reminders, GET /reminders, GET /reminders/:token on the progress fixture (see progress-fixture.ts). */
describe.each(testDatabases().map((d) => [d.name, d] as const))('reminder links on %s', (_name, db) => {
  const t = useTestApp(db, { seed: PROGRESS_DATA });
  const as = (id: string) => t.login(idOf(id));
  const send = async (who: string, body: unknown) => t.request('POST', '/reminders', { token: await as(who), body });
  const open = async (who: string, token: string) => t.request('GET', `/reminders/${token}`, { token: await as(who) });
  const stored = async () => {
    const rows: { token_hash: string; member_id: string; open_count: number | string; opened_at: string | null; delivery: string | null }[] =
      await t.app.get(Database).dataSource.query('SELECT token_hash, member_id, open_count, opened_at, delivery FROM reminders');
    return rows.map((r) => ({ ...r, open_count: Number(r.open_count) }));
  };
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');

  beforeAll(async () => {
    await applyScenario(t);
  });

  let link: { memberId: string; token: string; url: string; expiresAt: string };

  describe('POST /reminders', () => {
    it('makes one unguessable link per graduate, storing only its hash', async () => {
      const res = await send('a-cs-counsellor', { memberIds: ['m-cs2201-1', 'm-cs2201-6', 'p-2201-7'] });
      expect(res.status).toBe(201);
      expect(res.body).toHaveLength(3);
      expect(res.body.map((r: { memberId: string }) => r.memberId)).toEqual(['m-cs2201-1', 'm-cs2201-6', 'p-2201-7']);
      for (const r of res.body) {
        expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(r.url).toBe(`https://xj.example.cn/#/pages/reminder/index?token=${r.token}`);
        expect(r.expiresAt).toBe('2026-07-15T02:00:00.000Z');
        expect(r.delivery).toBe('log');
        // No personal data in the link.
        for (const leak of [r.memberId, idOf(r.memberId), phoneOf(r.memberId), encodeURIComponent('李明')]) expect(r.url).not.toContain(leak);
      }
      link = res.body[0];
      const rows = await stored();
      expect(rows).toHaveLength(3);
      expect(rows.map((r) => r.token_hash).sort()).toEqual(res.body.map((r: { token: string }) => sha(r.token)).sort());
      expect(JSON.stringify(rows)).not.toContain(link.token);
      expect(rows.every((r) => r.delivery === 'log' && r.open_count === 0 && r.opened_at === null)).toBe(true);
    });

    it('takes an expiry of 1 to 30 days', async () => {
      const res = await send('a-chutian-cs', { memberIds: ['p-2201-14'], expiresInDays: 3 });
      expect(res.status).toBe(201);
      expect(res.body[0].expiresAt).toBe('2026-07-04T02:00:00.000Z');
      for (const expiresInDays of [0, 31, 2.5, '7']) {
        expect((await send('a-chutian-cs', { memberIds: ['p-2201-14'], expiresInDays })).body).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
    });

    it('refuses bad lists and unknown fields with 400, creating nothing', async () => {
      const before = (await stored()).length;
      const tooMany = Array.from({ length: 201 }, (_, i) => `m-${i}`);
      for (const body of [{}, { memberIds: [] }, { memberIds: tooMany }, { memberIds: ['m-cs2201-1', 'm-cs2201-1'] }, { memberIds: [7] }, { memberIds: 'm-cs2201-1' }]) {
        expect((await send('a-cs-counsellor', body)).body).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
      const unknown = await send('a-cs-counsellor', { memberIds: ['m-cs2201-1'], message: 'hi' });
      expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'message' }] });
      expect((await stored()).length).toBe(before);
    });

    it('creates nothing when any graduate is outside the caller’s scope or unknown', async () => {
      const before = (await stored()).length;
      const mixed = await send('a-cs-counsellor', { memberIds: ['m-cs2201-1', 'm-ee2201-2', 'nobody'] });
      expect(mixed.status).toBe(404);
      expect(mixed.body).toMatchObject({ code: 'MEMBER_NOT_FOUND', memberIds: ['m-ee2201-2', 'nobody'] });
      expect((await send('a-chutian-ee', { memberIds: ['m-cs2201-1'] })).status).toBe(404);
      // A graduate who is no admin of anything may not send at all.
      expect((await send('m-cs2201-2', { memberIds: ['m-cs2201-1'] })).body).toMatchObject({ code: 'FORBIDDEN' });
      expect((await stored()).length).toBe(before);
    });

    it('lets the other college’s admin remind their own', async () => {
      const res = await send('a-chutian-ee', { memberIds: ['m-ee2201-2'] });
      expect(res.status).toBe(201);
    });
  });

  describe('GET /reminders/:token', () => {
    it('shows the graduate what to do and records the open', async () => {
      const res = await open('m-cs2201-1', link.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        memberId: 'm-cs2201-1', name: '李明', status: 'not-started', expiresAt: link.expiresAt,
        deadline: { startedBy: '2026-08-31', daysLeft: 61 },
      });
      expect(res.body.transfer).toBeUndefined();
      expect(res.body.steps.length).toBeGreaterThan(1);
      expect(res.body.steps.join('\n')).toContain('2026-08-31');
      const row = (await stored()).find((r) => r.token_hash === sha(link.token))!;
      expect(row).toMatchObject({ open_count: 1, opened_at: '2026-07-01T02:00:00.000Z' });
    });

    it('counts every open but keeps the first time', async () => {
      t.clock.advanceDays(1);
      const res = await open('m-cs2201-1', link.token);
      expect(res.body.deadline.daysLeft).toBe(60);
      const row = (await stored()).find((r) => r.token_hash === sha(link.token))!;
      expect(row).toMatchObject({ open_count: 2, opened_at: '2026-07-01T02:00:00.000Z' });
    });

    it('answers 404 to anyone but the graduate, without a hint, and counts nothing', async () => {
      for (const who of ['m-cs2201-6', 'a-cs-counsellor', 'a-chutian']) {
        const res = await open(who, link.token);
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ code: 'REMINDER_NOT_FOUND', message: expect.any(String) });
      }
      const unknownButWellFormed = await open('m-cs2201-1', 'A'.repeat(43));
      expect(unknownButWellFormed.body).toEqual((await open('m-cs2201-6', link.token)).body);
      expect((await open('m-cs2201-1', 'not-a-token')).status).toBe(404);
      expect((await t.request('GET', `/reminders/${link.token}`)).status).toBe(401);
      expect((await stored()).find((r) => r.token_hash === sha(link.token))!.open_count).toBe(2);
    });

    it('tells a graduate whose application was refused why, before what to do', async () => {
      const [r] = (await send('a-cs-counsellor', { memberIds: ['p-2201-7'] })).body;
      const res = await open('p-2201-7', r.token);
      expect(res.body).toMatchObject({ status: 'not-started', previous: { status: 'rejected' } });
      expect(res.body.steps[0]).toContain('接收组织填写有误');
    });

    it('points a graduate already on the way to their transfer', async () => {
      const res = await send('a-cs-counsellor', { memberIds: ['m-cs2201-2', 'm-cs2201-5', 'p-2201-12'] });
      const [pending, done, kept] = res.body;
      expect((await open('m-cs2201-2', pending.token)).body).toMatchObject({
        status: 'in-progress', transfer: { id: expect.any(String), status: 'pending-outgoing', path: 'standard' },
      });
      const completed = await open('m-cs2201-5', done.token);
      expect(completed.body).toMatchObject({ status: 'completed', transfer: { status: 'completed', targetOrgName: '东风智造集团有限公司团委' } });
      expect(completed.body.steps[0]).toContain('东风智造集团有限公司团委');
      expect((await open('p-2201-12', kept.token)).body).toMatchObject({ status: 'completed', transfer: { path: 'retention' } });
    });
  });

  describe('tracking', () => {
    it('lists each link with its opens for the counsellor, and nothing of another college', async () => {
      const res = await t.request('GET', '/reminders?orgId=chutian-cs-2201', { token: await as('a-cs-counsellor') });
      expect(res.status).toBe(200);
      const mine = res.body.find((r: { memberId: string; openCount: number }) => r.memberId === 'm-cs2201-1');
      expect(mine).toMatchObject({
        memberName: '李明', orgId: 'chutian-cs-2201', createdBy: { id: 'a-cs-counsellor' }, expiresAt: link.expiresAt,
        expired: false, openedAt: '2026-07-01T02:00:00.000Z', openCount: 2, delivery: 'log',
        startedAt: null, startedAfterReminder: false, completedAt: null,
      });
      const completed = res.body.find((r: { memberId: string }) => r.memberId === 'm-cs2201-5');
      expect(completed).toMatchObject({ startedAfterReminder: false, completedAt: expect.any(String), orgId: 'dongfeng-rd' });
      expect(res.body.some((r: { memberId: string }) => r.memberId === 'm-ee2201-2')).toBe(false);
      const all = await t.request('GET', '/reminders', { token: await as('a-cs-counsellor') });
      expect(all.body.some((r: { memberId: string }) => r.memberId === 'm-ee2201-2')).toBe(false);
      expect((await t.request('GET', '/reminders?orgId=chutian-ee', { token: await as('a-cs-counsellor') })).status).toBe(404);
      const ee = await t.request('GET', '/reminders', { token: await as('a-chutian-ee') });
      expect(ee.body.map((r: { memberId: string }) => r.memberId)).toEqual(['m-ee2201-2']);
      expect((await t.request('GET', '/reminders?orgId=chutian-cs&foo=1', { token: await as('a-cs-counsellor') })).status).toBe(400);
      expect((await t.request('GET', '/reminders', { token: await as('m-cs2201-1') })).status).toBe(403);
    });

    it('pages the list newest first with the total in X-Total-Count, and sums up every link, not one page', async () => {
      const token = await as('a-cs-counsellor');
      const whole = await t.request('GET', '/reminders?orgId=chutian-cs-2201', { token });
      const n = whole.body.length as number;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(whole.headers['x-total-count']).toBe(String(n));
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
      const first = await t.request('GET', '/reminders?orgId=chutian-cs-2201&limit=2', { token });
      const rest = await t.request('GET', '/reminders?orgId=chutian-cs-2201&limit=2&offset=2', { token });
      expect(first.headers['x-total-count']).toBe(String(n));
      expect([...ids(first.body), ...ids(rest.body)]).toEqual(ids(whole.body).slice(0, 4));

      const summary = await t.request('GET', '/reminders/summary?orgId=chutian-cs-2201', { token });
      expect(summary.status).toBe(200);
      const rows = whole.body as { openedAt: string | null; startedAt: string | null; completedAt: string | null }[];
      expect(summary.body).toEqual({
        sent: n,
        opened: rows.filter((r) => r.openedAt).length,
        started: rows.filter((r) => r.startedAt).length,
        completed: rows.filter((r) => r.completedAt).length,
      });
      expect(summary.body.opened).toBeGreaterThan(0);
      expect(summary.body.completed).toBeGreaterThan(0);
      // Scoped like the list: another college's, a graduate, an unknown field.
      expect((await t.request('GET', '/reminders/summary?orgId=chutian-ee', { token })).status).toBe(404);
      expect((await t.request('GET', '/reminders/summary', { token: await as('a-chutian-ee') })).body).toEqual({ sent: 1, opened: 0, started: 0, completed: 0 });
      expect((await t.request('GET', '/reminders/summary', { token: await as('m-cs2201-1') })).status).toBe(403);
      expect((await t.request('GET', '/reminders/summary?memberId=m-cs2201-1', { token })).status).toBe(400);
      expect((await t.request('GET', '/reminders?offset=-1', { token })).status).toBe(400);
    });

    it('shows the graduate’s start through POST /transfers, and progress counts one more', async () => {
      const before = (await t.request('GET', '/orgs/chutian-cs-2201/progress', { token: await as('a-cs-counsellor') })).body;
      const start = await t.request('POST', '/transfers', {
        token: await as('m-cs2201-1'),
        body: { answers: { destination: 'employed', employerHasLeagueOrg: true }, targetOrgId: 'dongfeng' },
      });
      expect(start.status).toBe(201);
      const list = await t.request('GET', '/reminders?memberId=m-cs2201-1', { token: await as('a-cs-counsellor') });
      expect(list.body).toHaveLength(1);
      expect(list.body[0]).toMatchObject({ startedAt: start.body.createdAt, startedAfterReminder: true, completedAt: null });
      const after = (await t.request('GET', '/orgs/chutian-cs-2201/progress', { token: await as('a-cs-counsellor') })).body;
      expect(after.started).toBe(before.started + 1);
      expect(after.notStarted).toBe(before.notStarted - 1);
      expect((await open('m-cs2201-1', link.token)).body).toMatchObject({ status: 'in-progress', transfer: { id: start.body.id } });
      const notStarted = await t.request('GET', '/orgs/chutian-cs-2201/not-started', { token: await as('a-cs-counsellor') });
      expect(notStarted.body.map((r: { id: string }) => r.id)).not.toContain('m-cs2201-1');
      const six = notStarted.body.find((r: { id: string }) => r.id === 'm-cs2201-6');
      expect(six.lastReminder).toMatchObject({ createdAt: '2026-07-01T02:00:00.000Z', openedAt: null, openCount: 0 });
    });
  });

  describe('expiry', () => {
    it('refuses an expired link with 410, to its graduate only, and records nothing', async () => {
      t.clock.advanceDays(14); // 15 days after it was made
      const res = await open('m-cs2201-1', link.token);
      expect(res.status).toBe(410);
      expect(res.body).toEqual({ code: 'REMINDER_EXPIRED', message: expect.any(String) });
      // Replayed again later: still refused.
      t.clock.advanceDays(30);
      expect((await open('m-cs2201-1', link.token)).status).toBe(410);
      expect((await open('m-cs2201-6', link.token)).status).toBe(404);
      const row = (await stored()).find((r) => r.token_hash === sha(link.token))!;
      expect(row.open_count).toBe(3);
      const list = await t.request('GET', '/reminders?memberId=m-cs2201-1', { token: await as('a-cs-counsellor') });
      expect(list.body[0]).toMatchObject({ expired: true, openCount: 3 });
    });
  });

  // Security review 3: every POST /reminders called the notifier for every graduate in it, so any watcher
  // could spend the app's WeChat message quota (and flood one graduate) by sending the same list again.
  describe('how often', () => {
    it('notifies a graduate at most once a day: a second link within 24 hours is made, not sent', async () => {
      const first = await send('a-cs-counsellor', { memberIds: ['p-2201-12'] });
      expect(first.body[0].delivery).toBe('log');
      const again = await send('a-chutian-cs', { memberIds: ['p-2201-12', 'p-2201-13'] });
      expect(again.status).toBe(201);
      expect(again.body.map((r: { delivery: string }) => r.delivery)).toEqual(['skipped: recent', 'log']);
      expect(again.body[0].url).toMatch(/token=/); // the link itself is there, to copy or show as a code
      // A day after the notification (not after the link made without one), notified again.
      t.clock.advanceDays(0.5);
      expect((await send('a-cs-counsellor', { memberIds: ['p-2201-12'] })).body[0].delivery).toBe('skipped: recent');
      t.clock.advanceDays(0.5);
      expect((await send('a-cs-counsellor', { memberIds: ['p-2201-12'] })).body[0].delivery).toBe('log');
    });

    it('a notification that did not go out (WeChat refused it) does not count: sent again, it is tried again', async () => {
      await t.app.get(Database).dataSource.query(`UPDATE reminders SET delivery = 'not-subscribed' WHERE member_id = 'p-2201-12'`);
      expect((await send('a-cs-counsellor', { memberIds: ['p-2201-12'] })).body[0].delivery).toBe('log');
    });

    it('makes at most 1,000 links an hour per sender (429), and creates nothing past it', async () => {
      const ids = PROGRESS_DATA.members.filter((m) => m.orgId.startsWith('chutian-cs')).map((m) => m.id);
      const before = (await stored()).length;
      let made = 0;
      let refused: { status: number; body: { code: string; retryAfterSeconds?: number } } | undefined;
      for (let i = 0; i < 1001 / ids.length + 1 && !refused; i++) {
        const res = await send('a-chutian-cs', { memberIds: ids });
        if (res.status === 201) made += res.body.length;
        else refused = res;
      }
      expect(refused).toMatchObject({ status: 429, body: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: expect.any(Number) } });
      expect((await stored()).length - before).toBe(made);
      expect(made).toBeLessThanOrEqual(1000);
    });
  });

  describe('the WeChat openid column', () => {
    it('is read by the default lookup', async () => {
      await t.app.get(Database).dataSource.query(`UPDATE people SET wechat_openid = 'oAbC123' WHERE id = 'm-cs2201-6'`);
      const lookup = t.app.get(OpenidLookup);
      expect(await lookup.openidFor('m-cs2201-6')).toBe('oAbC123');
      expect(await lookup.openidFor('m-cs2201-1')).toBeNull();
    });
  });
});
