import { testDatabases } from './databases';
import { startTestApp, TestApp } from './harness';
import { ANSWERS, client, members, rows, TRANSFER_DATA } from './transfers-fixture';

/**
 * Issue #12: a further-study graduate waits until the admitted school's new-students org exists.
 * When one is imported under the school, the graduates who named it show in its pull-in list
 * and are told through the reminder channel — once, however often the file is imported.
 */
describe.each(testDatabases().map((d) => [d.name, d] as const))('the new-students org on %s', (_name, db) => {
  let t: TestApp;
  let c: ReturnType<typeof client>;
  const next = members();

  beforeAll(async () => {
    t = await startTestApp(db, { seed: TRANSFER_DATA });
    c = client(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const report = async (m: string, body: Record<string, unknown>) => {
    const res = await t.request('PUT', '/me/destination', { token: await c.tok(m), body });
    expect(res.status).toBe(200);
  };
  const importOrg = async () =>
    t.request('POST', '/admin/import', {
      token: await c.tok('a-jianghan'),
      body: {
        orgs: [{ id: 'jianghan-new', name: '江城工业大学2026级研究生新生团总支', kind: 'general-branch', parentId: 'jianghan-tech', domain: 'school', province: 'hubei', purpose: 'new-students' },
          { id: 'jianghan-new-1', name: '江城工业大学2026级硕士一班团支部', kind: 'branch', parentId: 'jianghan-new', domain: 'school', province: 'hubei', purpose: 'class' },
        ],
        members: [],
        admins: [],
      },
    });
  const waiting = async (who: string) => (await c.get(who, '/transfers/pull-in/waiting')).body as { memberId: string; typedSchoolName: string; idNumberMasked: string; phoneMasked: string; notifiedAt: string | null; newStudentsOrg: { id: string } }[];
  const systemReminders = (ids: string[]) =>
    rows<{ member_id: string; delivery: string | null }>(t, `SELECT member_id, delivery FROM reminders WHERE created_by_id = 'system' AND member_id IN (${ids.map(() => '?').join(', ')}) ORDER BY member_id`, ids);

  it('lists the graduates who named the school once its new-students org is imported, tells them once, and drops them when pulled in', async () => {
    const [typed, spaced, other, open, employed] = Array.from({ length: 5 }, () => next('cs2201'));
    await report(typed, { destination: 'further-study', destinationDetail: 'postgraduate', organisationName: '江城工业大学' });
    await report(spaced, { destination: 'further-study', organisationName: '共青团江城工业大学委员会' });
    await report(other, { destination: 'further-study', organisationName: '江城理工大学' });
    await report(open, { destination: 'further-study', organisationName: '江城工业大学' });
    await report(employed, { destination: 'employed', organisationName: '江城工业大学' });
    await c.start(open, { answers: ANSWERS.military });

    // No new-students org under that school yet: nobody to list.
    expect(await waiting('a-jianghan')).toEqual([]);

    const imported = await importOrg();
    expect({ status: imported.status, code: imported.body.code }).toEqual({ status: 200, code: undefined });
    const list = await waiting('a-jianghan');
    expect(list.map((w) => w.memberId).sort()).toEqual([typed, spaced].sort());
    const first = list.find((w) => w.memberId === typed)!;
    expect(first).toMatchObject({ typedSchoolName: '江城工业大学', newStudentsOrg: { id: 'jianghan-new' }, notifiedAt: expect.any(String) });
    expect(first.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(first.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(list.find((w) => w.memberId === spaced)!.typedSchoolName).toBe('共青团江城工业大学委员会');
    // Scoped: another school's admin and an employer see none of them.
    for (const who of ['a-chutian', 'a-dongfeng']) expect((await waiting(who)).filter((w) => [typed, spaced].includes(w.memberId))).toEqual([]);

    // Told through the reminder channel, and only them.
    const told = await systemReminders([typed, spaced, other, open, employed]);
    expect(told.map((r) => r.member_id).sort()).toEqual([typed, spaced].sort());
    expect(told.every((r) => r.delivery === 'log')).toBe(true);

    // Importing the same file again tells nobody twice.
    expect((await importOrg()).status).toBe(200);
    expect(await systemReminders([typed, spaced])).toHaveLength(2);

    // Pulled in: no longer waiting.
    const pulled = await c.pullIn('a-jianghan', typed, { answers: ANSWERS.furtherStudy, targetOrgId: 'jianghan-new' });
    expect(pulled.status).toBe(201);
    expect((await waiting('a-jianghan')).map((w) => w.memberId)).toEqual([spaced]);
  });

  it('an employer or a district cannot set up a "school" that lists another school’s admitted students (security review)', async () => {
    const m = next('cs2201');
    await report(m, { destination: 'further-study', organisationName: '江城工业大学' });
    const fake = (parentId: string, name: string, suffix: string) => [
      { id: `fake-${suffix}`, name, kind: 'committee', parentId, domain: 'school', province: 'hubei' },
      { id: `fake-${suffix}-new`, name: `${name}新生团总支`, kind: 'general-branch', parentId: `fake-${suffix}`, domain: 'school', province: 'hubei', purpose: 'new-students' },
      { id: `fake-${suffix}-new-1`, name: `${name}新生一班团支部`, kind: 'branch', parentId: `fake-${suffix}-new`, domain: 'school', province: 'hubei', purpose: 'class' },
    ];
    const upload = async (who: string, orgs: unknown[]) => t.request('POST', '/admin/import', { token: await c.tok(who), body: { orgs, members: [], admins: [] } });
    // Under an employer: no school at all.
    const underEmployer = await upload('a-dongfeng', fake('dongfeng', '江城工业大学团委', 'e'));
    expect(underEmployer).toMatchObject({ status: 422, body: { problems: [{ row: 'orgs[0]', field: 'parentId' }] } });
    // Under a district committee: a school may be set up there, but not one named as another school is.
    const twin = await upload('a-hongshan', fake('hongshan', '共青团江城工业大学委员会', 'd'));
    expect(twin).toMatchObject({ status: 422, body: { problems: [{ row: 'orgs[0]', field: 'name', message: '已有同名的学校团组织，请核对学校名称' }] } });
    for (const who of ['a-dongfeng', 'a-hongshan']) expect((await waiting(who)).map((w) => w.memberId)).not.toContain(m);
    expect((await upload('a-hongshan', fake('hongshan', '洪山职业技术学院团委', 'ok'))).status).toBe(200);
    // A government working committee holds schools too (a provincial organs' school, an education committee's).
    expect((await upload('a-hubei-admin', fake('hubei-gov', '湖北省委党校团委', 'gov'))).status).toBe(200);
    // A "school" under an employer left by older data lists nobody.
    await rows(t, "UPDATE orgs SET name = '江城工业大学团委', parent_id = 'dongfeng' WHERE id = 'fake-ok'");
    await rows(t, "UPDATE orgs SET path = REPLACE(path, '/hongshan/fake-ok/', '/dongfeng/fake-ok/') WHERE path LIKE '%/fake-ok/%'");
    expect((await waiting('a-dongfeng')).map((w) => w.memberId)).not.toContain(m);
    // Such a twin left by older data does not stop the real school uploading its own row again.
    const real = { id: 'jianghan-tech', name: '江城工业大学团委', kind: 'committee', parentId: 'wuhan', domain: 'school', province: 'hubei' };
    expect((await upload('a-wuhan-admin', [real])).status).toBe(200);
  });

  it('follows a graduate who changes the school they named, and keeps the lookup key out of the report', async () => {
    const [changer, leaver] = Array.from({ length: 2 }, () => next('cs2201'));
    await report(changer, { destination: 'further-study', organisationName: '江城理工大学' });
    await report(leaver, { destination: 'further-study', organisationName: '江城工业大学' });
    const ids = async () => (await waiting('a-jianghan')).map((w) => w.memberId).filter((id) => [changer, leaver].includes(id));
    expect(await ids()).toEqual([leaver]);

    await report(changer, { destination: 'further-study', organisationName: '　江 城 工 业 大 学　' });
    await report(leaver, { destination: 'employed', organisationName: '江城工业大学' });
    expect(await ids()).toEqual([changer]);

    const mine = await t.request('GET', '/me/destination', { token: await c.tok(changer) });
    expect(mine.status).toBe(200);
    expect(Object.keys(mine.body)).not.toContain('organisationKey');
  });

  it('pages the list of every new-students org in a province admin\'s subtree, with the total, none left out and none twice', async () => {
    const [toJianghan1, toJianghan2] = Array.from({ length: 2 }, () => next('cs2201'));
    const [toChutian1, toChutian2, toChutian3] = Array.from({ length: 3 }, () => next('jt2101'));
    for (const m of [toJianghan1, toJianghan2]) await report(m, { destination: 'further-study', organisationName: '江城工业大学' });
    for (const m of [toChutian1, toChutian2, toChutian3]) await report(m, { destination: 'further-study', organisationName: '楚天大学' });

    const province = await c.tok('a-hubei-admin');
    const all = await t.request('GET', '/transfers/pull-in/waiting', { token: province });
    expect(all.status).toBe(200);
    const key = (rows: { memberId: string; newStudentsOrg: { id: string } }[]) => rows.map((w) => `${w.newStudentsOrg.id}/${w.memberId}`);
    const everyone = key(all.body);
    expect(all.headers['x-total-count']).toBe(String(everyone.length));
    // Both schools' orgs, each its own graduates: by org, then member.
    expect(everyone).toEqual(expect.arrayContaining([toJianghan1, toJianghan2].map((m) => `jianghan-new/${m}`).concat([toChutian1, toChutian2, toChutian3].map((m) => `chutian-grad/${m}`))));
    expect(everyone).toEqual([...everyone].sort());
    // Each school's admin sees only their own.
    expect(key(await waiting('a-chutian')).filter((k) => !k.startsWith('chutian-grad/'))).toEqual([]);

    const paged: string[] = [];
    for (let offset = 0; offset < everyone.length; offset += 2) {
      const page = await t.request('GET', `/transfers/pull-in/waiting?limit=2&offset=${offset}`, { token: province });
      expect(page.headers['x-total-count']).toBe(String(everyone.length));
      paged.push(...key(page.body));
    }
    expect(paged).toEqual(everyone);
    const past = await t.request('GET', `/transfers/pull-in/waiting?offset=${everyone.length}`, { token: province });
    expect({ body: past.body, total: past.headers['x-total-count'] }).toEqual({ body: [], total: String(everyone.length) });

    for (const bad of ['limit=0', 'limit=201', 'offset=-1', 'limit=abc', 'page=2']) {
      const res = await t.request('GET', `/transfers/pull-in/waiting?${bad}`, { token: province });
      expect({ bad, status: res.status, code: res.body.code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});
