import { Database } from '../src/database/database.service';
import { ImportService } from '../src/imports/import.service';
import { runSweep, type SweepReport } from '../src/jobs/sweep';
import { testDatabases } from './databases';
import { startTestApp, TestApp, TestClock } from './harness';
import { asWorkbook, idNumberOf, LATE_MEMBER, SEASON_ADMINS, SEASON_MEMBERS, SEASON_ORGS } from './season-fixture';

/**
 * A whole school year on one small school (season-fixture.ts), with the sweep run at fixed
 * `--now` dates the way `npm run sweep -- --now` runs it, and the 2026 cohort's progress compared
 * with numbers worked out by hand below. Two orders of import, June 1 flip, transfer and sweep
 * must give the same answers: the cohort is anchored where each member graduates.
 */

interface Numbers { graduates: number; started: number; completed: number; retained: number; specialUnit: number; startedRate: number; completedRate: number }
type Snapshot = {
  school: Numbers;
  colleges: Record<string, Numbers>;
  sweep: Pick<SweepReport, 'autoApproved' | 'retentionFollowUp' | 'retentionOverdue'>;
  /** The school's retention ledger (保留台账) for the cohort, as `member kind state` lines in the ledger's order. */
  ledger: string[];
};

const n = (graduates: number, started: number, completed: number, retained: number, specialUnit: number): Numbers => ({
  graduates, started, completed, retained, specialUnit,
  // Rates against all graduates of the cohort, 4 places.
  startedRate: Math.round((started / graduates) * 10_000) / 10_000,
  completedRate: Math.round((completed / graduates) * 10_000) / 10_000,
});

/**
 * By hand. The 2026 cohort: cj-a-1 e1 e2 e4 u1 f1 (n1 is no member), cj-a-2 e3 s1 x1 x2, cj-b-1
 * u2 m1 d1 p1 — 13; late1 joins cj-a-2 on June 2 (+1); p1 rejoins the class of 2027 (−1).
 */
/**
 * Kept at school from June: u1 and u2 unplaced in the floating branch (follow-up due 2026-12-28, six
 * months after the marked graduation on 2026-06-28), s1 abroad (follow-up when the declared 24
 * months end, 2028), d1 delayed (no date). Same due date: by name, u1 (李五) before u2 (褚十二).
 */
const KEPT_ACTIVE = ['u1 floating active', 'u2 floating active', 's1 study-abroad active', 'd1 delayed-graduation active'];

const EXPECTED: Record<string, Snapshot> = {
  // e4's transfer to the employer completed: still one of cj-a-1's graduates.
  june1: {
    school: n(13, 1, 1, 0, 0),
    colleges: { 'cj-a': n(9, 1, 1, 0, 0), 'cj-b': n(4, 0, 0, 0, 0) },
    sweep: { autoApproved: 0, retentionFollowUp: 0, retentionOverdue: 0 },
    ledger: [],
  },
  // e1, e3 (auto-approved at the township), e4 completed; u1, u2 (auto-approved), s1, d1 kept at
  // school; m1 in the special-unit library; e2 rejected, f1 x1 x2 late1 not started; p1 gone to 2027.
  midJuly: {
    school: n(13, 8, 3, 4, 1),
    colleges: { 'cj-a': n(10, 5, 3, 2, 0), 'cj-b': n(3, 3, 0, 2, 1) },
    sweep: { autoApproved: 2, retentionFollowUp: 0, retentionOverdue: 0 },
    ledger: KEPT_ACTIVE,
  },
  // x1 started on Aug 20, still waiting for the college.
  aug31: {
    school: n(13, 9, 3, 4, 1),
    colleges: { 'cj-a': n(10, 6, 3, 2, 0), 'cj-b': n(3, 3, 0, 2, 1) },
    sweep: { autoApproved: 0, retentionFollowUp: 0, retentionOverdue: 0 },
    ledger: KEPT_ACTIVE,
  },
  // f1's new school pulled the transfer through on Oct 10; x1's outgoing stage auto-approved.
  oct31: {
    school: n(13, 10, 4, 4, 1),
    colleges: { 'cj-a': n(10, 7, 4, 2, 0), 'cj-b': n(3, 3, 0, 2, 1) },
    sweep: { autoApproved: 1, retentionFollowUp: 0, retentionOverdue: 0 },
    ledger: KEPT_ACTIVE,
  },
  // x1's receiving stage auto-approved. u1 and u2 are 6 months past the marked graduation date
  // (2026-06-28): the ledger flags both for follow-up — whatever months they typed.
  nextJanuary: {
    school: n(13, 10, 5, 4, 1),
    colleges: { 'cj-a': n(10, 7, 5, 2, 0), 'cj-b': n(3, 3, 0, 2, 1) },
    sweep: { autoApproved: 1, retentionFollowUp: 2, retentionOverdue: 0 },
    // Follow-up due first; then the still-active ones by due date, the delayed graduate (no date) last.
    ledger: ['u1 floating follow-up', 'u2 floating follow-up', 's1 study-abroad active', 'd1 delayed-graduation active'],
  },
};

const at = (iso: string) => new Date(iso);

describe.each(testDatabases().map((d) => [d.name, d] as const))('a school year on %s', (_name, db) => {
  jest.setTimeout(120_000);

  async function season(order: 'import-flip-transfer' | 'flip-import-transfer-sweep') {
    const clock = new TestClock(at('2026-05-20T02:00:00.000Z'));
    const t: TestApp = await startTestApp(db, { seed: null, clock });
    const snapshots: Record<string, Snapshot> = {};
    const before: Record<string, Numbers> = {};
    try {
      const dbs = t.app.get(Database);
      const service = t.app.get(ImportService);
      // Rosters arrive as the school's .xlsx workbooks, through the same import as `npm run import`.
      const importer = { run: async (file: Parameters<typeof asWorkbook>[0]) => service.runWorkbook(await asWorkbook(file)) };
      const tok = (id: string) => t.login(idNumberOf(id));
      const ok = async <T>(p: Promise<{ status: number; body: T }>, what: string): Promise<T> => {
        const res = await p;
        if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body;
      };
      const start = async (who: string, body: Record<string, unknown>) =>
        (await ok(t.request<{ id: string }>('POST', '/transfers', { token: await tok(who), body }), `start ${who}`)).id;
      const act = async (who: string, id: string, step: string, body: unknown = {}) =>
        ok(t.request('POST', `/transfers/${id}/${step}`, { token: await tok(who), body }), `${step} by ${who}`);
      const sweep = async (iso: string) => {
        clock.current = at(iso);
        return runSweep(dbs, at(iso));
      };
      const progress = async (orgId: string): Promise<Numbers> => {
        const body = await ok(t.request<Numbers>('GET', `/orgs/${orgId}/progress?year=2026`, { token: await tok('a-cj') }), `progress ${orgId}`);
        const { graduates, started, completed, retained, specialUnit, startedRate, completedRate } = body;
        return { graduates, started, completed, retained, specialUnit, startedRate, completedRate };
      };
      const ledger = async (): Promise<string[]> => {
        const body = await ok(t.request<{ memberId: string; kind: string; state: string }[]>('GET', '/orgs/cj/retention?year=2026', { token: await tok('a-cj') }), 'ledger');
        return body.map((r) => `${r.memberId} ${r.kind} ${r.state}`);
      };
      const snap = async (name: string, report: SweepReport) => {
        snapshots[name] = {
          ledger: await ledger(),
          school: await progress('cj'),
          colleges: { 'cj-a': await progress('cj-a'), 'cj-b': await progress('cj-b') },
          sweep: { autoApproved: report.autoApproved, retentionFollowUp: report.retentionFollowUp, retentionOverdue: report.retentionOverdue },
        };
      };
      const mark = async () => {
        await ok(t.request('POST', '/orgs/cj-a/graduation-marks', { token: await tok('a-cja'), body: { branchIds: ['cj-a-1', 'cj-a-2'], graduationDate: '2026-06-28' } }), 'mark cj-a');
        await ok(t.request('POST', '/orgs/cj-b/graduation-marks', { token: await tok('a-cjb'), body: { branchIds: ['cj-b-1'], graduationDate: '2026-06-28' } }), 'mark cj-b');
        await ok(t.request('POST', '/orgs/cj-b/graduation-marks', { token: await tok('a-cjb'), body: { branchIds: ['cj-b-3'], graduationDate: '2027-06-30' } }), 'mark cj-b-3');
      };
      // e4 goes to the employer's branch: the member submits, the college and the employer approve.
      const e4ToEmployer = async () => {
        const id = await start('e4', { answers: { destination: 'employed', employerHasLeagueOrg: true }, targetOrgId: 'acme-1' });
        await act('a-cja', id, 'approve');
        await act('a-acme', id, 'approve');
      };

      await importer.run({ orgs: SEASON_ORGS, admins: SEASON_ADMINS });
      await mark();
      if (order === 'import-flip-transfer') {
        await importer.run({ members: SEASON_MEMBERS });
        clock.current = at('2026-05-25T02:00:00.000Z');
        await e4ToEmployer(); // completed before the flip
        await sweep('2026-05-31T02:00:00.000Z');
        before.school = await progress('cj');
        await snap('june1', await sweep('2026-06-01T00:00:00.000Z'));
      } else {
        const flip = await sweep('2026-06-01T00:00:00.000Z');
        await importer.run({ members: SEASON_MEMBERS }); // after June 1
        await e4ToEmployer();
        await snap('june1', { ...flip, ...(await sweep('2026-06-01T01:00:00.000Z')) });
      }

      clock.current = at('2026-06-02T02:00:00.000Z');
      await importer.run({ members: [LATE_MEMBER] });
      const retain = { destination: 'unplaced', unplacedPlan: 'retain-at-school' };
      // A 2024 graduate is past 12 months whatever they type.
      const stale = await t.request('POST', '/transfers', { token: await tok('old1'), body: { answers: { ...retain, monthsSinceGraduation: 0 } } });
      const ids = {
        e1: await start('e1', { answers: { destination: 'employed', employerHasLeagueOrg: true }, targetOrgId: 'acme-1' }),
        e2: await start('e2', { answers: { destination: 'employed', employerHasLeagueOrg: true }, targetOrgId: 'acme-1' }),
        e3: await start('e3', { answers: { destination: 'employed', employerHasLeagueOrg: false }, targetOrgId: 'gs-transition' }),
        u1: await start('u1', { answers: { ...retain, monthsSinceGraduation: 0 } }),
        u2: await start('u2', { answers: retain }),
        s1: await start('s1', { answers: { destination: 'study-abroad' }, retention: { where: '英国爱丁堡大学', months: 24, domesticContact: '父亲 13900009999' } }),
        m1: await start('m1', { answers: { destination: 'military' } }),
        d1: await start('d1', { answers: { destination: 'delayed-graduation' } }),
        p1: await start('p1', { answers: { destination: 'suspended' }, targetOrgId: 'cj-b-3' }),
      };
      clock.current = at('2026-06-05T02:00:00.000Z');
      await act('a-cja', ids.e1, 'approve');
      await act('a-acme', ids.e1, 'approve');
      await act('a-cja', ids.e2, 'approve');
      await act('a-acme', ids.e2, 'reject', { reason: '本单位无此录用人员' });
      await act('a-cja', ids.e3, 'approve'); // the township never answers: the sweep approves on day 15
      await act('a-cja', ids.u1, 'approve');
      await act('a-cja', ids.s1, 'approve');
      await act('a-cjb', ids.m1, 'approve');
      await act('a-hb', ids.m1, 'approve');
      await act('a-cjb', ids.d1, 'approve');
      await act('a-cjb', ids.p1, 'approve');
      await act('a-cjb', ids.p1, 'approve');
      await snap('midJuly', await sweep('2026-07-15T04:00:00.000Z'));

      clock.current = at('2026-08-20T02:00:00.000Z');
      const x1 = await start('x1', { answers: { destination: 'employed', employerHasLeagueOrg: true }, targetOrgId: 'acme-1' });
      await snap('aug31', await sweep('2026-08-31T04:00:00.000Z'));

      clock.current = at('2026-10-10T02:00:00.000Z');
      const f1 = await start('f1', { answers: { destination: 'further-study', admittedSchoolOrgReady: true }, targetOrgId: 'hd-new' });
      await act('a-cja', f1, 'approve');
      await act('a-hd', f1, 'approve');
      await snap('oct31', await sweep('2026-10-31T04:00:00.000Z'));

      await snap('nextJanuary', await sweep('2027-01-15T04:00:00.000Z'));
      const x1Now = await ok(t.request<{ status: string }>('GET', `/transfers/${x1}`, { token: await tok('x1') }), 'x1');
      const stats = async (year: number) =>
        ok(t.request('GET', `/orgs/cj/statistics?year=${year}`, { token: await tok('a-cj') }), `statistics ${year}`);
      return { snapshots, before, stale, x1: x1Now.status, stats2026: await stats(2026), stats2027: await stats(2027) };
    } finally {
      await t.close();
    }
  }

  let first: Awaited<ReturnType<typeof season>>;
  let second: Awaited<ReturnType<typeof season>>;
  beforeAll(async () => {
    first = await season('import-flip-transfer');
    second = await season('flip-import-transfer-sweep');
  });

  it('before June 1: the imported, marked cohort is counted, a member already transferred included', () => {
    expect(first.before.school).toEqual(n(13, 1, 1, 0, 0));
  });

  it.each(Object.keys(EXPECTED))('%s: progress as worked out by hand, in both orders', (date) => {
    expect(first.snapshots[date]).toEqual(EXPECTED[date]);
    expect(second.snapshots[date]).toEqual(EXPECTED[date]);
  });

  it('retention is refused 12 months after the graduation the school holds, whatever months are typed', () => {
    for (const run of [first, second]) {
      expect(run.stale).toMatchObject({ status: 422, body: { code: 'CONTRADICTORY_ANSWERS', field: 'unplacedPlan' } });
    }
  });

  it('the statistics table: the 2026 cohort where it graduated, p1 with the class of 2027', () => {
    for (const run of [first, second]) {
      expect(run.x1).toBe('completed');
      // Graduates: the 13 league members of the cohort (the wrongly entered non-member is not one);
      // graduating members: those of them still at the school by now — 13 less e1, e3, e4, x1
      // (completed), m1 (special-unit library) and f1 (its further-study transfer completed).
      expect(run.stats2026).toMatchObject({ orgId: 'cj', year: 2026, graduatingClasses: 3, graduatingBranches: 3, graduates: 13, graduatingMembers: 7 });
      expect(run.stats2027).toMatchObject({ orgId: 'cj', year: 2027, graduatingClasses: 1, graduatingBranches: 1, graduates: 2, graduatingMembers: 2 });
    }
  });
});
