import { Database } from '../src/database/database.service';
import { Transfer } from '../src/transfers/transfer.entity';
import { testDatabases } from './databases';
import { applyScenario, idOf, PROGRESS_DATA } from './progress-fixture';
import { useTestApp } from './use-test-app';

/**
 * Domain §7: graduates still unplaced after July 31 are moved by their school into its floating
 * branch, a year-specific one where it keeps them apart. GET/POST /orgs/:id/unplaced-move and the
 * not-started list's `destination` filter, on the progress fixture (progress-fixture.ts), where
 * computer-science's not-started 2026 graduates are: m-cs2201-1 and m-cs2201-6 (reported nothing;
 * m-cs2201-6 reports unplaced below), p-2201-7 (rejected, nothing reported), p-2201-18 (not
 * flipped, nothing reported), p-2201-14 (reported further study), p-2201-15 (classified, now
 * sitting in electronics) and p-2202-4 (reported employed).
 */
const YEAR_BRANCH = {
  id: 'chutian-floating-2026', name: '2026届毕业生流动团员团支部', kind: 'branch', parentId: 'chutian',
  domain: 'school', province: 'hubei', purpose: 'floating',
};
const SEED = { ...PROGRESS_DATA, orgs: [...PROGRESS_DATA.orgs, YEAR_BRANCH] };
const AUGUST_1 = new Date('2026-07-31T16:00:00.000Z');

describe.each(testDatabases().map((d) => [d.name, d] as const))('moving unplaced graduates on %s', (_name, db) => {
  const t = useTestApp(db, { seed: SEED });
  const as = (id: string) => t.login(idOf(id));
  const get = async (who: string, url: string) => t.request('GET', url, { token: await as(who) });
  const post = async (who: string, url: string, body: unknown) => t.request('POST', url, { token: await as(who), body });
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  const transfers = () => t.app.get(Database).manager.count(Transfer);

  beforeAll(async () => {
    await applyScenario(t);
    const reported = await t.request('PUT', '/me/destination', { token: await as('m-cs2201-6'), body: { destination: 'unplaced' } });
    expect(reported.status).toBe(200);
  });

  it('lists the not-started by what they reported', async () => {
    expect(ids((await get('a-chutian-cs', '/orgs/chutian-cs/not-started?destination=unplaced')).body)).toEqual(['m-cs2201-6']);
    const unreported = await get('a-chutian-cs', '/orgs/chutian-cs/not-started?destination=unreported');
    expect(ids(unreported.body)).toEqual(['m-cs2201-1', 'p-2201-18', 'p-2201-7']);
    expect(unreported.headers['x-total-count']).toBe('3');
    const all = (await get('a-chutian-cs', '/orgs/chutian-cs/not-started')).body as { id: string; destination: string | null }[];
    expect(all.find((r) => r.id === 'p-2201-14')?.destination).toBe('further-study');
    expect(all.find((r) => r.id === 'm-cs2201-1')?.destination).toBeNull();
    expect((await get('a-chutian-cs', '/orgs/chutian-cs/not-started?destination=employed')).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'destination' }] });
  });

  it('shows the school’s floating branches, the year’s own first, and from when the move opens', async () => {
    const res = await get('a-chutian-cs', '/orgs/chutian-cs/unplaced-move');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      orgId: 'chutian-cs', year: 2026, opensOn: '2026-08-01', open: false, canMove: true,
      branches: [
        { id: 'chutian-floating-2026', name: '2026届毕业生流动团员团支部', forYear: true },
        { id: 'chutian-floating', name: '楚天大学流动团员团支部', forYear: false },
      ],
      suggestedBranchId: 'chutian-floating-2026',
      reportedUnplaced: 1,
      unreported: 3,
    });
    // A branch secretary sees their own branch's numbers, but the college moves (it approves retention).
    const own = await get('a-cs2201-secretary', '/orgs/chutian-cs-2201/unplaced-move');
    expect(own.body).toMatchObject({ canMove: false, reportedUnplaced: 1, unreported: 3 });
    expect((await get('a-chutian', '/orgs/chutian-cs-2201/unplaced-move')).body).toMatchObject({ canMove: true });
    // Outside the caller's subtree, or no admin at all: 404.
    expect((await get('a-chutian-ee', '/orgs/chutian-cs/unplaced-move')).status).toBe(404);
    expect((await get('a-cs-counsellor', '/orgs/chutian-cs/unplaced-move')).status).toBe(404);
    expect((await get('a-dongfeng', '/orgs/dongfeng/unplaced-move')).body).toMatchObject({ branches: [], suggestedBranchId: null });
  });

  it('names the year’s own floating branch to a graduate kept at school, and keeps them there when they name none', async () => {
    const me = (await get('p-2201-18', '/me')).body;
    expect(me.member.schoolBranches.floating).toEqual({ id: 'chutian-floating-2026', name: '2026届毕业生流动团员团支部' });
    const token = await as('p-2201-18');
    const kept = await t.request('POST', '/transfers', { token, body: { answers: { destination: 'unplaced', unplacedPlan: 'retain-at-school' } } });
    expect(kept).toMatchObject({ status: 201, body: { targetOrgId: 'chutian-floating-2026' } });
    expect((await t.request('POST', `/transfers/${kept.body.id}/withdraw`, { token, body: {} })).status).toBe(200);
  });

  it('refuses before August 1, and refuses a branch secretary, leaving nothing behind', async () => {
    const before = await transfers();
    const early = await post('a-chutian-cs', '/orgs/chutian-cs/unplaced-move', { branchId: 'chutian-floating-2026', memberIds: ['m-cs2201-1'] });
    expect(early).toMatchObject({ status: 409, body: { code: 'UNPLACED_MOVE_NOT_OPEN' } });
    expect(early.body.message).toContain('2026-08-01');
    const secretary = await post('a-cs2201-secretary', '/orgs/chutian-cs-2201/unplaced-move', { branchId: 'chutian-floating-2026', memberIds: ['m-cs2201-1'] });
    expect(secretary).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await transfers()).toBe(before);
  });

  it('validates the body: no unknown fields, 1–200 distinct graduates, a branch', async () => {
    const bad = async (body: unknown) => (await post('a-chutian-cs', '/orgs/chutian-cs/unplaced-move', body)).body;
    expect(await bad({ branchId: 'chutian-floating', memberIds: [] })).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'memberIds' }] });
    expect(await bad({ branchId: 'chutian-floating', memberIds: Array.from({ length: 201 }, (_, i) => `m-${i}`) })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await bad({ branchId: 'chutian-floating', memberIds: ['m-cs2201-1', 'm-cs2201-1'] })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await bad({ memberIds: ['m-cs2201-1'] })).errors).toContainEqual({ field: 'branchId', message: '请选择流动团员团支部' });
    expect(await bad({ branchId: 'chutian-floating', memberIds: ['m-cs2201-1'], approve: false })).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'approve' }] });
  });

  describe('from August 1', () => {
    beforeAll(() => {
      t.clock.current = AUGUST_1;
    });

    it('refuses a branch that is not one of the school’s floating branches', async () => {
      const before = await transfers();
      for (const branchId of ['hongshan-floating', 'chutian-abroad', 'nope']) {
        const res = await post('a-chutian-cs', '/orgs/chutian-cs/unplaced-move', { branchId, memberIds: ['m-cs2201-1'] });
        expect(res).toMatchObject({ status: 422, body: { code: 'TARGET_NOT_ALLOWED' } });
      }
      expect(await transfers()).toBe(before);
    });

    it('moves each unplaced or unreported graduate, and answers every other one without moving them', async () => {
      const res = await post('a-chutian-cs', '/orgs/chutian-cs/unplaced-move', {
        branchId: 'chutian-floating-2026',
        memberIds: ['m-cs2201-6', 'p-2201-14', 'm-cs2201-1', 'm-cs2201-5', 'm-ee2201-2', 'nobody'],
      });
      expect(res.status).toBe(200);
      expect(res.body.counts).toEqual({ moved: 2, started: 0, 'in-progress': 0, 'not-eligible': 4, 'not-fitting': 0 });
      expect(res.body.rows.map((r: { memberId: string; status: string; name: string | null }) => [r.memberId, r.status, r.name])).toEqual([
        ['m-cs2201-6', 'moved', '杨帆'],
        ['p-2201-14', 'not-eligible', null],
        ['m-cs2201-1', 'moved', '李明'],
        ['m-cs2201-5', 'not-eligible', null],
        // Another college's graduate: nothing is said about them.
        ['m-ee2201-2', 'not-eligible', null],
        ['nobody', 'not-eligible', null],
      ]);

      // Each is a retention the college started and approved, with both steps on record, and the ledger entry.
      const moved = res.body.rows.find((r: { memberId: string }) => r.memberId === 'm-cs2201-1');
      const view = (await get('a-chutian-cs', `/transfers/${moved.transferId}`)).body;
      expect(view).toMatchObject({ status: 'completed', path: 'retention', target: 'school-floating-branch', targetOrgId: 'chutian-floating-2026' });
      expect(view.events.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([['submit', 'a-chutian-cs'], ['approve', 'a-chutian-cs']]);
      expect(view.events[1].comment).toContain('7月31日后仍未落实去向');
      const ledger = (await get('a-chutian', '/orgs/chutian/retention')).body as { memberId: string; branchId: string; until: string }[];
      const entry = ledger.find((r) => r.memberId === 'm-cs2201-1');
      expect(entry?.branchId).toBe('chutian-floating-2026');
      // The clock runs from the graduation date the school holds (2026), never beyond 12 months.
      expect(entry?.until?.slice(0, 4)).toBe('2027');
      expect((await get('m-cs2201-1', '/me')).body.member).toMatchObject({ orgId: 'chutian-floating-2026' });

      // Moved graduates are started: no longer on either list, and a second move finds nobody.
      expect(ids((await get('a-chutian-cs', '/orgs/chutian-cs/not-started?destination=unreported')).body)).toEqual(['p-2201-18', 'p-2201-7']);
      expect((await get('a-chutian-cs', '/orgs/chutian-cs/unplaced-move')).body).toMatchObject({ open: true, reportedUnplaced: 0, unreported: 2 });
      const again = await post('a-chutian-cs', '/orgs/chutian-cs/unplaced-move', { branchId: 'chutian-floating-2026', memberIds: ['m-cs2201-1'] });
      expect(again.body.counts).toMatchObject({ moved: 0, 'not-eligible': 1 });
    });

    it('lets the school move a college’s graduates into its general floating branch', async () => {
      const res = await post('a-chutian', '/orgs/chutian/unplaced-move', { branchId: 'chutian-floating', memberIds: ['p-2201-7'] });
      expect(res.body.rows).toEqual([expect.objectContaining({ memberId: 'p-2201-7', status: 'moved', message: '已转入流动团员团支部：楚天大学流动团员团支部' })]);
    });
  });
});
