import { testDatabases } from './databases';
import { startTestApp, TestApp, TestClock } from './harness';
import { ANSWERS, client, members, TRANSFER_DATA } from './transfers-fixture';

/**
 * Issue #12: members abroad kept at school report on themselves periodically; the school sets the
 * interval (default every 6 months); overdue reports show in the retention ledger.
 */
describe.each(testDatabases().map((d) => [d.name, d] as const))('abroad members report periodically on %s', (_name, db) => {
  let t: TestApp;
  let c: ReturnType<typeof client>;
  const next = members();
  const clock = new TestClock(new Date('2026-07-01T02:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp(db, { seed: TRANSFER_DATA, clock });
    c = client(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const report = async (who: string, note: string) => t.request('POST', '/me/abroad-reports', { token: await c.tok(who), body: { note } });
  const ledgerRow = async (who: string, orgId: string, memberId: string) =>
    ((await c.get(who, `/orgs/${orgId}/retention`)).body as { memberId: string; abroadReport?: Record<string, unknown> }[]).find((r) => r.memberId === memberId);

  it('a member kept abroad reports; the ledger shows the last report, the next due date, and overdue once it passes', async () => {
    const m = next('ee2201');
    const retention = { where: '英国爱丁堡大学', months: 12, domesticContact: '父亲 13900002222' };
    const id = (await c.start(m, { answers: ANSWERS.studyAbroad, retention })).body.id;
    expect((await c.act('a-chutian-ee', id, 'approve')).body.status).toBe('completed');

    const first = await ledgerRow('a-chutian', 'chutian', m);
    expect(first?.abroadReport).toEqual({ intervalMonths: 6, lastReportAt: null, lastNote: null, dueAt: '2027-01-01T02:00:00.000Z', overdue: false });
    // The member's own /me says the same: the phone shows the 定期报告 card to them alone.
    expect((await c.get(m, '/me')).body.abroadReport).toEqual(first?.abroadReport);

    clock.advanceDays(30);
    const sent = await report(m, '在爱丁堡大学攻读硕士，一切顺利');
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ note: '在爱丁堡大学攻读硕士，一切顺利', at: '2026-07-31T02:00:00.000Z', dueAt: '2027-01-31T02:00:00.000Z', overdue: false });

    // The interval in force: the default until someone sets one.
    expect((await c.get('a-chutian-ee', '/orgs/chutian-ee/abroad-report-interval')).body).toEqual({ orgId: 'chutian-ee', months: 6 });
    // The school asks every 3 months instead: the next report is due sooner.
    const set = await t.request('PUT', '/orgs/chutian/abroad-report-interval', { token: await c.tok('a-chutian'), body: { months: 3 } });
    expect(set.body).toEqual({ orgId: 'chutian', months: 3 });
    // A college under it reads the school's setting.
    expect((await c.get('a-chutian-ee', '/orgs/chutian-ee/abroad-report-interval')).body).toEqual({ orgId: 'chutian-ee', months: 3 });
    expect((await c.get('a-chutian', '/orgs/chutian/abroad-report-interval')).body).toEqual({ orgId: 'chutian', months: 3 });
    expect((await ledgerRow('a-chutian-ee', 'chutian-ee', m))?.abroadReport).toMatchObject({ intervalMonths: 3, dueAt: '2026-10-31T02:00:00.000Z', overdue: false });

    clock.advanceDays(100);
    expect((await ledgerRow('a-chutian', 'chutian', m))?.abroadReport).toMatchObject({ lastNote: '在爱丁堡大学攻读硕士，一切顺利', overdue: true });
    expect((await c.get(m, '/me')).body.abroadReport).toMatchObject({ intervalMonths: 3, overdue: true });
    await report(m, '已转学至伦敦，联系方式不变');
    expect((await ledgerRow('a-chutian', 'chutian', m))?.abroadReport).toMatchObject({ lastNote: '已转学至伦敦，联系方式不变', overdue: false });
  });

  it('ten reports a day at most, and the ledger reads only each member’s newest (security review)', async () => {
    const m = next('ee2201');
    const id = (await c.start(m, { answers: ANSWERS.studyAbroad, retention: { where: '日本东京大学', months: 12, domesticContact: '父亲 13900004444' } })).body.id;
    expect((await c.act('a-chutian-ee', id, 'approve')).body.status).toBe('completed');
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) {
      clock.current = new Date(clock.current.getTime() + 1000);
      statuses.push((await report(m, `第 ${i} 次报告`)).status);
    }
    expect(statuses).toEqual([...Array(10).fill(201), 429]);
    expect((await ledgerRow('a-chutian', 'chutian', m))?.abroadReport).toMatchObject({ lastNote: '第 10 次报告' });
    clock.advanceDays(1);
    expect((await report(m, '第二天的近况报告，一切顺利')).status).toBe(201);
  });

  it('only a member kept abroad reports; the interval is 1–12 whole months, set by admins over the org', async () => {
    const m = next('ee2201');
    expect((await c.get(m, '/me')).body.abroadReport).toBeNull();
    expect((await c.get('a-chutian', '/me')).body.abroadReport).toBeNull();
    const res = await report(m, '我在国内工作');
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'NOT_KEPT_ABROAD' });
    expect((await report(m, '短')).status).toBe(400);
    for (const months of [0, 13, 2.5, '6']) {
      const bad = await t.request('PUT', '/orgs/chutian/abroad-report-interval', { token: await c.tok('a-chutian'), body: { months } });
      expect({ months, status: bad.status }).toEqual({ months, status: 400 });
    }
    expect((await t.request('PUT', '/orgs/chutian/abroad-report-interval', { token: await c.tok('a-dongfeng'), body: { months: 6 } })).status).toBe(404);
    expect((await t.request('PUT', '/orgs/chutian/abroad-report-interval', { token: await c.tok('a-cs-counsellor'), body: { months: 6 } })).status).toBe(404);
    // A college's own setting wins under it; the school's stays the school's.
    const own = await c.get('a-chutian', '/orgs/chutian/abroad-report-interval');
    expect((await t.request('PUT', '/orgs/chutian-ee/abroad-report-interval', { token: await c.tok('a-chutian-ee'), body: { months: own.body.months + 1 } })).status).toBe(200);
    expect((await c.get('a-chutian-ee', '/orgs/chutian-ee/abroad-report-interval')).body).toEqual({ orgId: 'chutian-ee', months: own.body.months + 1 });
    expect((await c.get('a-chutian', '/orgs/chutian/abroad-report-interval')).body).toEqual(own.body);
    // Reading it: watchers over the org (a counsellor too), nobody outside.
    expect((await c.get('a-cs-counsellor', '/orgs/chutian-cs/abroad-report-interval')).status).toBe(200);
    expect((await c.get('a-dongfeng', '/orgs/chutian/abroad-report-interval')).status).toBe(404);
    expect((await c.get('a-cs-counsellor', '/orgs/chutian-ee/abroad-report-interval')).status).toBe(404);
  });
});
