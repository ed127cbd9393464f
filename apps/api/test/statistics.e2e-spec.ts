import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { testDatabases } from './databases';
import { person } from './harness';
import { useTestApp } from './use-test-app';

/**
 * GET /orgs/:id/statistics — the yearly statistics table (domain §5) on the demo data, counted by
 * hand from demo-data.json: 楚天大学 2026 has three graduating class branches (计算机2201 with 6
 * league members, 计算机2202 with 3, 电子2201 with 3 plus 郑某 who was wrongly entered and is no
 * member), none of them marked. Nothing has moved yet on the day of the test (July 1).
 */
const CS = { orgId: 'chutian-cs', orgName: '楚天大学计算机学院团委', graduatingClasses: 2, graduatingBranches: 2, graduates: 9, graduatingMembers: 9 };
const EE = { orgId: 'chutian-ee', orgName: '楚天大学电子信息学院团总支', graduatingClasses: 1, graduatingBranches: 1, graduates: 3, graduatingMembers: 3 };

describe.each(testDatabases().map((d) => [d.name, d] as const))('statistics table on %s', (_name, db) => {
  const t = useTestApp(db);
  const as = (id: string) => t.login(person(id).idNumber);
  const get = async (who: string, url: string) => t.request('GET', url, { token: await as(who) });
  const sql = (q: string, p: unknown[] = []) => t.app.get(DataSource).query(q, p);

  it('counts 楚天大学 2026 from the demo data: classes and branches without marks, no non-members', async () => {
    const res = await get('a-chutian', '/orgs/chutian/statistics?year=2026');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      orgId: 'chutian', orgName: '楚天大学团委', year: 2026,
      graduatingClasses: 3, graduatingBranches: 3, graduates: 12, graduatingMembers: 12,
      rows: [CS, EE],
      filedAt: null,
    });
    const college = await get('a-chutian-ee', '/orgs/chutian-ee/statistics?year=2026');
    expect(college.body).toMatchObject({ graduatingClasses: 1, graduatingBranches: 1, graduates: 3, graduatingMembers: 3 });
    expect(college.body.rows).toEqual([{ orgId: 'chutian-ee-2201', orgName: '电子2201班团支部', graduatingClasses: 1, graduatingBranches: 1, graduates: 3, graduatingMembers: 3 }]);
    expect((await get('a-chutian', '/orgs/chutian/statistics?year=2027')).body).toMatchObject({ graduatingClasses: 0, graduatingBranches: 0, graduates: 0, rows: [] });
  });

  it('counts graduates where they graduated; graduating members only while still at the school; special branches are no classes', async () => {
    // 李明 has moved to the employer; a 2026 graduate was entered straight into the floating branch.
    await sql("UPDATE memberships SET org_id = 'dongfeng-rd' WHERE person_id = 'm-cs2201-1'");
    await sql("UPDATE memberships SET org_id = 'chutian-floating', graduating_org_id = 'chutian-floating' WHERE person_id = 'm-cs2202-3'");
    const res = await get('a-chutian', '/orgs/chutian/statistics?year=2026');
    expect(res.body).toMatchObject({ graduatingClasses: 3, graduatingBranches: 4, graduates: 12, graduatingMembers: 11 });
    expect(res.body.rows).toEqual([
      { ...CS, graduates: 8, graduatingMembers: 7 },
      EE,
      { orgId: 'chutian-floating', orgName: '楚天大学流动团员团支部', graduatingClasses: 0, graduatingBranches: 1, graduates: 1, graduatingMembers: 1 },
    ]);
    await sql("UPDATE memberships SET org_id = 'chutian-cs-2201' WHERE person_id = 'm-cs2201-1'");
    await sql("UPDATE memberships SET org_id = 'chutian-cs-2202', graduating_org_id = 'chutian-cs-2202' WHERE person_id = 'm-cs2202-3'");
  });

  it('exports the table as .xlsx the way a school files it upward', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/orgs/chutian/statistics?year=2026&format=xlsx', headers: { authorization: `Bearer ${await as('a-chutian')}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('楚天大学团委2026届毕业生团员统计表.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe('楚天大学团委 2026 届毕业生团员统计表');
    expect(values(3)).toEqual(['单位', '毕业班级数', '毕业团支部数', '毕业生数', '毕业团员数（仍在本校）']);
    expect(values(4)).toEqual(['楚天大学计算机学院团委', 2, 2, 9, 9]);
    expect(values(5)).toEqual(['楚天大学电子信息学院团总支', 1, 1, 3, 3]);
    expect(values(6)).toEqual(['合计', 3, 3, 12, 12]);
    expect(sheet.rowCount).toBe(6);
  });

  it('is for admins over a school: counsellors, other schools and non-school orgs are refused', async () => {
    expect((await get('a-cs-counsellor', '/orgs/chutian-cs/statistics')).status).toBe(404);
    expect((await get('a-chutian-cs', '/orgs/chutian-ee/statistics')).status).toBe(404);
    expect((await get('a-jianghan', '/orgs/chutian/statistics')).status).toBe(404);
    expect((await get('m-cs2201-1', '/orgs/chutian-cs-2201/statistics')).status).toBe(404);
    expect((await get('a-hongshan', '/orgs/hongshan/statistics')).body).toMatchObject({ code: 'NOT_A_SCHOOL' });
    expect((await get('a-chutian', '/orgs/chutian/statistics?format=pdf')).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'format' }] });
    expect((await get('a-chutian', '/orgs/chutian/statistics?year=26')).status).toBe(400);
  });

  it('files the table upward once the school is ready; the preparation check on progress shows it', async () => {
    const before = await get('a-chutian', '/orgs/chutian/progress?year=2026');
    expect(before.body.preparation).toMatchObject({
      dueBy: '2026-05-15', statisticsFiled: false, statisticsFiledAt: null, unmarkedBranches: 8, ready: false,
    });
    expect(before.body.preparation.unmarkedBranchList.map((b: { id: string }) => b.id)).toEqual([
      'chutian-abroad', 'chutian-cs-2201', 'chutian-cs-2202', 'chutian-cs-staff', 'chutian-delayed', 'chutian-ee-2201', 'chutian-floating', 'chutian-grad-2026',
    ]);
    // Only the school files; a college's progress has no preparation check.
    expect((await t.request('POST', '/orgs/chutian-cs/statistics/filing?year=2026', { token: await as('a-chutian-cs') })).body).toMatchObject({ code: 'NOT_A_SCHOOL' });
    expect((await get('a-chutian-cs', '/orgs/chutian-cs/progress?year=2026')).body.preparation).toBeUndefined();

    const college = await as('a-chutian-cs');
    await t.request('POST', '/orgs/chutian-cs/graduation-marks', { token: college, body: { branchIds: ['chutian-cs-2201', 'chutian-cs-2202'], graduationDate: '2026-06-30' } });
    const filed = await t.request('POST', '/orgs/chutian/statistics/filing?year=2026', { token: await as('a-chutian') });
    expect(filed).toMatchObject({ status: 201, body: { orgId: 'chutian', year: 2026, graduates: 12, filedAt: '2026-07-01T02:00:00.000Z' } });
    const after = await get('a-chutian', '/orgs/chutian/progress?year=2026');
    expect(after.body.preparation).toMatchObject({ statisticsFiled: true, statisticsFiledAt: '2026-07-01T02:00:00.000Z', unmarkedBranches: 6, ready: false });
    expect((await get('a-chutian', '/orgs/chutian/statistics?year=2026')).body.filedAt).toBe('2026-07-01T02:00:00.000Z');
  });

  // Security review 4: any year was filed, and filed again over: next year's table "filed" a year early (its
  // preparation check then said filed), and a past year's filing overwritten with today's figures.
  it('files this year’s table, again as often as needed; a past year once and for good; no year to come', async () => {
    const school = await as('a-chutian');
    const file = (year: number) => t.request('POST', `/orgs/chutian/statistics/filing?year=${year}`, { token: school });
    expect(await file(2027)).toMatchObject({ status: 422, body: { code: 'FILING_YEAR_AHEAD' } });
    expect((await get('a-chutian', '/orgs/chutian/progress?year=2027')).body.preparation.statisticsFiled).toBe(false);
    expect((await file(2025)).status).toBe(201);
    const again = await file(2025);
    expect(again).toMatchObject({ status: 409, body: { code: 'FILING_CLOSED' } });
    expect((await file(2026)).status).toBe(201);
    expect((await file(2026)).status).toBe(201);
    // From New Year the coming graduates' table is due by May 15, before June 1 makes 2027 the season.
    const saved = t.clock.current;
    try {
      t.clock.current = new Date('2027-04-01T02:00:00.000Z');
      expect((await file(2027)).status).toBe(201);
      expect((await file(2027)).status).toBe(201);
      expect((await get('a-chutian', '/orgs/chutian/progress?year=2027')).body.preparation.statisticsFiled).toBe(true);
      expect((await file(2028)).body.code).toBe('FILING_YEAR_AHEAD');
    } finally {
      t.clock.current = saved;
    }
  });

  it('deletes an empty graduated branch whose year came from the import, like a marked one', async () => {
    const school = await as('a-chutian');
    // 电子2201 was never marked: its graduation year is its members' (2026, from the import).
    const refused = await t.request('DELETE', '/orgs/chutian-ee-2201', { token: school });
    expect(refused).toMatchObject({ status: 409, body: { code: 'BRANCH_NOT_DELETABLE', message: expect.stringContaining('4 名团员') } });
    await sql("UPDATE memberships SET org_id = 'dongfeng-rd' WHERE org_id = 'chutian-ee-2201'");
    expect((await t.request('DELETE', '/orgs/chutian-ee-2201', { token: school })).status).toBe(204);
    // A branch with no graduation year at all (the staff branch, emptied) stays.
    expect((await t.request('DELETE', '/orgs/chutian-cs-staff', { token: school })).body).toMatchObject({ code: 'BRANCH_NOT_DELETABLE' });
    // The cohort still counts where it graduated from.
    expect((await get('a-chutian', '/orgs/chutian/statistics?year=2026')).body).toMatchObject({ graduatingBranches: 3, graduates: 12, graduatingMembers: 9 });
  });
});
