import { makeIdNumber } from '@xianjie/rules';
import { DataSource } from 'typeorm';
import { Person } from '../src/auth/person.entity';
import { RoleGrant } from '../src/auth/role-grant.entity';
import { Membership } from '../src/members/membership.entity';
import { testDatabases } from './databases';
import { person } from './harness';
import { useTestApp } from './use-test-app';

/**
 * Security issue #10, item 1: an admin's upload may only create people, or change people whose
 * membership and every grant already lie inside the uploader's subtree; errors name nobody else.
 */
type Row = Record<string, unknown>;
const file = (parts: { orgs?: Row[]; members?: Row[]; admins?: Row[] }) => ({ orgs: [], members: [], admins: [], ...parts });
let serial = 0;
const fresh = () => {
  serial++;
  return { idNumber: makeIdNumber('420111', `1995${String(1 + (serial % 12)).padStart(2, '0')}15`, String(300 + serial).padStart(3, '0')), phone: `1360000${String(1000 + serial)}` };
};

describe.each(testDatabases().map((d) => [d.name, d] as const))('import scope on %s', (_name, db) => {
  const t = useTestApp(db);
  let ds: DataSource;
  let college: string;
  let secretary: string;
  const snapshot = async (id: string) => ({
    person: await ds.getRepository(Person).findOne({ where: { id }, select: { id: true, name: true, idNumber: true, phone: true } }),
    membership: await ds.getRepository(Membership).findOneBy({ personId: id }),
    grants: (await ds.getRepository(RoleGrant).findBy({ personId: id })).map((g) => `${g.role}@${g.orgId}`).sort(),
  });
  const upload = (token: string, body: unknown) => t.request('POST', '/admin/import', { token, body });

  beforeAll(async () => {
    ds = t.app.get(DataSource);
    college = await t.login(person('a-chutian-cs').idNumber);
    secretary = await t.login(person('a-cs2201-secretary').idNumber);
  });

  it.each([
    ['the school admin', 'a-chutian'],
    ['a provincial reviewer', 'a-hubei-reviewer'],
    ['the admin of a sibling college', 'a-chutian-ee'],
  ])('refuses to take over %s by id', async (_who, id) => {
    const before = await snapshot(id);
    const mine = fresh();
    const asAdmin = await upload(college, file({ admins: [{ id, name: '冒名者', ...mine, orgId: 'chutian-cs-2201', role: 'org-admin' }] }));
    expect(asAdmin).toMatchObject({ status: 422, body: { code: 'IMPORT_INVALID', problems: [{ row: 'admins[0]', field: 'id' }] } });
    const asMember = await upload(secretary, file({ members: [{ id, name: '冒名者', ...mine, orgId: 'chutian-cs-2201' }] }));
    expect(asMember).toMatchObject({ status: 422, body: { problems: [{ row: 'members[0]', field: 'id' }] } });
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses to change the ID number or phone of a member outside the subtree, even into a branch of its own', async () => {
    const target = person('m-ee2201-1');
    const before = await snapshot(target.id);
    const idChange = await upload(college, file({ members: [{ ...target, idNumber: fresh().idNumber, orgId: 'chutian-cs-2201' }] }));
    expect(idChange).toMatchObject({ status: 422, body: { problems: [{ row: 'members[0]', field: 'id' }] } });
    const phoneChange = await upload(college, file({ members: [{ ...target, phone: fresh().phone, orgId: 'chutian-cs-2201' }] }));
    expect(phoneChange.status).toBe(422);
    expect(await snapshot(target.id)).toEqual(before);
  });

  it('refuses to move a member out of another college', async () => {
    const target = person('m-ee2201-2');
    const before = await snapshot(target.id);
    const moved = await upload(college, file({ members: [{ ...target, orgId: 'chutian-cs-2202' }] }));
    expect(moved).toMatchObject({ status: 422, body: { problems: [{ row: 'members[0]', field: 'id' }] } });
    expect((await snapshot(target.id)).membership?.orgId).toBe('chutian-ee-2201');
    expect(await snapshot(target.id)).toEqual(before);
  });

  it('changes a person whose membership and every grant lie inside the subtree', async () => {
    const member = person('m-cs2201-5');
    const phone = fresh().phone;
    const moved = await upload(college, file({ members: [{ ...member, phone, orgId: 'chutian-cs-2202' }] }));
    expect(moved).toMatchObject({ status: 200, body: { members: { created: 0, updated: 1, unchanged: 0 } } });
    expect(await snapshot(member.id)).toMatchObject({ person: { phone }, membership: { orgId: 'chutian-cs-2202' } });

    const sec = person('a-cs2201-secretary');
    const renamed = await upload(college, file({ admins: [{ ...sec, name: '许书记', role: 'org-admin' }] }));
    expect(renamed).toMatchObject({ status: 200, body: { admins: { created: 0, updated: 1, unchanged: 0 } } });
    expect((await snapshot(sec.id)).person?.name).toBe('许书记');
  });

  it('refuses to change a member of the subtree who holds any grant outside or above it', async () => {
    // Only the database holder (CLI, no scope) may build such a person: a member of a class branch
    // who is also an admin of the whole school.
    const { ImportService } = await import('../src/imports/import.service');
    const dual = { id: 'x-dual', name: '双重身份', ...fresh() };
    await t.app.get(ImportService).run(file({ members: [{ ...dual, orgId: 'chutian-cs-2201' }], admins: [{ ...dual, orgId: 'chutian', role: 'org-admin' }] }));
    const before = await snapshot(dual.id);
    expect(before.grants).toEqual(['org-admin@chutian']);
    const changed = await upload(college, file({ members: [{ ...dual, phone: fresh().phone, orgId: 'chutian-cs-2201' }] }));
    expect(changed).toMatchObject({ status: 422, body: { problems: [{ row: 'members[0]', field: 'id' }] } });
    const bySecretary = await upload(secretary, file({ members: [{ ...dual, orgId: 'chutian-cs-2201' }] }));
    expect(bySecretary.status).toBe(422);
    expect(await snapshot(dual.id)).toEqual(before);
  });

  it.each([
    ['above', 'chutian'],
    ['beside', 'chutian-ee'],
    ['far away', 'dongfeng'],
  ])('refuses to grant a role on an org %s the importer', async (_where, orgId) => {
    const newcomer = { id: `x-grant-${orgId}`, name: '新管理员', ...fresh() };
    const res = await upload(college, file({ admins: [{ ...newcomer, orgId, role: 'org-admin' }] }));
    expect(res).toMatchObject({ status: 422, body: { problems: [{ row: 'admins[0]', field: 'orgId' }] } });
    expect(await snapshot(newcomer.id)).toEqual({ person: null, membership: null, grants: [] });
    // Nor by granting a second role to someone already inside.
    const sec = person('a-cs2201-secretary');
    const extra = await upload(college, file({ admins: [{ ...sec, role: 'org-admin', orgId }] }));
    expect(extra.status).toBe(422);
    expect((await snapshot(sec.id)).grants).toEqual(['org-admin@chutian-cs-2201']);
  });

  it('leaves the org an admin runs to their superiors, and the township flag to the correction workflow', async () => {
    const org = (id: string) => ds.query(ds.options.type === 'postgres' ? 'SELECT name, domain, is_township FROM orgs WHERE id = $1' : 'SELECT name, domain, is_township FROM orgs WHERE id = ?', [id]);
    const before = [await org('dongfeng'), await org('guanshan'), await org('chutian-cs-2201')];
    const employer = await t.login(person('a-dongfeng').idNumber);
    const dongfeng = { id: 'dongfeng', name: '东风智造集团有限公司团委', kind: 'committee', parentId: 'wuhan', domain: 'enterprise', province: 'hubei' };
    // Unchanged, as a re-run of the same roster: fine.
    expect((await upload(employer, file({ orgs: [dongfeng] }))).status).toBe(200);
    const township = await upload(employer, file({ orgs: [{ ...dongfeng, domain: 'township', isTownship: true }] }));
    expect(township).toMatchObject({ status: 422, body: { code: 'IMPORT_INVALID', problems: expect.arrayContaining([expect.objectContaining({ row: 'orgs[0]', field: 'id' })]) } });
    // A class branch's secretary cannot make his class the school's floating branch.
    const branch = await upload(secretary, file({ orgs: [{ id: 'chutian-cs-2201', name: '计算机2201班团支部', kind: 'branch', parentId: 'chutian-cs', domain: 'school', province: 'hubei', purpose: 'floating' }] }));
    expect(branch).toMatchObject({ status: 422, body: { problems: expect.arrayContaining([expect.objectContaining({ row: 'orgs[0]', field: 'id' })]) } });
    // A county cannot unflag a township inside it by import: that is a correction for the province.
    const county = await t.login(person('a-hongshan').idNumber);
    const guanshan = { id: 'guanshan', name: '关山街道团工委', kind: 'working-committee', parentId: 'hongshan', domain: 'township', province: 'hubei', isTownship: false };
    const unflag = await upload(county, file({ orgs: [guanshan] }));
    expect(unflag).toMatchObject({ status: 422, body: { problems: [expect.objectContaining({ row: 'orgs[0]', field: 'isTownship' })] } });
    expect([await org('dongfeng'), await org('guanshan'), await org('chutian-cs-2201')]).toEqual(before);
  });

  it('appoints org-admins only below the uploader’s own org: no second admin beside oneself (security review)', async () => {
    // A second admin of one's own org would be the "someone else" an approval of one's own request,
    // or a reset left to another admin, waits for.
    const sock = { id: 'sock-2201', name: '张某', ...fresh() };
    const beside = await upload(secretary, file({ admins: [{ ...sock, orgId: 'chutian-cs-2201', role: 'org-admin' }] }));
    expect(beside).toMatchObject({ status: 422, body: { problems: [{ row: 'admins[0]', field: 'orgId', message: expect.stringContaining('联系上级组织') }] } });
    expect(await snapshot(sock.id)).toEqual({ person: null, membership: null, grants: [] });
    // The college appoints the branch's admin; a counsellor at one's own org only watches and reminds.
    const below = await upload(college, file({ admins: [{ ...sock, orgId: 'chutian-cs-2201', role: 'org-admin' }, { ...sock, orgId: 'chutian-cs', role: 'counsellor' }] }));
    expect(below.status).toBe(200);
    expect((await snapshot(sock.id)).grants).toEqual(['counsellor@chutian-cs', 'org-admin@chutian-cs-2201']);
    // A roster uploaded again, its own admins listed as they are, still passes.
    const self = person('a-chutian-cs');
    const again = await upload(college, file({ admins: [{ id: self.id, name: self.name, idNumber: self.idNumber, phone: self.phone, orgId: 'chutian-cs', role: 'org-admin' }] }));
    expect(again).toMatchObject({ status: 200, body: { admins: { unchanged: 1 } } });
  });

  // Security review 4: what an admin's import may create, where. Each of these was taken as an ordinary org:
  // a college's "2026届流动团员团支部" became the whole school's default branch for graduates kept at school
  // (and so the college held other colleges' graduates); a branch relabelled "hunan" went to Hunan's
  // provincial reviewer; an employer's "关山街道团工委" was a township graduates could pick.
  describe('special orgs stand where the domain puts them', () => {
    const org = (o: Row) => ({ kind: 'branch', domain: 'school', province: 'hubei', ...o });
    const refused = (res: { status: number; body: { problems?: { field: string }[] } }, field: string) =>
      expect({ status: res.status, fields: res.body.problems?.map((p) => p.field) }).toEqual({ status: 422, fields: [field] });

    it('a school’s floating, study-abroad and delayed-graduation branches are the school committee’s, right under it', async () => {
      const school = await t.login(person('a-chutian').idNumber);
      for (const purpose of ['floating', 'study-abroad', 'delayed-graduation']) {
        refused(await upload(college, file({ orgs: [org({ id: `cs-${purpose}`, name: '2026届流动团员团支部', parentId: 'chutian-cs', purpose })] })), 'parentId');
        refused(await upload(school, file({ orgs: [org({ id: `cs-${purpose}`, name: '2026届流动团员团支部', parentId: 'chutian-cs', purpose })] })), 'parentId');
      }
      // An existing class branch is not turned into one either.
      refused(await upload(college, file({ orgs: [org({ id: 'chutian-cs-2202', name: '计算机2202班团支部', parentId: 'chutian-cs', purpose: 'floating' })] })), 'parentId');
      const own = await upload(school, file({ orgs: [org({ id: 'chutian-floating-2026', name: '2026届流动团员团支部', parentId: 'chutian', purpose: 'floating' })] }));
      expect(own).toMatchObject({ status: 200, body: { orgs: { created: 1 } } });
    });

    it('a special branch stored deeper down before that rule (by the CLI) is nobody’s default and no move’s target', async () => {
      const { ImportService } = await import('../src/imports/import.service');
      await t.app.get(ImportService).run(file({ orgs: [org({ id: 'cs-legacy-2026', name: '2026届流动团员团支部', parentId: 'chutian-cs', purpose: 'floating' })] }));
      const other = await t.login(person('m-ee2201-1').idNumber);
      // The school committee's own: its 2026 branch (the test above), else its floating branch.
      expect((await t.request('GET', '/me', { token: other })).body.member.schoolBranches.floating.id).toMatch(/^chutian-floating/);
      const school = await t.login(person('a-chutian').idNumber);
      const move = await t.request('GET', '/orgs/chutian/unplaced-move', { token: school });
      expect(move.body.suggestedBranchId).toMatch(/^chutian-floating/);
      expect(JSON.stringify(move.body)).not.toContain('cs-legacy-2026');
    });

    it('a new org is in its parent’s province, and an org’s province is not changed by an admin’s import', async () => {
      refused(await upload(college, file({ orgs: [org({ id: 'cs-hunan', name: '计算机2299班团支部', parentId: 'chutian-cs', province: 'hunan', purpose: 'class' })] })), 'province');
      refused(await upload(college, file({ orgs: [org({ id: 'chutian-cs-2202', name: '计算机2202班团支部', parentId: 'chutian-cs', province: 'hunan', purpose: 'class' })] })), 'province');
      expect((await ds.query("SELECT province FROM orgs WHERE id = 'chutian-cs-2202'"))[0].province).toBe('hubei');
    });

    it('a township org stands under a county committee or inside a township, and so do transition and county floating branches', async () => {
      const employer = await t.login(person('a-dongfeng').idNumber);
      const fake = { id: 'fake-gs', name: '关山街道团工委', kind: 'working-committee', parentId: 'dongfeng', domain: 'township', province: 'hubei' };
      const transition = org({ id: 'fake-gs-t', name: '关山街道学社衔接临时团支部', parentId: 'fake-gs', domain: 'township', purpose: 'transition' });
      refused(await upload(employer, file({ orgs: [fake, transition] })), 'parentId');
      refused(await upload(college, file({ orgs: [{ ...fake, parentId: 'chutian-cs' }, transition] })), 'parentId');
      refused(await upload(employer, file({ orgs: [org({ id: 'fake-t', name: '学社衔接临时团支部', parentId: 'dongfeng', domain: 'enterprise', purpose: 'transition' })] })), 'parentId');
      refused(await upload(employer, file({ orgs: [org({ id: 'fake-f', name: '流动团员团支部', parentId: 'dongfeng', domain: 'enterprise', purpose: 'floating' })] })), 'parentId');
      const county = await t.login(person('a-hongshan').idNumber);
      const real = await upload(county, file({ orgs: [{ ...fake, id: 'real-ts', name: '测试街道团工委', parentId: 'hongshan' }, org({ id: 'real-ts-t', name: '学社衔接临时团支部', parentId: 'real-ts', domain: 'township', purpose: 'transition' })] }));
      expect(real).toMatchObject({ status: 200, body: { orgs: { created: 2 } } });
    });
  });

  it('never names another person in an error', async () => {
    const others = [person('m-ee2201-3'), person('a-chutian'), person('a-hubei-reviewer')];
    for (const other of others) {
      const sameId = await upload(college, file({ members: [{ id: `x-clash-${other.id}`, name: '新同学', idNumber: other.idNumber, phone: fresh().phone, orgId: 'chutian-cs-2201' }] }));
      const samePhone = await upload(college, file({ members: [{ id: `x-clash2-${other.id}`, name: '新同学', idNumber: fresh().idNumber, phone: other.phone, orgId: 'chutian-cs-2201' }] }));
      expect(sameId).toMatchObject({ status: 422, body: { problems: [{ row: 'members[0]', field: 'idNumber', message: '该身份证号已被其他账号使用' }] } });
      expect(samePhone).toMatchObject({ status: 422, body: { problems: [{ row: 'members[0]', field: 'phone', message: '该手机号已被其他账号使用：一人一号' }] } });
      const takeover = await upload(college, file({ members: [{ id: other.id, name: '新同学', ...fresh(), orgId: 'chutian-cs-2201' }] }));
      for (const res of [sameId, samePhone, takeover]) {
        const text = JSON.stringify(res.body.problems);
        for (const secret of [other.id, other.name, other.idNumber, other.phone]) expect(text).not.toContain(secret);
      }
    }
  });
});
