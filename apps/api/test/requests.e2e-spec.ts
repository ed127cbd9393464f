import { testDatabases } from './databases';
import { person } from './harness';
import { rows } from './transfers-fixture';
import { useTestApp } from './use-test-app';

describe.each(testDatabases().map((d) => [d.name, d] as const))('requests to a superior on %s', (_name, db) => {
  const t = useTestApp(db);

  it('a township admin reports a wrong township flag; the superior approves and the flag changes', async () => {
    const township = await t.login(person('a-guanshan').idNumber);
    const county = await t.login(person('a-hongshan').idNumber);
    const unchanged = await t.request('POST', '/orgs/guanshan/township-correction', { token: township, body: { isTownship: true, reason: '本来就是街道团工委' } });
    expect(unchanged).toMatchObject({ status: 422, body: { code: 'FLAG_UNCHANGED' } });
    const filed = await t.request('POST', '/orgs/guanshan/township-correction', { token: township, body: { isTownship: false, reason: '已撤街改制，不再是街道团工委' } });
    expect(filed).toMatchObject({ status: 201, body: { kind: 'township-correction', subjectId: 'guanshan', deciderOrgId: 'hongshan', status: 'pending', payload: { isTownship: false } } });
    const twice = await t.request('POST', '/orgs/guanshan/township-correction', { token: township, body: { isTownship: false, reason: '再提交一次试试' } });
    expect(twice).toMatchObject({ status: 409, body: { code: 'REQUEST_IN_PROGRESS' } });

    // The township admin cannot decide their own report; the employer's admin cannot see it.
    expect((await t.request('POST', `/requests/${filed.body.id}/approve`, { token: township, body: {} })).status).toBe(404);
    const employer = await t.login(person('a-dongfeng').idNumber);
    expect((await t.request('GET', '/requests', { token: employer })).body).toEqual([]);

    const inbox = await t.request('GET', '/requests?status=pending', { token: county });
    expect(inbox.body.map((r: { id: string }) => r.id)).toEqual([filed.body.id]);
    expect(inbox.body[0].subjectName).toBe('关山街道团工委');
    const approved = await t.request('POST', `/requests/${filed.body.id}/approve`, { token: county, body: { comment: '同意' } });
    expect(approved.body).toMatchObject({ status: 'approved', decidedById: 'a-hongshan', decisionComment: '同意' });
    expect((await t.request('GET', '/orgs/guanshan', { token: county })).body.isTownship).toBe(false);
    expect((await t.request('POST', `/requests/${filed.body.id}/reject`, { token: county, body: {} })).body.code).toBe('REQUEST_CLOSED');

    // And back: the flag returns; the existing transition branch is kept, not duplicated.
    const back = await t.request('POST', '/orgs/guanshan/township-correction', { token: township, body: { isTownship: true, reason: '恢复街道团工委标识' } });
    await t.request('POST', `/requests/${back.body.id}/approve`, { token: county, body: {} });
    const children = await t.request('GET', '/orgs?parentId=guanshan', { token: county });
    expect(children.body.filter((o: { name: string }) => o.name === '学社衔接临时团支部')).toHaveLength(1);
  });

  it('whoever files a request does not approve it too: a county admin reporting a township of his own county waits for his superior', async () => {
    const county = await t.login(person('a-hongshan').idNumber);
    const filed = await t.request('POST', '/orgs/guanshan/township-correction', { token: county, body: { isTownship: false, reason: '区里核实后发现标记有误' } });
    expect(filed.body).toMatchObject({ deciderOrgId: 'hongshan', createdById: 'a-hongshan' });
    const own = await t.request('POST', `/requests/${filed.body.id}/approve`, { token: county, body: {} });
    expect(own).toMatchObject({ status: 403, body: { code: 'OWN_REQUEST' } });
    const city = await t.login(person('a-wuhan-admin').idNumber);
    expect((await t.request('GET', '/orgs/guanshan', { token: county })).body.isTownship).toBe(true);
    expect((await t.request('POST', `/requests/${filed.body.id}/approve`, { token: city, body: {} })).body).toMatchObject({ status: 'approved', decidedById: 'a-wuhan-admin' });
    // And back, the same way round, so the tests after this one find guanshan as it was.
    const back = await t.request('POST', '/orgs/guanshan/township-correction', { token: county, body: { isTownship: true, reason: '恢复街道团工委标识' } });
    expect((await t.request('POST', `/requests/${back.body.id}/approve`, { token: city, body: {} })).body.status).toBe('approved');
  });

  it('pages the list, newest first, with the total in X-Total-Count; pages never overlap', async () => {
    const township = await t.login(person('a-guanshan').idNumber);
    const county = await t.login(person('a-hongshan').idNumber);
    for (let i = 0; i < 3; i++) {
      const filed = await t.request('POST', '/orgs/guanshan/township-correction', { token: township, body: { isTownship: false, reason: `第 ${i + 1} 次报告标识有误` } });
      expect(filed.status).toBe(201);
      expect((await t.request('POST', `/requests/${filed.body.id}/reject`, { token: county, body: {} })).status).toBe(200);
    }
    const ids = (res: { body: { id: string }[] }) => res.body.map((r) => r.id);
    const all = await t.request('GET', '/requests?box=sent', { token: township });
    const total = all.body.length;
    expect(total).toBeGreaterThanOrEqual(3);
    expect(all.headers['x-total-count']).toBe(String(total));
    const paged: string[] = [];
    for (let offset = 0; offset < total; offset += 2) {
      const page = await t.request('GET', `/requests?box=sent&limit=2&offset=${offset}`, { token: township });
      expect(page.headers['x-total-count']).toBe(String(total));
      paged.push(...ids(page));
    }
    expect(paged).toEqual(ids(all));
    const created = all.body.map((r: { createdAt: string }) => r.createdAt);
    expect(created).toEqual([...created].sort().reverse());

    for (const bad of ['limit=0', 'limit=201', 'offset=-1', 'limit=abc', 'page=2']) {
      const res = await t.request('GET', `/requests?${bad}`, { token: county });
      expect({ bad, status: res.status, code: res.body.code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it('a non-township-capable org cannot be flagged', async () => {
    const school = await t.login(person('a-chutian').idNumber);
    const res = await t.request('POST', '/orgs/chutian-cs/township-correction', { token: school, body: { isTownship: true, reason: '误报测试一下' } });
    expect(res).toMatchObject({ status: 422, body: { code: 'NOT_TOWNSHIP_CAPABLE' } });
  });

  it('deletion only for a record marked as a wrongly entered non-member, never a party member under 28', async () => {
    const member = person('m-cs2201-1');
    const token = await t.login(member.idNumber);
    const listed = await t.request('POST', `/members/${member.id}/deletion-request`, { token, body: { reason: '我不是团员，系误录', isPartyMember: false } });
    expect(listed).toMatchObject({ status: 422, body: { code: 'NOT_MARKED_NON_MEMBER' } });
    const wrong = person('m-ee2201-4');
    const own = await t.login(wrong.idNumber);
    const undeclared = await t.request('POST', `/members/${wrong.id}/deletion-request`, { token: own, body: { reason: '本人不是团员，系误录' } });
    expect(undeclared).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'isPartyMember' }] } });
    // Born 2002: a party member of 24 keeps league membership.
    const party = await t.request('POST', `/members/${wrong.id}/deletion-request`, { token: own, body: { reason: '本人是党员，不是团员', isPartyMember: true } });
    expect(party).toMatchObject({ status: 422, body: { code: 'PARTY_MEMBER_KEEPS_MEMBERSHIP' } });
  });

  it('a non-member wrongly entered asks for deletion; the school committee forwards it to the provincial committee, which removes the record', async () => {
    const wrong = person('m-ee2201-4');
    const token = await t.login(wrong.idNumber);
    const filed = await t.request('POST', `/members/${wrong.id}/deletion-request`, { token, body: { reason: '本人不是团员，系误录', isPartyMember: false } });
    expect(filed).toMatchObject({ status: 201, body: { kind: 'record-deletion', deciderOrgId: 'chutian', status: 'pending', stage: 'school', payload: { isPartyMember: false } } });
    const other = await t.request('POST', '/members/m-cs2201-1/deletion-request', { token, body: { reason: '替别人申请删除', isPartyMember: false } });
    expect(other.status).toBe(404);
    const college = await t.login(person('a-chutian-ee').idNumber);
    expect((await t.request('POST', `/requests/${filed.body.id}/approve`, { token: college, body: {} })).status).toBe(404);
    const reviewer = await t.login(person('a-hubei-reviewer').idNumber);
    expect((await t.request('POST', `/requests/${filed.body.id}/approve`, { token: reviewer, body: {} })).status).toBe(404);

    const school = await t.login(person('a-chutian').idNumber);
    const forwarded = await t.request('POST', `/requests/${filed.body.id}/approve`, { token: school, body: { comment: '情况属实，报省委' } });
    expect(forwarded.body).toMatchObject({ status: 'pending', stage: 'provincial', deciderOrgId: 'hubei', forwardedById: 'a-chutian', forwardComment: '情况属实，报省委' });
    expect((await t.request('GET', '/me', { token })).body.member).not.toBeNull();
    expect((await t.request('POST', `/requests/${filed.body.id}/approve`, { token: school, body: {} })).status).toBe(404);

    const inbox = await t.request('GET', '/requests?status=pending', { token: reviewer });
    expect(inbox.body.map((r: { id: string }) => r.id)).toEqual([filed.body.id]);
    const done = await t.request('POST', `/requests/${filed.body.id}/approve`, { token: reviewer, body: { comment: '同意删除' } });
    expect(done.body).toMatchObject({ status: 'approved', decidedById: 'a-hubei-reviewer', stage: 'provincial' });
    expect((await t.request('GET', '/me', { token })).body.member).toBeNull();
  });

  // Security review 3: the mark was checked when the request was filed, never when it was decided — a roster
  // re-imported without the mark (or an admin setting it back) and the record of a member was deleted anyway.
  it('a record is deleted only as it stands at the decision: a member again, or gone from the decider, is refused and stays', async () => {
    const roster = person('m-cs2201-6');
    const school = await t.login(person('a-chutian').idNumber);
    const reviewer = await t.login(person('a-hubei-reviewer').idNumber);
    const mark = async (isLeagueMember: boolean) =>
      expect((await t.request('POST', '/admin/import', { token: school, body: { orgs: [], admins: [], members: [{ ...roster, graduationYear: 2026, isLeagueMember }] } })).body).toMatchObject({ members: { updated: 1 } });
    const stillThere = async () => (await rows(t, 'SELECT is_league_member AS m FROM memberships WHERE person_id = ?', [roster.id])).length;
    await mark(false);
    const college = await t.login(person('a-chutian-cs').idNumber);
    const filed = await t.request('POST', `/members/${roster.id}/deletion-request`, { token: college, body: { reason: '经核实不是团员，系误录', isPartyMember: false } });
    expect(filed.status).toBe(201);

    await mark(true);
    const atSchool = await t.request('POST', `/requests/${filed.body.id}/approve`, { token: school, body: {} });
    expect(atSchool).toMatchObject({ status: 409, body: { code: 'RECORD_NOW_MEMBER' } });
    await mark(false);
    expect((await t.request('POST', `/requests/${filed.body.id}/approve`, { token: school, body: {} })).body.stage).toBe('provincial');
    await mark(true);
    const atProvince = await t.request('POST', `/requests/${filed.body.id}/approve`, { token: reviewer, body: {} });
    expect(atProvince).toMatchObject({ status: 409, body: { code: 'RECORD_NOW_MEMBER' } });
    expect(await stillThere()).toBe(1);

    // Marked again, but moved out of the province's subtree since.
    await mark(false);
    await rows(t, "UPDATE memberships SET org_id = 'zhongyang-jiguan-1' WHERE person_id = ?", [roster.id]);
    const moved = await t.request('POST', `/requests/${filed.body.id}/approve`, { token: reviewer, body: {} });
    expect(moved).toMatchObject({ status: 409, body: { code: 'RECORD_MOVED' } });
    expect(await stillThere()).toBe(1);
    // Refusing it is still possible, and the record stays as it was.
    expect((await t.request('POST', `/requests/${filed.body.id}/reject`, { token: reviewer, body: { comment: '已转出' } })).body.status).toBe('rejected');
    await rows(t, "UPDATE memberships SET org_id = 'chutian-cs-2201' WHERE person_id = ?", [roster.id]);
    await mark(true);
  });

  it('collects a graduate’s destination in advance for the school', async () => {
    const g = person('m-cs2202-2');
    const token = await t.login(g.idNumber);
    const bad = await t.request('PUT', '/me/destination', { token, body: { destination: 'moon' } });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'destination' }] } });
    const saved = await t.request('PUT', '/me/destination', {
      token,
      body: { destination: 'employed', organisationName: '东风智造集团有限公司', organisationAddress: '武汉市洪山区关山大道 1 号', organisationTownship: '关山街道', householdRegistration: '湖北省黄冈市', residence: '武汉市洪山区' },
    });
    expect(saved.status).toBe(200);
    expect((await t.request('GET', '/me/destination', { token })).body).toMatchObject({ destination: 'employed', organisationTownship: '关山街道' });
    const counsellor = await t.login(person('a-cs-counsellor').idNumber);
    const list = await t.request('GET', '/orgs/chutian-cs/destinations', { token: counsellor });
    const row = list.body.find((r: { memberId: string }) => r.memberId === g.id);
    expect(row).toMatchObject({
      destination: 'employed', organisationName: '东风智造集团有限公司', organisationAddress: '武汉市洪山区关山大道 1 号', organisationTownship: '关山街道',
      householdRegistration: '湖北省黄冈市', residence: '武汉市洪山区', idNumberMasked: expect.stringContaining('********'),
    });
    expect(JSON.stringify(list.body)).not.toContain(g.idNumber);
    expect(list.body.find((r: { memberId: string }) => r.memberId === 'm-cs2201-1').destination).toBeNull();
    expect((await t.request('GET', '/orgs/chutian-ee/destinations', { token: counsellor })).status).toBe(404);
    // A school's list is paged, by branch and name, with the total in X-Total-Count: none left out, none twice.
    const n = list.body.length as number;
    expect(list.headers['x-total-count']).toBe(String(n));
    const ids = (rows: { memberId: string }[]) => rows.map((r) => r.memberId);
    const pages: string[] = [];
    for (let offset = 0; offset < n; offset += 2) {
      const page = await t.request('GET', `/orgs/chutian-cs/destinations?limit=2&offset=${offset}`, { token: counsellor });
      expect(page.headers['x-total-count']).toBe(String(n));
      pages.push(...ids(page.body));
    }
    expect(pages).toEqual(ids(list.body));
    expect((await t.request('GET', '/orgs/chutian-cs/destinations?limit=2001', { token: counsellor })).status).toBe(400);
    expect((await t.request('GET', '/orgs/chutian-cs/destinations?foo=1', { token: counsellor })).status).toBe(400);
  });

  it('a report stays with the school the member graduates from: the employer the member moved to never sees it', async () => {
    const g = person('m-cs2202-3');
    const token = await t.login(g.idNumber);
    await t.request('PUT', '/me/destination', { token, body: { destination: 'employed', organisationName: '东风智造集团有限公司', householdRegistration: '湖北省黄冈市某村', residence: '武汉市洪山区某小区' } });
    const started = await t.request('POST', '/transfers', { token, body: { answers: { destination: 'employed', employerHasLeagueOrg: true }, targetOrgId: 'dongfeng' } });
    const as = async (id: string) => t.login(person(id).idNumber);
    await t.request('POST', `/transfers/${started.body.id}/approve`, { token: await as('a-chutian-cs'), body: {} });
    const employer = await as('a-dongfeng');
    await t.request('POST', `/transfers/${started.body.id}/approve`, { token: employer, body: {} });
    expect((await t.request('POST', `/transfers/${started.body.id}/assign`, { token: employer, body: { branchId: 'dongfeng-rd' } })).body.status).toBe('completed');

    const school = await t.request('GET', '/orgs/chutian-cs/destinations', { token: await as('a-cs-counsellor') });
    expect(school.body.find((r: { memberId: string }) => r.memberId === g.id)).toMatchObject({ orgName: '计算机2202班团支部', householdRegistration: '湖北省黄冈市某村' });
    const theirs = await t.request('GET', '/orgs/dongfeng/destinations', { token: employer });
    expect(theirs.status).toBe(200);
    expect(theirs.body.map((r: { memberId: string }) => r.memberId)).not.toContain(g.id);
    expect(JSON.stringify(theirs.body)).not.toContain('某村');
  });

  it('keeps where a graduate’s family lives from a branch secretary, and shows it to the college and the counsellor', async () => {
    const g = person('m-cs2201-3');
    const saved = await t.request('PUT', '/me/destination', {
      token: await t.login(g.idNumber),
      body: { destination: 'unplaced', householdRegistration: '湖北省黄冈市团风县', residence: '武汉市洪山区珞喻路' },
    });
    expect(saved.status).toBe(200);
    const rowFor = async (who: string, org: string) => {
      const list = await t.request('GET', `/orgs/${org}/destinations`, { token: await t.login(person(who).idNumber) });
      return list.body.find((r: { memberId: string }) => r.memberId === g.id);
    };
    const shown = { householdRegistration: '湖北省黄冈市团风县', residence: '武汉市洪山区珞喻路', homeWithheld: false };
    expect(await rowFor('a-chutian-cs', 'chutian-cs')).toMatchObject(shown);
    expect(await rowFor('a-chutian-cs', 'chutian-cs-2201')).toMatchObject(shown);
    expect(await rowFor('a-cs-counsellor', 'chutian-cs-2201')).toMatchObject(shown);
    expect(await rowFor('a-cs2201-secretary', 'chutian-cs-2201')).toMatchObject({ destination: 'unplaced', householdRegistration: null, residence: null, homeWithheld: true });
  });

  it('lists a year\'s cohort before the June 1 flip too, and filters who has (not) reported', async () => {
    const counsellor = await t.login(person('a-cs-counsellor').idNumber);
    const list = async (query: string) => {
      const res = await t.request('GET', `/orgs/chutian-cs/destinations${query}`, { token: counsellor });
      expect(res.status).toBe(200);
      return { ids: (res.body as { memberId: string }[]).map((r) => r.memberId), total: Number(res.headers['x-total-count']), body: res.body as { memberId: string; destination: string | null; destinationDetail: string | null }[] };
    };
    const all = await list('');
    expect(all.ids.length).toBeGreaterThan(2);
    // Before June 1 the marked branch's members are not flipped yet: the school collects in advance all the same.
    const early = all.ids.find((id) => id !== 'm-cs2202-2')!;
    await rows(t, 'UPDATE memberships SET is_graduate = ? WHERE person_id = ?', [0, early]);
    expect((await list('')).ids).toEqual(all.ids);

    const g = person('m-cs2201-3');
    const saved = await t.request('PUT', '/me/destination', { token: await t.login(g.idNumber), body: { destination: 'further-study', destinationDetail: 'postgraduate', organisationName: '楚天大学' } });
    expect(saved.status).toBe(200);
    const reported = await list('?state=reported');
    const missing = await list('?state=missing');
    expect(reported.ids).toEqual(expect.arrayContaining([g.id, 'm-cs2202-2']));
    expect(missing.ids).not.toContain(g.id);
    expect([...reported.ids, ...missing.ids].sort()).toEqual([...all.ids].sort());
    expect(reported.total + missing.total).toBe(all.total);
    expect(missing.body.every((r) => r.destination === null)).toBe(true);
    expect(reported.body.find((r) => r.memberId === g.id)).toMatchObject({ destination: 'further-study', destinationDetail: 'postgraduate' });

    // Another year's cohort: none of these.
    expect(await list('?year=2027')).toMatchObject({ ids: [], total: 0 });
    for (const bad of ['year=1999', 'year=abc', 'state=lost', 'state=']) {
      const res = await t.request('GET', `/orgs/chutian-cs/destinations?${bad}`, { token: counsellor });
      expect({ bad, status: res.status, code: res.body.code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});
