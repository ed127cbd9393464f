import { makeIdNumber } from '@xianjie/rules';
import { ImportService } from '../src/imports/import.service';
import { testDatabases } from './databases';
import { person } from './harness';
import { useTestApp } from './use-test-app';

describe.each(testDatabases().map((d) => [d.name, d] as const))('graduation marks on %s', (_name, db) => {
  const t = useTestApp(db);
  let college: string;
  beforeAll(async () => {
    college = await t.login(person('a-chutian-cs').idNumber);
  });

  it('only school committees, working committees and general branches may mark', async () => {
    const county = await t.login(person('a-hongshan').idNumber);
    const leading = await t.request('POST', '/orgs/hongshan/graduation-marks', { token: county, body: { branchIds: ['hongshan-floating'], graduationDate: '2027-06-30' } });
    expect(leading).toMatchObject({ status: 403, body: { code: 'MARK_NOT_ALLOWED' } });
    const secretary = await t.login(person('a-cs2201-secretary').idNumber);
    const branch = await t.request('POST', '/orgs/chutian-cs-2201/graduation-marks', { token: secretary, body: { branchIds: ['chutian-cs-2201'], graduationDate: '2027-06-30' } });
    expect(branch.body.code).toBe('MARK_NOT_ALLOWED');
  });

  it('the grant decides, not the route: a leading organ’s admin cannot mark through a school’s route', async () => {
    const idNumber = makeIdNumber('420102', '19880101', '051');
    await t.app.get(ImportService).run({
      orgs: [], members: [],
      admins: [{ id: 'a-wuhan', name: '武汉团市委管理员', idNumber, phone: '13827009901', orgId: 'wuhan', role: 'org-admin' }],
    });
    const city = await t.login(idNumber);
    const body = { branchIds: ['jianghan-tech-cs-2101'], graduationDate: '2026-06-30' };
    expect(await t.request('POST', '/orgs/jianghan-tech/graduation-marks', { token: city, body })).toMatchObject({ status: 403, body: { code: 'MARK_NOT_ALLOWED' } });
    expect((await t.request('POST', '/orgs/jianghan-tech-cs/graduation-marks', { token: city, body })).body.code).toBe('MARK_NOT_ALLOWED');
    const school = await t.login(person('a-jianghan').idNumber);
    expect(await t.request('POST', '/orgs/jianghan-tech/graduation-marks', { token: school, body })).toMatchObject({ status: 201, body: { marked: 1 } });
  });

  it('needs exactly one of a date or a reason, and branches inside the marker’s subtree', async () => {
    const both = await t.request('POST', '/orgs/chutian-cs/graduation-marks', { token: college, body: { branchIds: ['chutian-cs-staff'], graduationDate: '2027-06-30', noGraduationReason: '教工团支部' } });
    expect(both).toMatchObject({ status: 400, body: { code: 'MARK_CHOICE' } });
    const neither = await t.request('POST', '/orgs/chutian-cs/graduation-marks', { token: college, body: { branchIds: ['chutian-cs-staff'] } });
    expect(neither.body.code).toBe('MARK_CHOICE');
    const badDate = await t.request('POST', '/orgs/chutian-cs/graduation-marks', { token: college, body: { branchIds: ['chutian-cs-staff'], graduationDate: '2027-13-01' } });
    expect(badDate).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'graduationDate' }] } });
    // A mark cannot be undone: a typo of a year is refused, not written for the whole branch.
    const typo = await t.request('POST', '/orgs/chutian-cs/graduation-marks', { token: college, body: { branchIds: ['chutian-cs-staff'], graduationDate: '2207-06-30' } });
    expect(typo).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'graduationDate', message: expect.stringMatching(/^毕业时间应在 \d{4} 年至 \d{4} 年之间/) }] } });
    expect((await t.request('GET', '/orgs/chutian-cs/graduation-marks', { token: college })).body.find((b: { id: string }) => b.id === 'chutian-cs-staff').mark).toBeNull();
    const foreign = await t.request('POST', '/orgs/chutian-cs/graduation-marks', { token: college, body: { branchIds: ['chutian-ee-2201'], graduationDate: '2027-06-30' } });
    expect(foreign.status).toBe(404);
    const otherCollege = await t.request('POST', '/orgs/chutian-ee/graduation-marks', { token: college, body: { branchIds: ['chutian-ee-2201'], graduationDate: '2027-06-30' } });
    expect(otherCollege.status).toBe(404);
  });

  it('two marks of the same branch at once: one is marked, the other told so (409, not a 500)', async () => {
    await t.app.get(ImportService).run({
      orgs: [{ id: 'chutian-ee-race', name: '电气并发测试团支部', kind: 'branch', parentId: 'chutian-ee', domain: 'school', province: 'hubei' }], members: [], admins: [],
    });
    const admin = await t.login(person('a-chutian-ee').idNumber);
    const body = { branchIds: ['chutian-ee-race'], graduationDate: '2027-06-30' };
    const both = await Promise.all([0, 1].map(() => t.request('POST', '/orgs/chutian-ee/graduation-marks', { token: admin, body })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('ALREADY_MARKED');
  });

  it('after June 1 a mark does not take this season’s graduates out of their cohort, and never dates a special branch (security review)', async () => {
    const cohort = async () => (await t.request('GET', '/orgs/chutian-cs/statistics?year=2026', { token: college })).body.graduates;
    const before = await cohort();
    const later = await t.request('POST', '/orgs/chutian-cs/graduation-marks', { token: college, body: { branchIds: ['chutian-cs-2202'], graduationDate: '2027-06-30' } });
    expect(later).toMatchObject({ status: 409, body: { code: 'GRADUATES_ALREADY', message: expect.stringContaining('2026 届毕业生') } });
    expect(await cohort()).toBe(before);
    const school = await t.login(person('a-chutian').idNumber);
    const floating = await t.request('POST', '/orgs/chutian/graduation-marks', { token: school, body: { branchIds: ['chutian-floating'], graduationDate: '2027-06-30' } });
    expect(floating).toMatchObject({ status: 422, body: { code: 'SPECIAL_BRANCH' } });
    const marks = await t.request('GET', '/orgs/chutian/graduation-marks', { token: school });
    expect(marks.body.filter((b: { id: string; mark: unknown }) => ['chutian-cs-2202', 'chutian-floating'].includes(b.id) && b.mark !== null)).toEqual([]);
  });

  // The 409 above tells the school to correct a wrong year by import. After June 1 the import changed
  // the year and left the flip standing: the member stayed a graduate, tagged on home as of the new year.
  it('a graduation year corrected by import after June 1 takes back the flip; corrected again, it is back', async () => {
    const roster = person('m-cs2202-3');
    const member = await t.login(roster.idNumber);
    const me = async () => (await t.request('GET', '/me', { token: member })).body.member;
    const cohort = async () => (await t.request('GET', '/orgs/chutian-cs/statistics?year=2026', { token: college })).body.graduates;
    expect(await me()).toMatchObject({ isGraduate: true, graduationYear: 2026 });
    const before = await cohort();
    const school = await t.login(person('a-chutian').idNumber);
    const correct = (graduationYear: number) => t.request('POST', '/admin/import', { token: school, body: { orgs: [], admins: [], members: [{ ...roster, graduationYear }] } });

    expect((await correct(2027)).body.members).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await me()).toMatchObject({ isGraduate: false, graduationYear: 2027 });
    expect(await cohort()).toBe(before - 1);

    expect((await correct(2026)).body.members).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await me()).toMatchObject({ isGraduate: true, graduationYear: 2026 });
    expect(await cohort()).toBe(before);
  });

  it('marks a batch with one date, cannot be undone, and fills the yearly statistics', async () => {
    const ok = await t.request('POST', '/orgs/chutian-cs/graduation-marks', { token: college, body: { branchIds: ['chutian-cs-2201', 'chutian-cs-2202'], graduationDate: '2026-06-30' } });
    expect(ok).toMatchObject({ status: 201, body: { marked: 2, graduationDate: '2026-06-30', noGraduationReason: null } });
    const staff = await t.request('POST', '/orgs/chutian-cs/graduation-marks', { token: college, body: { branchIds: ['chutian-cs-staff'], noGraduationReason: '教工团支部，无毕业时间' } });
    expect(staff.status).toBe(201);
    const again = await t.request('POST', '/orgs/chutian-cs/graduation-marks', { token: college, body: { branchIds: ['chutian-cs-2201'], graduationDate: '2027-06-30' } });
    expect(again).toMatchObject({ status: 409, body: { code: 'ALREADY_MARKED' } });

    const list = await t.request('GET', '/orgs/chutian-cs/graduation-marks', { token: college });
    expect(list.body).toEqual([
      { id: 'chutian-cs-2201', name: '计算机2201班团支部', purpose: 'class', members: 6, mark: { graduationDate: '2026-06-30', noGraduationReason: null, markedAt: expect.any(String) }, graduationYear: 2026, deletable: false },
      { id: 'chutian-cs-2202', name: '计算机2202班团支部', purpose: 'class', members: 3, mark: { graduationDate: '2026-06-30', noGraduationReason: null, markedAt: expect.any(String) }, graduationYear: 2026, deletable: false },
      // Empty, but it never graduates: not deletable.
      { id: 'chutian-cs-staff', name: '计算机学院教工团支部', purpose: null, members: 0, mark: { graduationDate: null, noGraduationReason: '教工团支部，无毕业时间', markedAt: expect.any(String) }, graduationYear: null, deletable: false },
    ]);
    const stats = await t.request('GET', '/orgs/chutian-cs/statistics?year=2026', { token: college });
    expect(stats.body).toMatchObject({ orgId: 'chutian-cs', year: 2026, graduatingClasses: 2, graduatingBranches: 2, graduates: 9, graduatingMembers: 9 });
    const counsellor = await t.login(person('a-cs-counsellor').idNumber);
    expect((await t.request('GET', '/orgs/chutian-ee/statistics', { token: counsellor })).status).toBe(404);
  });

  it('deletes a graduated branch only once every member has left', async () => {
    const refused = await t.request('DELETE', '/orgs/chutian-cs-2202', { token: college });
    expect(refused).toMatchObject({ status: 409, body: { code: 'BRANCH_NOT_DELETABLE', message: expect.stringContaining('3 名团员') } });
    const { DataSource } = await import('typeorm');
    await t.app.get(DataSource).query("UPDATE memberships SET org_id = 'dongfeng-rd' WHERE org_id = 'chutian-cs-2202'");
    expect((await t.request('DELETE', '/orgs/chutian-cs-2202', { token: college })).status).toBe(204);
    const children = await t.request('GET', '/orgs?parentId=chutian-cs', { token: college });
    expect(children.body.map((o: { id: string }) => o.id)).not.toContain('chutian-cs-2202');
    const stats = await t.request('GET', '/orgs/chutian-cs/statistics?year=2026', { token: college });
    expect(stats.body.graduates).toBe(9); // the cohort still counts where it graduated from
  });

  it('offers an unmarked branch whose year came from the import once everyone has gone, to another system or the special-unit library too', async () => {
    const admin = await t.login(person('a-chutian-ee').idNumber);
    const row = async () => (await t.request('GET', '/orgs/chutian-ee/graduation-marks', { token: admin })).body.find((b: { id: string }) => b.id === 'chutian-ee-2201');
    expect(await row()).toMatchObject({ mark: null, graduationYear: 2026, members: 4, deletable: false });
    const { DataSource } = await import('typeorm');
    const ds = t.app.get(DataSource);
    // Their memberships keep the last branch (history), but nobody sits in it any more.
    await ds.query("UPDATE memberships SET place = 'special-unit-library' WHERE person_id IN ('m-ee2201-1', 'm-ee2201-2')");
    await ds.query("UPDATE memberships SET place = 'other-system' WHERE person_id IN ('m-ee2201-3', 'm-ee2201-4')");
    expect(await row()).toMatchObject({ mark: null, graduationYear: 2026, members: 0, deletable: true });
    expect((await t.request('DELETE', '/orgs/chutian-ee-2201', { token: admin })).status).toBe(204);
    expect(await row()).toBeUndefined();
  });
});
