import { Database } from '../src/database/database.service';
import { runSweep } from '../src/jobs/sweep';
import { testDatabases } from './databases';
import { useTestApp } from './use-test-app';
import { ANSWERS, client, members, rows, TRANSFER_DATA } from './transfers-fixture';

const START = Date.parse('2026-07-01T02:00:00.000Z');
const day = (n: number) => new Date(START + n * 86_400_000);

/** `npm run sweep`: auto-approval after 15 untouched days, set-based and idempotent, and the retention ledger's clock. */
describe.each(testDatabases().map((d) => [d.name, d] as const))('the sweep on %s', (_name, db) => {
  const t = useTestApp(db, { seed: TRANSFER_DATA });
  const c = client(t);
  let sweep: (at: Date) => ReturnType<typeof runSweep>;
  const next = members();
  const ids: Record<string, string> = {};
  const who: Record<string, string> = {};

  const status = async (key: string) => (await c.get(who[key], `/transfers/${ids[key]}`)).body;
  const autoEvents = async () =>
    rows<{ transfer_id: string; n: number | string }>(
      t, "SELECT transfer_id, COUNT(*) AS n FROM transfer_events WHERE action = 'auto-approve' GROUP BY transfer_id",
    );
  const eventCount = async () => Number(Object.values((await rows(t, 'SELECT COUNT(*) AS n FROM transfer_events'))[0])[0]);

  beforeAll(async () => {
    sweep = (at) => runSweep(t.app.get(Database), at);
    const start = async (key: string, member: string, as: string, body: Record<string, unknown>) => {
      who[key] = member;
      const res = await c.start(as, body);
      if (res.status !== 201) throw new Error(`${key}: ${res.status} ${JSON.stringify(res.body)}`);
      ids[key] = res.body.id;
    };
    const m = () => next('cs2201');
    let x: string;
    x = m(); await start('toBranch', x, x, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng-rd' });
    x = m(); await start('toCommittee', x, x, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
    x = m(); await start('special', x, x, { answers: ANSWERS.military });
    x = m(); await start('retain', x, x, { answers: ANSWERS.unplacedRetain(0) });
    x = m(); await start('cross', x, 'a-chutian-cs', { memberId: x, answers: { ...ANSWERS.employedWithOrg, receiverRegion: 'fujian' }, targetOrgName: '福建某某集团团委' });
    x = m(); await start('withdrawn', x, x, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
    await c.act(x, ids.withdrawn, 'withdraw');
    // Outgoing approval on day 10: its receiving stage runs to day 25.
    x = m(); await start('later', x, x, { answers: ANSWERS.employedNoOrg, targetOrgId: 'guanshan-transition' });
    t.clock.advanceDays(10);
    await c.act('a-cs2201-secretary', ids.later, 'approve');
    t.clock.advanceDays(-10);
  });

  it('at +14 days approves nothing', async () => {
    const before = await eventCount();
    const report = await sweep(day(14));
    expect(report).toMatchObject({ autoApproved: 0, autoApprovedByStage: {}, retentionFollowUp: 0, retentionOverdue: 0 });
    expect(await eventCount()).toBe(before);
    expect((await status('toBranch')).status).toBe('pending-outgoing');
  });

  it('at +16 days approves every outgoing stage untouched for 15 days, as the system, visible in the history', async () => {
    const report = await sweep(day(16));
    expect(report).toMatchObject({ autoApproved: 5, autoApprovedByStage: { 'pending-outgoing': 5 } });

    const toBranch = await status('toBranch');
    expect(toBranch).toMatchObject({ status: 'pending-incoming', stageDeadline: day(31).toISOString(), updatedAt: day(16).toISOString() });
    expect(toBranch.events[1]).toEqual({
      at: day(16).toISOString(), actorId: 'system', actorName: '系统', action: 'auto-approve',
      comment: '超过15天未处理，系统自动通过', fromStatus: 'pending-outgoing', toStatus: 'pending-incoming',
    });
    expect((await status('toCommittee')).status).toBe('pending-incoming');
    expect((await status('special')).status).toBe('pending-provincial');
    expect((await status('cross')).status).toBe('completed');
    expect((await status('withdrawn')).status).toBe('withdrawn');
    expect((await status('later')).status).toBe('pending-incoming');

    // Retention completed by the sweep: moved, with the ledger entry a person's approval would write.
    const retain = await status('retain');
    expect(retain.status).toBe('completed');
    expect(retain.closedAt).toBe(day(16).toISOString());
    expect(await c.placeOf(who.retain)).toEqual({ orgId: 'chutian-floating', place: 'branch' });
    const [record] = await rows<Record<string, unknown>>(t, 'SELECT * FROM retention_records WHERE transfer_id = ?', [ids.retain]);
    expect(record).toMatchObject({
      id: ids.retain, member_id: who.retain, kind: 'floating', branch_id: 'chutian-floating', state: 'active',
      started_at: day(16).toISOString(), follow_up_at: '2026-12-29T16:00:00.000Z', expires_at: '2027-06-29T16:00:00.000Z', // from June 30, 2026 (Beijing)
    });

    // Closed transfers free the member: a new one may start — unless the member has left for another system.
    expect((await c.start(who.withdrawn, { answers: ANSWERS.military })).status).toBe(201);
    await c.act(who.withdrawn, (await c.get(who.withdrawn, `/members/${who.withdrawn}/transfers`)).body[0].id, 'withdraw');
    expect((await c.start(who.cross, { answers: ANSWERS.military })).body.code).toBe('START_NOT_ALLOWED');
  });

  it('a second run at the same time changes nothing and writes no event', async () => {
    const before = await eventCount();
    const report = await sweep(day(16));
    expect(report.autoApproved).toBe(0);
    expect(await eventCount()).toBe(before);
    expect((await autoEvents()).every((r) => Number(r.n) === 1)).toBe(true);
  });

  it('two runs side by side approve each stage once: receiving stages complete, assignment waits for a person', async () => {
    const [a, b] = await Promise.all([sweep(day(32)), sweep(day(32))]);
    // toBranch, toCommittee, special (from day 16) and later (from day 10).
    expect(a.autoApproved + b.autoApproved).toBe(4);
    const stages = { ...a.autoApprovedByStage };
    for (const [k, v] of Object.entries(b.autoApprovedByStage)) stages[k as keyof typeof stages] = (stages[k as keyof typeof stages] ?? 0) + (v ?? 0);
    expect(stages).toEqual({ 'pending-incoming': 3, 'pending-provincial': 1 });

    expect((await status('toBranch')).status).toBe('completed');
    expect(await c.placeOf(who.toBranch)).toEqual({ orgId: 'dongfeng-rd', place: 'branch' });
    expect((await status('later')).status).toBe('completed');
    expect(await c.placeOf(who.later)).toEqual({ orgId: 'guanshan-transition', place: 'branch' });
    expect((await status('special')).status).toBe('completed');
    expect(await c.placeOf(who.special)).toEqual({ orgId: 'chutian-cs-2201', place: 'special-unit-library' });
    const committee = await status('toCommittee');
    expect(committee).toMatchObject({ status: 'pending-assignment', stageDeadline: null, allowedActions: [] });

    const counts = Object.fromEntries((await autoEvents()).map((r) => [r.transfer_id, Number(r.n)]));
    expect(counts).toEqual({
      [ids.toBranch]: 2, [ids.toCommittee]: 2, [ids.special]: 2, [ids.retain]: 1, [ids.cross]: 1, [ids.later]: 1,
    });
    // Every transfer's events are numbered 1, 2, 3… with no gap or repeat.
    const seqs = await rows<{ transfer_id: string; seq: number | string }>(t, 'SELECT transfer_id, seq FROM transfer_events ORDER BY transfer_id, seq');
    const byTransfer = new Map<string, number[]>();
    for (const r of seqs) byTransfer.set(r.transfer_id, [...(byTransfer.get(r.transfer_id) ?? []), Number(r.seq)]);
    for (const list of byTransfer.values()) expect(list).toEqual(list.map((_, i) => i + 1));
  });

  it('never approves an assignment: a person places the member', async () => {
    expect((await sweep(day(90))).autoApproved).toBe(0);
    expect((await status('toCommittee')).status).toBe('pending-assignment');
    const done = await c.act('a-dongfeng', ids.toCommittee, 'assign', { branchId: 'dongfeng-mfg' });
    expect(done.body.status).toBe('completed');
  });

  it('flags retention past its follow-up date, then past its expiry; each once', async () => {
    expect(await sweep(new Date('2026-12-29T15:59:59.000Z'))).toMatchObject({ retentionFollowUp: 0, retentionOverdue: 0 });
    expect(await sweep(new Date('2026-12-29T16:00:00.000Z'))).toMatchObject({ retentionFollowUp: 1, retentionOverdue: 0 });
    expect(await sweep(new Date('2027-01-02T00:00:00.000Z'))).toMatchObject({ retentionFollowUp: 0, retentionOverdue: 0 });
    const state = async () => (await rows<{ state: string }>(t, 'SELECT state FROM retention_records WHERE transfer_id = ?', [ids.retain]))[0].state;
    expect(await state()).toBe('follow-up');
    expect(await sweep(new Date('2027-06-29T16:00:00.000Z'))).toMatchObject({ retentionFollowUp: 0, retentionOverdue: 1 });
    expect(await sweep(new Date('2027-07-02T02:00:00.000Z'))).toMatchObject({ retentionFollowUp: 0, retentionOverdue: 0 });
    expect(await state()).toBe('overdue');
  });

  it('four runs side by side over many overdue transfers: each approved once, one event each', async () => {
    const fresh: string[] = [];
    for (let i = 0; i < 24; i++) {
      const member = next(i % 2 ? 'ee2201' : 'cs2202');
      const admin = i % 2 ? 'a-chutian-ee' : 'a-chutian-cs';
      const res = await c.start(admin, { memberId: member, answers: ANSWERS.employedWithOrg, targetOrgId: i % 3 ? 'dongfeng-rd' : 'dongfeng' });
      expect(res.status).toBe(201);
      fresh.push(res.body.id);
    }
    const reports = await Promise.all([16, 16, 16, 16].map((d) => sweep(day(d))));
    expect(reports.reduce((n, r) => n + r.autoApproved, 0)).toBe(24);
    const counts = Object.fromEntries((await autoEvents()).map((r) => [r.transfer_id, Number(r.n)]));
    for (const id of fresh) expect(counts[id]).toBe(1);
    const statuses = await rows<{ status: string }>(t, `SELECT status FROM transfers WHERE id IN (${fresh.map(() => '?').join(', ')})`, fresh);
    expect(statuses.every((r) => r.status === 'pending-incoming')).toBe(true);
  });
});
