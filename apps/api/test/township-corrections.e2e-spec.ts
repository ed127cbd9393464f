import { makeIdNumber } from '@xianjie/rules';
import { testDatabases } from './databases';
import { startTestApp, TestApp } from './harness';
import { TRANSFER_DATA } from './transfers-fixture';

/**
 * Issue #12: township flag corrections travel up level by level to the province and on to the
 * centre, naming the org in full; three cases; each level sees what waits for it.
 */
const admin = (id: string, orgId: string, seq: string) => ({
  id, name: `${orgId}管理员`, idNumber: makeIdNumber('420102', '19850505', seq), phone: `1392720${seq.padStart(4, '0')}`, orgId, role: 'org-admin',
});
const EXTRA_ADMINS = [admin('a-wuhan', 'wuhan', '601'), admin('a-hubei', 'hubei', '602'), admin('a-centre', 'zhongyang', '603'), admin('a-luoyu', 'luoyu', '604')];
const DATA = {
  ...TRANSFER_DATA,
  // A street committee the import did not flag (its flag was never identified).
  orgs: [...TRANSFER_DATA.orgs, { id: 'luoyu', name: '珞喻街道团工委', kind: 'working-committee', parentId: 'hongshan', domain: 'township', province: 'hubei', isTownship: false },
    { id: 'luoyu-community', name: '珞喻社区团支部', kind: 'branch', parentId: 'luoyu', domain: 'township', province: 'hubei' },
  ],
  admins: [...TRANSFER_DATA.admins, ...EXTRA_ADMINS],
};

describe.each(testDatabases().map((d) => [d.name, d] as const))('township flag corrections level by level on %s', (_name, db) => {
  let t: TestApp;
  const tokens = new Map<string, string>();
  const tok = async (who: string) => {
    if (!tokens.has(who)) tokens.set(who, await t.login([...DATA.admins].find((a) => a.id === who)!.idNumber));
    return tokens.get(who)!;
  };
  const post = async (who: string, url: string, body: unknown = {}) => t.request('POST', url, { token: await tok(who), body });
  const get = async (who: string, url: string) => t.request('GET', url, { token: await tok(who) });
  const ids = (r: { body: { id: string }[] }) => r.body.map((x) => x.id);

  beforeAll(async () => {
    t = await startTestApp(db, { seed: DATA });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every validation message is in Chinese, a rule without a message of its own included', async () => {
    const res = await post('a-guanshan', '/orgs/guanshan/township-correction', { isTownship: false });
    expect(res.status).toBe(400);
    expect(res.body.errors.filter((e: { field: string }) => e.field === 'reason')).not.toEqual([]);
    const marks = await post('a-guanshan', '/orgs/guanshan/graduation-marks', { branchIds: [1], graduationDate: '2027-06-30' });
    expect(marks.status).toBe(400);
    for (const body of [res.body, marks.body]) {
      for (const e of body.errors as { message: string }[]) expect(e.message).toMatch(/\p{Script=Han}/u);
    }
  });

  it('wrongly flagged: the county passes it up, the city, the province, then the centre decides; each level sees it waiting', async () => {
    const filed = await post('a-guanshan', '/orgs/guanshan/township-correction', { isTownship: false, reason: '已撤街改制，不再是街道团工委' });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      case: 'wrongly-flagged', deciderOrgId: 'hongshan', deciderOrgName: '共青团武汉市洪山区委',
      subjectFullName: '共青团湖北省委 / 共青团武汉市委 / 共青团武汉市洪山区委 / 关山街道团工委', trail: [],
    });
    const id = filed.body.id as string;
    expect(ids(await get('a-guanshan', '/requests?box=sent'))).toEqual([id]);
    expect(ids(await get('a-hongshan', '/requests?box=waiting'))).toEqual([id]);
    // The province oversees the county's subtree but nothing waits for it yet.
    expect(ids(await get('a-hubei', '/requests?box=waiting'))).toEqual([]);
    expect(ids(await get('a-hubei', '/requests'))).toEqual([id]);

    const levels: [string, string][] = [['a-hongshan', 'wuhan'], ['a-wuhan', 'hubei'], ['a-hubei', 'zhongyang']];
    for (const [who, to] of levels) {
      const res = await post(who, `/requests/${id}/forward`, { comment: '请上级核定' });
      expect({ who, status: res.status, decider: res.body.deciderOrgId }).toEqual({ who, status: 200, decider: to });
      expect(ids(await get(who, '/requests?box=waiting'))).toEqual([]);
    }
    // Passing it up twice from the same level is refused: it no longer waits there.
    expect((await post('a-hongshan', `/requests/${id}/forward`)).status).toBe(404);
    const centre = await get('a-centre', '/requests?box=waiting');
    expect(centre.body).toHaveLength(1);
    expect(centre.body[0].trail.map((s: { fromOrgName: string; toOrgName: string; byId: string }) => [s.fromOrgName, s.toOrgName, s.byId])).toEqual([
      ['共青团武汉市洪山区委', '共青团武汉市委', 'a-hongshan'],
      ['共青团武汉市委', '共青团湖北省委', 'a-wuhan'],
      ['共青团湖北省委', '共青团中央', 'a-hubei'],
    ]);
    const top = await post('a-centre', `/requests/${id}/forward`);
    expect({ status: top.status, code: top.body.code }).toEqual({ status: 422, code: 'NO_HIGHER_LEVEL' });
    // The centre is not over 关山 in the tree, but the correction waits for it: it decides.
    const approved = await post('a-centre', `/requests/${id}/approve`, { comment: '核实无误' });
    expect(approved.body).toMatchObject({ status: 'approved', decidedById: 'a-centre' });
    expect((await get('a-hongshan', '/orgs/guanshan')).body.isTownship).toBe(false);
  });

  it('wrongly not flagged, and flag empty: approving sets the flag and creates the transition branch', async () => {
    const mismatch = await post('a-luoyu', '/orgs/luoyu/township-correction', { isTownship: true, case: 'wrongly-flagged', reason: '这是街道团工委' });
    expect({ status: mismatch.status, code: mismatch.body.code }).toEqual({ status: 422, code: 'CORRECTION_CASE_MISMATCH' });
    const empty = await post('a-luoyu', '/orgs/luoyu/township-correction', { isTownship: true, case: 'flag-empty', reason: '标识为空，应为街道团工委' });
    expect(empty.body).toMatchObject({ status: 'pending', case: 'flag-empty', subjectFullName: '共青团湖北省委 / 共青团武汉市委 / 共青团武汉市洪山区委 / 珞喻街道团工委' });
    expect((await post('a-hongshan', `/requests/${empty.body.id}/approve`)).body.status).toBe('approved');
    const children = (await get('a-hongshan', '/orgs?parentId=luoyu')).body as { name: string; purpose: string | null }[];
    expect(children.map((o) => [o.name, o.purpose]).sort()).toEqual([['学社衔接临时团支部', 'transition'], ['珞喻社区团支部', null]]);
    expect((await get('a-hongshan', '/orgs/luoyu')).body.isTownship).toBe(true);
    // Flag empty may also confirm the stored value; a plain report that changes nothing is still refused.
    const plain = await post('a-luoyu', '/orgs/luoyu/township-correction', { isTownship: true, reason: '确认一下' });
    expect(plain.body.code).toBe('FLAG_UNCHANGED');
    const confirm = await post('a-luoyu', '/orgs/luoyu/township-correction', { isTownship: true, case: 'flag-empty', reason: '确认标识' });
    expect(confirm.status).toBe(201);
    const wrongCase = await post('a-luoyu', '/orgs/luoyu/township-correction', { isTownship: false, case: 'nonsense', reason: '无效情形' });
    expect(wrongCase.status).toBe(400);
  });

  it('only township corrections travel; strangers cannot pass anything up; bad box is 400', async () => {
    expect((await get('a-hongshan', '/requests?box=everything')).status).toBe(400);
    const filed = await post('a-guanshan', '/orgs/guanshan/township-correction', { isTownship: true, reason: '恢复街道团工委标识' });
    expect(filed.status).toBe(201);
    expect((await post('a-dongfeng', `/requests/${filed.body.id}/forward`)).status).toBe(404);
    expect((await post('a-guanshan', `/requests/${filed.body.id}/forward`)).status).toBe(404);
  });
});
