import { Database } from '../src/database/database.service';
import { Membership } from '../src/members/membership.entity';
import { RetentionRecord } from '../src/transfers/retention-record.entity';
import { testDatabases } from './databases';
import { useTestApp } from './use-test-app';
import { applyScenario, idOf, phoneOf, PROGRESS_DATA } from './progress-fixture';

/**
 * GET /orgs/:id/retention — the retention ledger (保留台账). Records written straight into the
 * table (their states are what the sweep would have set), so the order below is worked out by hand:
 * overdue first, then follow-up, then active; inside a state the earliest due date first (the
 * expiry once past the follow-up, the follow-up date before).
 *
 * | record | member     | graduated from | kept in          | state     | due          |
 * | r-a    | p-2201-12  | cs-2201        | chutian-floating | active    | follow 12-10 |
 * | r-b    | m-cs2202-1 | cs-2202        | chutian-abroad   | follow-up | follow 07-01 (no expiry) |
 * | r-c    | m-cs2202-2 | cs-2202        | chutian-floating | overdue   | until 06-20  |
 * | r-d    | m-cs2202-3 | cs-2202        | chutian-floating | closed    | —            |
 * | r-e    | m-ee2201-3 | ee-2201        | chutian-floating | overdue   | until 06-25  |
 * | r-f    | p-2201-16  | cs-2201        | chutian-floating | follow-up | until 06-30  (follow 06-15) |
 * | r-g    | m-jt2101-1 | jianghan       | jianghan-tech-cs-2101 | active | another school |
 */
const RECORDS: [string, string, RetentionRecord['kind'], string, RetentionRecord['state'], string | null, string | null][] = [
  ['r-a', 'p-2201-12', 'floating', 'chutian-floating', 'active', '2026-12-10T00:00:00.000Z', '2027-06-10T00:00:00.000Z'],
  ['r-b', 'm-cs2202-1', 'study-abroad', 'chutian-abroad', 'follow-up', '2026-07-01T00:00:00.000Z', null],
  ['r-c', 'm-cs2202-2', 'floating', 'chutian-floating', 'overdue', '2025-12-20T00:00:00.000Z', '2026-06-20T00:00:00.000Z'],
  ['r-d', 'm-cs2202-3', 'floating', 'chutian-floating', 'closed', '2026-12-01T00:00:00.000Z', '2027-06-01T00:00:00.000Z'],
  ['r-e', 'm-ee2201-3', 'floating', 'chutian-floating', 'overdue', '2025-12-25T00:00:00.000Z', '2026-06-25T00:00:00.000Z'],
  ['r-f', 'p-2201-16', 'floating', 'chutian-floating', 'follow-up', '2026-06-15T00:00:00.000Z', '2026-06-30T00:00:00.000Z'],
  ['r-g', 'm-jt2101-1', 'floating', 'jianghan-tech-cs-2101', 'active', '2026-12-10T00:00:00.000Z', '2027-06-10T00:00:00.000Z'],
];

describe.each(testDatabases().map((d) => [d.name, d] as const))('retention ledger on %s', (_name, db) => {
  const t = useTestApp(db, { seed: PROGRESS_DATA });
  const get = async (who: string, url: string) => t.request('GET', url, { token: await t.login(idOf(who)) });
  const ids = (body: { id: string }[]) => body.map((r) => r.id);

  beforeAll(async () => {
    await applyScenario(t);
    await t.app.get(Database).transaction(async (em) => {
      await em.insert(RetentionRecord, RECORDS.map(([id, memberId, kind, branchId, state, followUpAt, expiresAt]) => ({
        id, memberId, transferId: id, kind, branchId, state, followUpAt, expiresAt,
        details: kind === 'study-abroad' ? JSON.stringify({ where: '英国伦敦', months: 12, domesticContact: '父亲 13900000000' }) : null,
        startedAt: '2026-06-10T00:00:00.000Z', closedAt: state === 'closed' ? '2026-06-20T00:00:00.000Z' : null,
      })));
      // Kept at school: the membership sits in the retention branch, the cohort stays where they graduated.
      for (const [, memberId, , branchId] of RECORDS) await em.update(Membership, { personId: memberId }, { orgId: branchId });
    });
  });

  it('lists the school’s open records, overdue first, with who, why, since, until and what is due', async () => {
    const res = await get('a-chutian', '/orgs/chutian/retention');
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(['r-c', 'r-e', 'r-f', 'r-b', 'r-a']);
    expect(res.headers['x-total-count']).toBe('5');
    expect(res.body[0]).toEqual({
      id: 'r-c', memberId: 'm-cs2202-2', name: '黄丽', idNumberMasked: `${idOf('m-cs2202-2').slice(0, 6)}********${idOf('m-cs2202-2').slice(-4)}`,
      phone: `${phoneOf('m-cs2202-2').slice(0, 3)}****${phoneOf('m-cs2202-2').slice(-4)}`, phoneMasked: true, kind: 'floating', state: 'overdue',
      branchId: 'chutian-floating', branchName: '楚天大学流动团员团支部',
      graduatingOrgId: 'chutian-cs-2202', graduatingOrgName: '计算机2202班团支部', graduationYear: 2026,
      since: '2026-06-10T00:00:00.000Z', followUpAt: '2025-12-20T00:00:00.000Z', until: '2026-06-20T00:00:00.000Z',
      dueAt: '2026-06-20T00:00:00.000Z', transferId: 'r-c', closedAt: null,
    });
    const text = JSON.stringify(res.body);
    for (const [, memberId] of RECORDS) {
      expect(text).not.toContain(idOf(memberId));
      expect(text).not.toContain(phoneOf(memberId));
    }
    expect(text).not.toContain('13900000000');
  });

  it('shows a college its own graduates kept in school-level branches', async () => {
    const res = await get('a-cs-counsellor', '/orgs/chutian-cs/retention');
    expect(ids(res.body)).toEqual(['r-c', 'r-f', 'r-b', 'r-a']);
    for (const row of res.body) {
      expect(row.phoneMasked).toBe(true);
      expect(row.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
    expect(ids((await get('a-chutian-ee', '/orgs/chutian-ee/retention')).body)).toEqual(['r-e']);
    expect(ids((await get('a-jianghan', '/orgs/jianghan-tech/retention')).body)).toEqual(['r-g']);
  });

  it('filters by state and graduation year, and pages', async () => {
    expect(ids((await get('a-chutian', '/orgs/chutian/retention?state=overdue')).body)).toEqual(['r-c', 'r-e']);
    expect(ids((await get('a-chutian', '/orgs/chutian/retention?state=follow-up')).body)).toEqual(['r-f', 'r-b']);
    expect(ids((await get('a-chutian', '/orgs/chutian/retention?state=closed')).body)).toEqual(['r-d']);
    expect(ids((await get('a-chutian', '/orgs/chutian/retention?year=2025')).body)).toEqual([]);
    expect(ids((await get('a-chutian', '/orgs/chutian/retention?year=2026&state=active')).body)).toEqual(['r-a']);
    const page = await get('a-chutian', '/orgs/chutian/retention?limit=2&offset=1');
    expect(ids(page.body)).toEqual(['r-e', 'r-f']);
    expect(page.headers['x-total-count']).toBe('5');
  });

  it('stays inside the caller’s subtree: 404 outside, members and reviewers get nothing', async () => {
    expect((await get('a-cs-counsellor', '/orgs/chutian/retention')).status).toBe(404);
    expect((await get('a-chutian-ee', '/orgs/chutian-cs/retention')).status).toBe(404);
    expect((await get('a-jianghan', '/orgs/chutian/retention')).status).toBe(404);
    expect((await get('a-hubei-reviewer', '/orgs/chutian/retention')).status).toBe(404);
    expect((await get('m-cs2201-1', '/orgs/chutian-cs-2201/retention')).status).toBe(404);
    expect((await t.request('GET', '/orgs/chutian/retention')).status).toBe(401);
  });

  it('refuses unknown states, fields and bad paging with 400', async () => {
    expect((await get('a-chutian', '/orgs/chutian/retention?state=late')).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'state' }] });
    expect((await get('a-chutian', '/orgs/chutian/retention?sort=name')).status).toBe(400);
    expect((await get('a-chutian', '/orgs/chutian/retention?limit=0')).status).toBe(400);
    expect((await get('a-chutian', '/orgs/chutian/retention?year=20x6')).status).toBe(400);
  });

  it('lets the counsellor send reminder links to the ledger’s members', async () => {
    const token = await t.login(idOf('a-cs-counsellor'));
    const res = await t.request('POST', '/reminders', { token, body: { memberIds: ['m-cs2202-2', 'p-2201-12'] } });
    expect(res.status).toBe(201);
    expect(res.body.map((r: { memberId: string }) => r.memberId)).toEqual(['m-cs2202-2', 'p-2201-12']);
  });
});
