import { testDatabases } from './databases';
import { useTestApp } from './use-test-app';
import { applyScenario, idOf, phoneOf, PROGRESS_DATA } from './progress-fixture';

/**
 * GET /orgs/:id/progress, /not-started and /campaign against the hand-worked fixture of
 * progress-fixture.ts. The numbers below are counted by hand from its SCENARIO table:
 *
 * chutian-cs-2201, 17 graduates of 2026 (p-2201-17 graduated in 2025; p-2201-18 not flipped yet):
 *   started 11 — m-2,3,4,5, p-8 (withdrawn then again), p-9 (rejected then completed), p-10, p-11, p-12, p-13, p-16
 *   completed 3 — m-5 (now at dongfeng), p-9, p-16 (kept at school first, placed later: completed, not retained)
 *   special-unit 1 — p-11; retained 1 — p-12 floating
 *   outside the started target: military 3 (p-10, p-11 by transfer; p-15 classified, reported), further study 2 (p-13 by transfer, p-14 reported);
 *     m-2 reported further study but her live transfer says employed: in the target. 3 of the 5 have started.
 * chutian-cs-2202, 5: started 4 (p-4 rejected; p-5 withdrew a military transfer, then started one as employed);
 *   retained 3 — study abroad m-1 and m-3 (floating, then abroad: the latest counts), delayed m-2.
 * chutian-ee-2201, 3 (m-ee2201-4 is no league member): started 2, completed 1.
 */
const n = (x: Record<string, unknown>) => x;

const CS2201 = n({
  graduates: 17, started: 11, completed: 3, retained: 1, specialUnit: 1, startedRate: 0.6471, completedRate: 0.1765,
  notStarted: 6, settled: 5, settledRate: 0.2941,
  retainedByReason: { floating: 1, studyAbroad: 0, delayedGraduation: 0 },
  target: { graduates: 12, started: 8, excludedFurtherStudy: 2, excludedMilitary: 3 }, startedTargetRate: 0.6667,
});
const CS2202 = n({
  graduates: 5, started: 4, completed: 0, retained: 3, specialUnit: 0, startedRate: 0.8, completedRate: 0,
  notStarted: 1, settled: 3, settledRate: 0.6,
  retainedByReason: { floating: 0, studyAbroad: 2, delayedGraduation: 1 },
  target: { graduates: 5, started: 4, excludedFurtherStudy: 0, excludedMilitary: 0 }, startedTargetRate: 0.8,
});
const CS = n({
  graduates: 22, started: 15, completed: 3, retained: 4, specialUnit: 1, startedRate: 0.6818, completedRate: 0.1364,
  notStarted: 7, settled: 8, settledRate: 0.3636,
  retainedByReason: { floating: 1, studyAbroad: 2, delayedGraduation: 1 },
  target: { graduates: 17, started: 12, excludedFurtherStudy: 2, excludedMilitary: 3 }, startedTargetRate: 0.7059,
});
const EE = n({
  graduates: 3, started: 2, completed: 1, retained: 0, specialUnit: 0, startedRate: 0.6667, completedRate: 0.3333,
  notStarted: 1, settled: 1, settledRate: 0.3333, startedTargetRate: 0.6667,
});
const SCHOOL = n({
  graduates: 25, started: 17, completed: 4, retained: 4, specialUnit: 1, startedRate: 0.68, completedRate: 0.16,
  notStarted: 8, settled: 9, settledRate: 0.36,
  retainedByReason: { floating: 1, studyAbroad: 2, delayedGraduation: 1 },
  target: { graduates: 20, started: 14, excludedFurtherStudy: 2, excludedMilitary: 3 }, startedTargetRate: 0.7,
});
const DEFAULT_DEADLINES = { startedBy: '2026-08-31', receivedBy: '2026-09-30', furtherStudyBy: '2026-10-31' };
const GROUP_DEFAULTS = { preparationBy: '2026-05-15', employedUnplacedBy: '2026-08-31', postgraduateCivilServantBy: '2026-10-01' };

describe.each(testDatabases().map((d) => [d.name, d] as const))('campaign progress on %s', (_name, db) => {
  const t = useTestApp(db, { seed: PROGRESS_DATA });
  const as = (id: string) => t.login(idOf(id));
  const get = async (who: string, url: string) => t.request('GET', url, { token: await as(who) });

  beforeAll(async () => {
    await applyScenario(t);
  });

  describe('GET /orgs/:id/progress', () => {
    it('counts a college exactly under every mix of statuses, with its branches as children', async () => {
      const res = await get('a-cs-counsellor', '/orgs/chutian-cs/progress');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ orgId: 'chutian-cs', orgName: '楚天大学计算机学院团委', year: 2026, ...CS });
      expect(res.body.deadlines).toEqual(DEFAULT_DEADLINES);
      expect(res.body.daysLeft).toEqual({ startedBy: 61, receivedBy: 91, furtherStudyBy: 122 });
      expect(res.body.campaignOrgId).toBe('chutian');
      // The staff branch has no graduates: no row for it.
      expect(res.body.children.map((c: { orgId: string }) => c.orgId).sort()).toEqual(['chutian-cs-2201', 'chutian-cs-2202']);
      const child = (id: string) => res.body.children.find((c: { orgId: string }) => c.orgId === id);
      expect(child('chutian-cs-2201')).toMatchObject({ kind: 'branch', purpose: 'class', ...CS2201, deadlines: DEFAULT_DEADLINES });
      expect(child('chutian-cs-2202')).toMatchObject(CS2202);
      expect(child('chutian-cs-2201').children).toBeUndefined();
    });

    it('drills a school down to its colleges', async () => {
      const res = await get('a-chutian', '/orgs/chutian/progress');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject(SCHOOL);
      expect(res.body.children).toHaveLength(2);
      expect(res.body.children.find((c: { orgId: string }) => c.orgId === 'chutian-cs')).toMatchObject(CS);
      expect(res.body.children.find((c: { orgId: string }) => c.orgId === 'chutian-ee')).toMatchObject(EE);
    });

    it('shows a branch on its own, with no children', async () => {
      const res = await get('a-cs2201-secretary', '/orgs/chutian-cs-2201/progress');
      expect(res.body).toMatchObject({ ...CS2201, children: [] });
    });

    it('counts another graduation year on request', async () => {
      const res = await get('a-chutian-cs', '/orgs/chutian-cs/progress?year=2025');
      expect(res.body).toMatchObject({ year: 2025, graduates: 1, started: 1, completed: 1, startedRate: 1, completedRate: 1 });
      expect(res.body.deadlines).toEqual({ startedBy: '2025-08-31', receivedBy: '2025-09-30', furtherStudyBy: '2025-10-31' });
      const empty = await get('a-chutian-cs', '/orgs/chutian-cs/progress?year=2030');
      expect(empty.body).toMatchObject({ graduates: 0, started: 0, startedRate: 0, completedRate: 0, startedTargetRate: 0, children: [] });
    });

    it('answers 404 outside the caller’s subtree, for counsellors, admins and members alike', async () => {
      expect((await get('a-cs-counsellor', '/orgs/chutian-ee/progress')).status).toBe(404);
      expect((await get('a-cs-counsellor', '/orgs/chutian/progress')).status).toBe(404);
      expect((await get('a-chutian-ee', '/orgs/chutian-cs-2201/progress')).status).toBe(404);
      expect((await get('m-cs2201-1', '/orgs/chutian-cs-2201/progress')).status).toBe(404);
      expect((await get('a-hubei-reviewer', '/orgs/chutian/progress')).status).toBe(404);
      expect((await get('a-cs-counsellor', '/orgs/nope/progress')).body).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('refuses unknown and malformed query fields with 400', async () => {
      expect((await get('a-cs-counsellor', '/orgs/chutian-cs/progress?foo=1')).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'foo' }] });
      expect((await get('a-cs-counsellor', '/orgs/chutian-cs/progress?year=abc')).status).toBe(400);
      // Once per reason: the integer, minimum and maximum checks say the same words.
      expect((await get('a-cs-counsellor', '/orgs/chutian-cs/not-started?limit=99999999999')).body.errors).toEqual([{ field: 'limit', message: '应为 1 到 2000 之间的整数' }]);
      expect((await get('a-cs-counsellor', '/orgs/chutian-cs/progress?year=1999')).status).toBe(400);
    });
  });

  describe('GET /orgs/:id/special-unit', () => {
    const ids = (rows: { memberId: string; state: string }[]) => rows.map((r) => `${r.memberId}:${r.state}`);

    it('lists who went to a special unit: waiting for the province first, then the library the progress counts', async () => {
      const res = await get('a-cs-counsellor', '/orgs/chutian-cs/special-unit');
      expect(res.status).toBe(200);
      expect(ids(res.body)).toEqual(['p-2201-10:pending', 'p-2201-11:library']);
      expect(res.headers['x-total-count']).toBe('2');
      expect(res.body[1]).toEqual({
        memberId: 'p-2201-11', name: '进度11号', idNumberMasked: `${idOf('p-2201-11').slice(0, 6)}********${idOf('p-2201-11').slice(-4)}`,
        graduatingOrgId: 'chutian-cs-2201', graduatingOrgName: '计算机2201班团支部', destination: 'military', state: 'library',
        graduatingOrgPath: [
          { id: 'hubei', name: '共青团湖北省委' }, { id: 'chutian', name: '楚天大学团委' },
          { id: 'chutian-cs', name: '楚天大学计算机学院团委' }, { id: 'chutian-cs-2201', name: '计算机2201班团支部' },
        ],
        transferId: expect.any(String), since: expect.any(String),
      });
      expect(JSON.stringify(res.body)).not.toContain(idOf('p-2201-11'));
      const library = await get('a-cs-counsellor', '/orgs/chutian-cs/special-unit?state=library');
      expect(ids(library.body)).toEqual(['p-2201-11:library']);
      expect(library.body.length).toBe((await get('a-cs-counsellor', '/orgs/chutian-cs/progress')).body.specialUnit);
      expect(ids((await get('a-cs-counsellor', '/orgs/chutian-cs/special-unit?state=pending&limit=1')).body)).toEqual(['p-2201-10:pending']);
    });

    it('gives the provincial reviewer the province, and nobody anything outside their subtree', async () => {
      expect(ids((await get('a-hubei-reviewer', '/orgs/hubei/special-unit')).body)).toEqual(['p-2201-10:pending', 'p-2201-11:library']);
      expect((await get('a-chutian-ee', '/orgs/chutian-ee/special-unit')).body).toEqual([]);
      expect((await get('a-chutian-ee', '/orgs/chutian-cs/special-unit')).status).toBe(404);
      expect((await get('m-cs2201-1', '/orgs/chutian-cs/special-unit')).status).toBe(404);
      expect((await get('a-cs-counsellor', '/orgs/chutian-cs/special-unit?state=gone')).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'state' }] });
    });
  });

  describe('GET /orgs/:id/not-started', () => {
    const ids = (body: { id: string }[]) => body.map((r) => r.id).sort();

    it('lists the graduates of a college who have not started, IDs and phones masked', async () => {
      const res = await get('a-cs-counsellor', '/orgs/chutian-cs/not-started');
      expect(res.status).toBe(200);
      expect(ids(res.body)).toEqual(['m-cs2201-1', 'm-cs2201-6', 'p-2201-14', 'p-2201-15', 'p-2201-18', 'p-2201-7', 'p-2202-4']);
      expect(res.headers['x-total-count']).toBe('7');
      const first = res.body.find((r: { id: string }) => r.id === 'm-cs2201-1');
      expect(first).toEqual({
        id: 'm-cs2201-1', name: '李明', idNumberMasked: `${idOf('m-cs2201-1').slice(0, 6)}********${idOf('m-cs2201-1').slice(-4)}`,
        phone: `${phoneOf('m-cs2201-1').slice(0, 3)}****${phoneOf('m-cs2201-1').slice(-4)}`, phoneMasked: true, orgId: 'chutian-cs-2201', orgName: '计算机2201班团支部',
        graduatingOrgId: 'chutian-cs-2201', destination: null, lastReminder: null, deadlineGroup: 'employed-unplaced', dueBy: '2026-08-31',
      });
      const text = JSON.stringify(res.body);
      for (const id of ids(res.body)) expect(text).not.toContain(idOf(id));
      for (const id of ids(res.body)) expect(text).not.toContain(phoneOf(id));
    });

    it('gives the full phone on the member’s own page, only to callers over the member’s own branch', async () => {
      // p-2201-15 graduated from cs-2201 but sits in ee-2201 now: the cs counsellor sees a masked phone, the school admin the number.
      const cs = (await get('a-cs-counsellor', '/orgs/chutian-cs/not-started')).body.find((r: { id: string }) => r.id === 'p-2201-15');
      expect(cs).toMatchObject({ orgId: 'chutian-ee-2201', graduatingOrgId: 'chutian-cs-2201', phoneMasked: true });
      const csDetail = (await get('a-cs-counsellor', '/members/p-2201-15')).body;
      expect(csDetail).toMatchObject({ orgId: 'chutian-ee-2201', graduatingOrgId: 'chutian-cs-2201', phoneMasked: true });
      expect(csDetail.phone).not.toBe(phoneOf('p-2201-15'));
      expect(csDetail.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect((await get('a-chutian', '/members/p-2201-15')).body).toMatchObject({ phone: phoneOf('p-2201-15'), phoneMasked: false });
    });

    it('filters by branch, pages, and stays inside the org', async () => {
      expect(ids((await get('a-cs-counsellor', '/orgs/chutian-cs/not-started?branchId=chutian-cs-2202')).body)).toEqual(['p-2202-4']);
      const page = await get('a-cs-counsellor', '/orgs/chutian-cs/not-started?limit=3&offset=3');
      expect(page.body).toHaveLength(3);
      expect(page.headers['x-total-count']).toBe('7');
      expect((await get('a-chutian', '/orgs/chutian-cs/not-started?branchId=chutian-ee-2201')).status).toBe(404);
      expect((await get('a-cs-counsellor', '/orgs/chutian-cs/not-started?branchId=chutian-ee-2201')).status).toBe(404);
      expect((await get('a-cs-counsellor', '/orgs/chutian-ee/not-started')).status).toBe(404);
      expect((await get('a-chutian-ee', '/orgs/chutian-ee/not-started')).body.map((r: { id: string }) => r.id)).toEqual(['m-ee2201-2']);
      expect((await get('a-cs-counsellor', '/orgs/chutian-cs/not-started?limit=0')).status).toBe(400);
      expect((await get('a-cs-counsellor', '/orgs/chutian-cs/not-started?mine=1')).status).toBe(400);
    });
  });

  describe('campaign settings', () => {
    it('defaults from libs/rules, readable from any org under the school', async () => {
      const res = await get('a-cs-counsellor', '/orgs/chutian-cs/campaign');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        orgId: 'chutian', orgName: '楚天大学团委', year: 2026, ...DEFAULT_DEADLINES, ...GROUP_DEFAULTS, custom: false,
        daysLeft: { startedBy: 61, receivedBy: 91, furtherStudyBy: 122, preparationBy: -47, employedUnplacedBy: 61, postgraduateCivilServantBy: 92 },
        groups: [
          { group: 'employed-unplaced', dueBy: '2026-08-31', daysLeft: 61 },
          { group: 'postgraduate-civil-servant', dueBy: '2026-10-01', daysLeft: 92 },
          { group: 'further-study', dueBy: '2026-10-31', daysLeft: 122 },
        ],
      });
    });

    it('lets the school’s admin choose its dates, which progress then counts against', async () => {
      const token = await as('a-chutian');
      const put = await t.request('PUT', '/orgs/chutian/campaign', { token, body: { startedBy: '2026-07-31' } });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ orgId: 'chutian', startedBy: '2026-07-31', receivedBy: '2026-09-30', custom: true, daysLeft: { startedBy: 30 } });
      const progress = await get('a-cs-counsellor', '/orgs/chutian-cs/progress');
      expect(progress.body.deadlines).toEqual({ ...DEFAULT_DEADLINES, startedBy: '2026-07-31' });
      expect(progress.body.daysLeft.startedBy).toBe(30);
      expect(progress.body.children[0].deadlines.startedBy).toBe('2026-07-31');
      // Another year, another school: untouched.
      expect((await get('a-chutian', '/orgs/chutian/campaign?year=2027')).body).toMatchObject({ startedBy: '2027-08-31', custom: false });
      expect((await get('a-jianghan', '/orgs/jianghan-tech/campaign')).body).toMatchObject({ startedBy: '2026-08-31', custom: false });
      // A second PUT changes only what it names.
      const again = await t.request('PUT', '/orgs/chutian/campaign', { token, body: { furtherStudyBy: '2026-11-15' } });
      expect(again.body).toMatchObject({ startedBy: '2026-07-31', receivedBy: '2026-09-30', furtherStudyBy: '2026-11-15' });
    });

    it('validates the dates and refuses unknown fields', async () => {
      const token = await as('a-chutian');
      const bad = await t.request('PUT', '/orgs/chutian/campaign', { token, body: { startedBy: '2026-02-30' } });
      expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'startedBy' }] } });
      const order = await t.request('PUT', '/orgs/chutian/campaign', { token, body: { startedBy: '2026-10-01', receivedBy: '2026-09-30' } });
      expect(order.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: expect.arrayContaining([{ field: 'receivedBy', message: expect.any(String) }]) });
      expect((await t.request('PUT', '/orgs/chutian/campaign', { token, body: { startedBy: '31/07/2026' } })).status).toBe(400);
      expect((await t.request('PUT', '/orgs/chutian/campaign', { token, body: { startedBy: '2026-07-31', deadline: 'x' } })).body)
        .toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'deadline' }] });
      expect((await get('a-chutian', '/orgs/chutian/campaign')).body.startedBy).toBe('2026-07-31');
    });

    it('sets dates per group: a civil servant or an admitted postgraduate gets the later one', async () => {
      const token = await as('a-chutian');
      const put = await t.request('PUT', '/orgs/chutian/campaign', { token, body: { employedUnplacedBy: '2026-08-20', postgraduateCivilServantBy: '2026-10-08' } });
      expect(put.status).toBe(200);
      expect(put.body.groups).toEqual([
        { group: 'employed-unplaced', dueBy: '2026-08-20', daysLeft: 50 },
        { group: 'postgraduate-civil-servant', dueBy: '2026-10-08', daysLeft: 99 },
        { group: 'further-study', dueBy: put.body.furtherStudyBy, daysLeft: expect.any(Number) },
      ]);
      // Two graduates who have not started report where they go: one a civil servant, one employed elsewhere.
      const civil = await t.request('PUT', '/me/destination', { token: await as('p-2201-7'), body: { destination: 'employed', destinationDetail: 'civil-servant', organisationName: '武汉市洪山区人民政府' } });
      expect(civil.status).toBe(200);
      const employed = await t.request('PUT', '/me/destination', { token: await as('p-2201-18'), body: { destination: 'employed' } });
      expect(employed.status).toBe(200);
      const postgrad = await t.request('PUT', '/me/destination', { token: await as('m-cs2201-6'), body: { destination: 'further-study', destinationDetail: 'postgraduate' } });
      expect(postgrad.status).toBe(200);
      const rows = (await get('a-cs-counsellor', '/orgs/chutian-cs/not-started')).body as { id: string; deadlineGroup: string | null; dueBy: string | null }[];
      const due = Object.fromEntries(rows.map((r) => [r.id, [r.deadlineGroup, r.dueBy]]));
      expect(due['p-2201-7']).toEqual(['postgraduate-civil-servant', '2026-10-08']);
      expect(due['m-cs2201-6']).toEqual(['postgraduate-civil-servant', '2026-10-08']);
      expect(due['p-2201-18']).toEqual(['employed-unplaced', '2026-08-20']);
      expect(due['m-cs2201-1']).toEqual(['employed-unplaced', '2026-08-20']);
      expect(due['p-2201-14']).toEqual(['further-study', put.body.furtherStudyBy]);
      expect(due['p-2201-15']).toEqual([null, null]); // classified: done with the enlistment paperwork, no campaign date
    });

    it('refuses a detail that does not fit the destination', async () => {
      const res = await t.request('PUT', '/me/destination', { token: await as('p-2201-14'), body: { destination: 'unplaced', destinationDetail: 'civil-servant' } });
      expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'destinationDetail' }] } });
      expect((await t.request('PUT', '/me/destination', { token: await as('p-2201-14'), body: { destination: 'employed', destinationDetail: 'mayor' } })).status).toBe(400);
    });

    it('validates the group dates: in the year, in order, preparation before June', async () => {
      const token = await as('a-chutian');
      const put = (body: Record<string, string>) => t.request('PUT', '/orgs/chutian/campaign', { token, body });
      expect((await put({ postgraduateCivilServantBy: '2026-08-01' })).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'postgraduateCivilServantBy' }] });
      expect((await put({ preparationBy: '2026-06-10' })).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'preparationBy' }] });
      expect((await put({ employedUnplacedBy: '2027-08-31' })).body).toMatchObject({ errors: [{ field: 'employedUnplacedBy' }] });
      expect((await put({ employedUnplacedBy: '2026-8-31' })).status).toBe(400);
      const ok = await put({ preparationBy: '2026-05-20' });
      expect(ok.body).toMatchObject({ preparationBy: '2026-05-20', employedUnplacedBy: '2026-08-20', postgraduateCivilServantBy: '2026-10-08' });
    });

    it('is the school’s to set: not a college’s, not a counsellor’s', async () => {
      const body = { startedBy: '2026-07-15' };
      expect((await t.request('PUT', '/orgs/chutian/campaign', { token: await as('a-chutian-cs'), body })).status).toBe(404);
      expect((await t.request('PUT', '/orgs/chutian/campaign', { token: await as('a-cs-counsellor'), body })).status).toBe(404);
      expect((await t.request('PUT', '/orgs/chutian-cs/campaign', { token: await as('a-chutian'), body })).body).toMatchObject({ code: 'NOT_A_SCHOOL' });
      expect((await get('a-chutian-ee', '/orgs/chutian-cs/campaign')).status).toBe(404);
    });
  });
});
