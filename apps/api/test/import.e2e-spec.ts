import { makeIdNumber } from '@xianjie/rules';
import { DataSource, EntityManager } from 'typeorm';
import { Membership } from '../src/members/membership.entity';
import { DEMO_DATA } from '../src/database/seed';
import { testDatabases } from './databases';
import { person } from './harness';
import { useTestApp } from './use-test-app';

type File = { orgs: Record<string, unknown>[]; members: Record<string, unknown>[]; admins: Record<string, unknown>[] };
const demo = () => JSON.parse(JSON.stringify(DEMO_DATA)) as File;

const township = (suffix: string, withTransition = true): File => ({
  orgs: [
    { id: `ts-${suffix}`, name: `测试街道团工委${suffix}`, kind: 'working-committee', parentId: 'hongshan', domain: 'township', province: 'hubei' },
    withTransition
      ? { id: `ts-${suffix}-t`, name: '学社衔接临时团支部', kind: 'branch', parentId: `ts-${suffix}`, domain: 'township', province: 'hubei' }
      : { id: `ts-${suffix}-b`, name: '社区团支部', kind: 'branch', parentId: `ts-${suffix}`, domain: 'township', province: 'hubei' },
  ],
  members: [],
  admins: [],
});

describe.each(testDatabases().map((d) => [d.name, d] as const))('import on %s', (_name, db) => {
  const t = useTestApp(db);
  let counts: () => Promise<Record<string, number>>;
  beforeAll(async () => {
    const ds = t.app.get(DataSource);
    counts = async () => {
      const out: Record<string, number> = {};
      for (const table of ['orgs', 'people', 'memberships', 'role_grants']) {
        const [row] = await ds.query(`SELECT COUNT(*) AS n FROM ${table}`);
        out[table] = Number(row.n);
      }
      return out;
    };
  });

  it('re-running the demo file changes nothing', async () => {
    const before = await counts();
    const { ImportService } = await import('../src/imports/import.service');
    const report = await t.app.get(ImportService).run(demo());
    expect(report.orgs).toEqual({ created: 0, updated: 0, unchanged: demo().orgs.length });
    expect(report.members).toEqual({ created: 0, updated: 0, unchanged: demo().members.length });
    expect(report.admins).toEqual({ created: 0, updated: 0, unchanged: demo().admins.length });
    expect(await counts()).toEqual(before);
  });

  it('re-running it after a transfer completed leaves the member where the transfer put them', async () => {
    const as = async (id: string) => t.login(person(id).idNumber);
    const member = person('m-cs2201-6');
    const started = await t.request('POST', '/transfers', { token: await as(member.id), body: { answers: { destination: 'employed', employerHasLeagueOrg: true }, targetOrgId: 'dongfeng' } });
    await t.request('POST', `/transfers/${started.body.id}/approve`, { token: await as('a-chutian-cs'), body: {} });
    const employer = await as('a-dongfeng');
    await t.request('POST', `/transfers/${started.body.id}/approve`, { token: employer, body: {} });
    expect((await t.request('POST', `/transfers/${started.body.id}/assign`, { token: employer, body: { branchId: 'dongfeng-rd' } })).body.status).toBe('completed');

    const { ImportService } = await import('../src/imports/import.service');
    const report = await t.app.get(ImportService).run(demo());
    expect(report.members).toEqual({ created: 0, updated: 0, unchanged: demo().members.length });
    const me = await t.request('GET', '/me', { token: await as(member.id) });
    expect(me.body.member).toMatchObject({ orgId: 'dongfeng-rd', place: 'branch' });
  });

  it('derives the township flag and requires the transition branch', async () => {
    const { ImportService, ImportRejected } = await import('../src/imports/import.service');
    const svc = t.app.get(ImportService);
    await expect(svc.run(township('a', false))).rejects.toBeInstanceOf(ImportRejected);
    await expect(svc.run(township('a', false))).rejects.toMatchObject({ problems: [{ row: 'orgs[0]', field: 'id', message: expect.stringContaining('学社衔接临时团支部') }] });
    const report = await svc.run(township('b'));
    expect(report.orgs.created).toBe(2);
    const token = await t.login(person('m-cs2201-3').idNumber);
    const org = await t.request('GET', '/orgs/ts-b', { token });
    expect(org.body).toMatchObject({ isTownship: true, path: [{ id: 'hubei' }, { id: 'wuhan' }, { id: 'hongshan' }, { id: 'ts-b' }] });
    expect((await t.request('GET', '/orgs/ts-b-t', { token })).body).toMatchObject({ purpose: 'transition', isTownship: false });
  });

  it('finds the transition branch by its purpose, whatever place its name carries (#11)', async () => {
    const { ImportService } = await import('../src/imports/import.service');
    const svc = t.app.get(ImportService);
    const org = (id: string, name: string) => ({ id, name: `${name}团工委`, kind: 'working-committee', parentId: 'hongshan', domain: 'township', province: 'hubei' });
    const branch = (id: string, parentId: string, name: string, purpose?: string) => ({ id, name, kind: 'branch', parentId, domain: 'township', province: 'hubei', ...(purpose ? { purpose } : {}) });
    const report = await svc.run({
      orgs: [
        org('xiling', '西陵街道'), branch('xiling-t', 'xiling', '西陵街道学社衔接临时团支部', 'transition'),
        org('donghu', '东湖街道'), branch('donghu-t', 'donghu', '东湖街道学社衔接临时团支部'),
        org('nanhu', '南湖街道'), branch('nanhu-t', 'nanhu', '南湖街道临时团支部', 'transition'),
      ],
      members: [], admins: [],
    });
    expect(report.orgs.created).toBe(6);
    const token = await t.login(person('m-cs2201-3').idNumber);
    for (const id of ['xiling-t', 'donghu-t', 'nanhu-t']) expect((await t.request('GET', `/orgs/${id}`, { token })).body).toMatchObject({ purpose: 'transition' });
    // A name that merely ends like one does not overrule a purpose the file states.
    await expect(svc.run({ orgs: [org('beihu', '北湖街道'), branch('beihu-c', 'beihu', '北湖街道学社衔接临时团支部', 'class')], members: [], admins: [] }))
      .rejects.toMatchObject({ problems: [{ row: 'orgs[0]', field: 'id' }] });
  });

  it('reports every bad row with its reason and imports nothing', async () => {
    const before = await counts();
    const file: File = {
      orgs: [
        { id: 'x-college', name: '测试学院团委', kind: 'committee', parentId: 'chutian', domain: 'school', province: 'hubei' }, // leaf but not a branch
        { id: 'x-orphan', name: '孤立团支部', kind: 'branch', parentId: 'no-such-org', domain: 'school', province: 'hubei' },
        { id: 'x-branch', name: '测试团支部', kind: 'branch', parentId: 'chutian', domain: 'school', province: 'hubei' },
        { id: 'x-under-branch', name: '支部下的支部', kind: 'branch', parentId: 'x-branch', domain: 'school', province: 'hubei' },
        { id: 'x-township', name: '测试乡团支部', kind: 'branch', parentId: 'hongshan', domain: 'township', province: 'hubei', isTownship: true },
        { id: 'x-bad', name: '', kind: 'cell', parentId: 'chutian', domain: 'space', province: 'Hubei', extra: 1 },
      ],
      members: [
        { id: 'x-m1', name: '校验位错', idNumber: '420111200301011234', phone: '13900001111', orgId: 'chutian-cs-2201' },
        { id: 'x-m2', name: '同号', idNumber: makeIdNumber('420111', '20030102', '100'), phone: person('m-cs2201-1').phone, orgId: 'chutian-cs-2201' },
        { id: 'x-m3', name: '在团委', idNumber: makeIdNumber('420111', '20030103', '100'), phone: '13900001113', orgId: 'chutian-cs' },
        { id: 'x-m4', name: '日期错', idNumber: makeIdNumber('420111', '20030230', '100'), phone: '1390000111', orgId: 'chutian-cs-2201' },
        { id: 'x-m5', name: '重复身份证', idNumber: person('m-cs2201-2').idNumber, phone: '13900001115', orgId: 'chutian-cs-2201' },
      ],
      admins: [{ id: 'x-a1', name: '管理员', idNumber: makeIdNumber('420102', '19900101', '100'), phone: '13900001116', orgId: 'chutian', role: 'king' }],
    };
    const { ImportService, ImportRejected } = await import('../src/imports/import.service');
    let problems: { row: string; field: string; message: string }[] = [];
    try {
      await t.app.get(ImportService).run(file);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportRejected);
      problems = (e as InstanceType<typeof ImportRejected>).problems;
    }
    const at = (row: string, field: string) => problems.filter((p) => p.row === row && p.field === field).map((p) => p.message);
    expect(at('orgs[0]', 'kind')).toEqual(['末级组织必须是团支部']);
    expect(at('orgs[1]', 'parentId')[0]).toContain('不存在');
    expect(at('orgs[3]', 'parentId')[0]).toContain('团支部下不能再设组织');
    expect(at('orgs[2]', 'kind')[0]).toContain('不能有下级组织');
    expect(at('orgs[4]', 'kind')[0]).toContain('乡镇街道团委只能是');
    expect(at('orgs[5]', 'extra')).toHaveLength(1);
    for (const f of ['name', 'kind', 'domain', 'province']) expect(at('orgs[5]', f)).toHaveLength(1);
    expect(at('members[0]', 'idNumber')[0]).toContain('GB 11643');
    expect(at('members[1]', 'phone')[0]).toContain('一人一号');
    expect(at('members[2]', 'orgId')[0]).toContain('团员只能属于团支部');
    expect(at('members[3]', 'idNumber')).toHaveLength(1);
    expect(at('members[3]', 'phone')).toHaveLength(1);
    expect(at('members[4]', 'idNumber')).toEqual(['该身份证号已被其他账号使用']);
    expect(at('admins[0]', 'role')).toHaveLength(1);
    expect(await counts()).toEqual(before);
  });

  it('refuses control characters in names (PostgreSQL cannot store a NUL byte)', async () => {
    const { ImportService } = await import('../src/imports/import.service');
    const file = { orgs: [], admins: [], members: [{ id: 'x-nul', name: '李\u0000明', idNumber: makeIdNumber('420111', '20030109', '100'), phone: '13900001119', orgId: 'chutian-cs-2201' }] };
    await expect(t.app.get(ImportService).run(file)).rejects.toMatchObject({ problems: [{ row: 'members[0]', field: 'name' }] });
  });

  it('lets a school admin import into their own subtree only, over HTTP', async () => {
    const schoolAdmin = await t.login(person('a-chutian').idNumber);
    const mine: File = {
      orgs: [{ id: 'chutian-cs-2203', name: '计算机2203班团支部', kind: 'branch', parentId: 'chutian-cs', domain: 'school', province: 'hubei', purpose: 'class' }],
      members: [{ id: 'm-cs2203-1', name: '新同学', idNumber: makeIdNumber('420111', '20040101', '200'), phone: '13700000001', orgId: 'chutian-cs-2203', graduationYear: 2027 }],
      admins: [],
    };
    const ok = await t.request('POST', '/admin/import', { token: schoolAdmin, body: mine });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ orgs: { created: 1, updated: 0, unchanged: 0 }, members: { created: 1, updated: 0, unchanged: 0 }, admins: { created: 0, updated: 0, unchanged: 0 } });
    const again = await t.request('POST', '/admin/import', { token: schoolAdmin, body: mine });
    expect(again.body.orgs).toEqual({ created: 0, updated: 0, unchanged: 1 });

    const theirs: File = { orgs: [{ id: 'dongfeng-new', name: '新团支部', kind: 'branch', parentId: 'dongfeng', domain: 'enterprise', province: 'hubei' }], members: [], admins: [] };
    const refused = await t.request('POST', '/admin/import', { token: schoolAdmin, body: theirs });
    expect(refused).toMatchObject({ status: 422, body: { code: 'IMPORT_INVALID', problems: [{ row: 'orgs[0]', message: '该组织不在您的管理范围内' }] } });
    const member = await t.login(person('m-cs2201-4').idNumber);
    expect((await t.request('POST', '/admin/import', { token: member, body: mine })).status).toBe(403);
  });

  // Race review F4: two uploads of the same new roster at once both read "not there", both insert,
  // and the later one died on the unique key with a 500. The loser now runs again and finds it all there.
  it('two uploads of the same new roster at once: both answer 200, one created it, nothing doubled', async () => {
    const schoolAdmin = await t.login(person('a-chutian').idNumber);
    const roster: File = {
      orgs: [{ id: 'chutian-cs-2209', name: '计算机2209班团支部', kind: 'branch', parentId: 'chutian-cs', domain: 'school', province: 'hubei', purpose: 'class' }],
      members: Array.from({ length: 40 }, (_, i) => ({
        id: `m-cs2209-${i}`, name: `并发${i}`, idNumber: makeIdNumber('420111', '20040202', String(300 + i)), phone: `1370000${String(2000 + i)}`,
        orgId: 'chutian-cs-2209', graduationYear: 2027,
      })),
      admins: [],
    };
    const before = await counts();
    const replies = await Promise.all([1, 2, 3].map(() => t.request('POST', '/admin/import', { token: schoolAdmin, body: roster })));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(replies.map((r) => r.body.members.created).sort()).toEqual([0, 0, 40]);
    expect(replies.map((r) => r.body.members.unchanged).sort()).toEqual([0, 40, 40]);
    const after = await counts();
    expect({ orgs: after.orgs - before.orgs, people: after.people - before.people, memberships: after.memberships - before.memberships })
      .toEqual({ orgs: 1, people: 40, memberships: 40 });
  });

  // Review of session 11: the import read memberships early, then wrote the roster's branch back over
  // a transfer that completed in between — the graduate was back in class with a completed transfer.
  it('a membership that moved while the import ran keeps where it moved to', async () => {
    const ds = t.app.get(DataSource);
    const file = demo();
    const roster = file.members.find((m) => m.id === 'm-cs2202-2')!;
    roster.orgId = 'chutian-cs-2201';
    const original = EntityManager.prototype.update;
    let moved = false;
    const spy = jest.spyOn(EntityManager.prototype, 'update').mockImplementation(async function (this: EntityManager, target: unknown, ...rest: unknown[]) {
      if (target === Membership && !moved) {
        moved = true;
        // Another request, on its own connection where there is one: the transfer to the employer completes.
        await ds.query(ds.options.type === 'postgres' ? "UPDATE memberships SET org_id = 'dongfeng-rd' WHERE person_id = $1" : "UPDATE memberships SET org_id = 'dongfeng-rd' WHERE person_id = ?", ['m-cs2202-2']);
      }
      return (original as (...args: unknown[]) => Promise<unknown>).call(this, target, ...rest) as never;
    });
    try {
      const { ImportService } = await import('../src/imports/import.service');
      await t.app.get(ImportService).run(file);
    } finally {
      spy.mockRestore();
    }
    expect(moved).toBe(true);
    const [row] = await ds.query(ds.options.type === 'postgres' ? 'SELECT org_id FROM memberships WHERE person_id = $1' : 'SELECT org_id FROM memberships WHERE person_id = ?', ['m-cs2202-2']);
    expect(row.org_id).toBe('dongfeng-rd');
  });
});
