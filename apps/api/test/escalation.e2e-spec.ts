import { testDatabases } from './databases';
import { startTestApp, TestApp, TestClock } from './harness';
import { ANSWERS, client, members, rows, TRANSFER_DATA } from './transfers-fixture';

/**
 * Issue #12: a township's refusal taken level by level — the township, then its 区县 committee,
 * then the city; the school keeps the member meanwhile (≤ 6 months) and the county floating
 * branch is offered. Every step is an event with who and when.
 */
describe.each(testDatabases().map((d) => [d.name, d] as const))('township refusal escalation on %s', (_name, db) => {
  let t: TestApp;
  let c: ReturnType<typeof client>;
  const next = members();
  const clock = new TestClock(new Date('2026-07-10T02:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp(db, { seed: TRANSFER_DATA, clock });
    c = client(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const step = async (who: string, id: string, what: 'escalate' | 'retain-pending', body: unknown = {}) =>
    t.request('POST', `/transfers/${id}/${what}`, { token: await c.tok(who), body });

  /** A graduate sent to 关山街道's transition branch, approved by the college, refused by the township. */
  async function refused(): Promise<{ m: string; id: string }> {
    clock.current = new Date('2026-07-10T02:00:00Z');
    const m = next('cs2201');
    const id = (await c.start(m, { answers: ANSWERS.unplacedHome, targetOrgId: 'guanshan-transition' })).body.id as string;
    expect((await c.act('a-chutian-cs', id, 'approve')).status).toBe(200);
    expect((await c.act('a-guanshan', id, 'reject', { reason: '户籍不在本街道' })).body.status).toBe('rejected');
    return { m, id };
  }

  it('step by step: township → 区县 → city, each an event with who and when, contacts of the org to call shown', async () => {
    const { m, id } = await refused();
    const first = await c.get('a-chutian-cs', `/transfers/${id}`);
    expect(first.body.escalation).toEqual({
      level: 'township',
      next: 'county',
      levels: [
        { level: 'township', orgId: 'guanshan', orgName: '关山街道团工委', contacts: [{ name: '宋书记', phone: '13927000007' }], reachedAt: expect.any(String) },
        { level: 'county', orgId: 'hongshan', orgName: '共青团武汉市洪山区委', contacts: [{ name: '韩书记', phone: '13927000008' }], reachedAt: null },
        { level: 'city', orgId: 'wuhan', orgName: '共青团武汉市委', contacts: [{ name: '郑书记', phone: '13927000013' }], reachedAt: null },
      ],
      current: { level: 'township', orgId: 'guanshan', orgName: '关山街道团工委', contacts: [{ name: '宋书记', phone: '13927000007' }] },
      floatingBranch: { id: 'hongshan-floating', name: '洪山区流动团员团支部' },
      retainedUntil: null,
      actions: ['escalate', 'retain-pending'],
    });
    // The member sees the same path and contacts, but the steps are the school's.
    const mine = await c.get(m, `/transfers/${id}`);
    expect(mine.body.escalation).toMatchObject({ level: 'township', actions: [], current: { contacts: [{ name: '宋书记', phone: '13927000007' }] } });
    // The branch secretary is not the school: the step is refused, nothing written.
    const secretary = await step('a-cs2201-secretary', id, 'escalate');
    expect({ status: secretary.status, code: secretary.body.code }).toEqual({ status: 409, code: 'ESCALATION_NOT_ALLOWED' });
    expect((await step(m, id, 'escalate')).status).toBe(409);

    clock.advanceDays(2);
    const county = await step('a-chutian-cs', id, 'escalate', { comment: '已电话沟通，街道仍不接收' });
    expect(county.status).toBe(200);
    expect(county.body.status).toBe('rejected');
    expect(county.body.escalation).toMatchObject({ level: 'county', next: 'city', current: { orgName: '共青团武汉市洪山区委', contacts: [{ name: '韩书记' }] } });
    expect(county.body.escalation.levels[1].reachedAt).toBe('2026-07-12T02:00:00.000Z');
    expect(county.body.nextSteps.join('\n')).toContain('学校团组织已向共青团武汉市洪山区委反映');
    expect(county.body.nextSteps.join('\n')).toContain('继续向共青团武汉市委反映');

    clock.advanceDays(1);
    const city = await step('a-chutian', id, 'escalate');
    expect(city.body.escalation).toMatchObject({ level: 'city', next: null, actions: ['retain-pending'] });
    const top = await step('a-chutian', id, 'escalate');
    expect({ status: top.status, code: top.body.code }).toEqual({ status: 409, code: 'ESCALATION_NOT_ALLOWED' });

    const history = (await c.get(m, `/transfers/${id}`)).body.events as { action: string; actorId: string; at: string; comment: string; toStatus: string }[];
    expect(history.map((e) => [e.action, e.actorId, e.toStatus])).toEqual([
      ['submit', m, 'pending-outgoing'],
      ['approve', 'a-chutian-cs', 'pending-incoming'],
      ['reject', 'a-guanshan', 'rejected'],
      ['escalate', 'a-chutian-cs', 'rejected'],
      ['escalate', 'a-chutian', 'rejected'],
    ]);
    expect(history[3]).toMatchObject({ at: '2026-07-12T02:00:00.000Z', comment: '已向共青团武汉市洪山区委（区县团委）反映：已电话沟通，街道仍不接收' });
    expect(history[4].comment).toBe('已向共青团武汉市委（市级团委）反映');

    // The township that refused still sees it (with the admins' numbers masked), not a step of its own.
    const township = await c.get('a-guanshan', `/transfers/${id}`);
    expect(township.status).toBe(200);
    expect(township.body.escalation).toMatchObject({ actions: [], current: { orgName: '共青团武汉市委', contacts: [{ name: '郑书记', phone: '139****0013' }] } });
    expect(township.body.escalation.levels[0].contacts[0].phone).toBe('139****0007');
  });

  /** The college's counsellor's to-do list (未发起) and the college's started count. */
  const notStarted = async () => ((await c.get('a-cs-counsellor', '/orgs/chutian-cs/not-started?limit=500')).body as { id: string }[]).map((r) => r.id);
  const started = async () => (await c.get('a-cs-counsellor', '/orgs/chutian-cs/progress')).body.started as number;

  it('the school keeps the member meanwhile: ≤ 6 months, listed in the ledger, once', async () => {
    const { m, id } = await refused();
    // Refused, and nothing done yet: back on the counsellor's list of graduates to remind.
    expect(await notStarted()).toContain(m);
    const startedBefore = await started();
    for (const until of ['2026-07-10', '2027-01-11', 'tomorrow']) {
      const res = await step('a-chutian-cs', id, 'retain-pending', { until });
      expect({ until, status: res.status }).toEqual({ until, status: until === 'tomorrow' ? 400 : 422 });
    }
    expect((await step('a-chutian-cs', id, 'retain-pending', { until: '2026-12-31', extra: 1 })).status).toBe(400);
    const kept = await step('a-chutian-cs', id, 'retain-pending', { until: '2027-01-10' });
    expect(kept.status).toBe(200);
    expect(kept.body.escalation).toMatchObject({ retainedUntil: '2027-01-09T16:00:00.000Z', actions: ['escalate'] });
    expect(kept.body.nextSteps.join('\n')).toContain('其间学校暂时保留你的团组织关系，至2027-01-10');
    expect(kept.body.events.at(-1)).toMatchObject({ action: 'retain-pending', actorId: 'a-chutian-cs', comment: '学校暂时保留至2027-01-10，等待关山街道团工委接收' });
    const again = await step('a-chutian-cs', id, 'retain-pending', { until: '2026-12-01' });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'ESCALATION_NOT_ALLOWED' });

    const ledger = await c.get('a-chutian', '/orgs/chutian/retention');
    const row = (ledger.body as { memberId: string; kind: string; until: string; branchId: string; transferId: string }[]).find((r) => r.memberId === m);
    expect(row).toMatchObject({ kind: 'floating', branchId: 'chutian-floating', until: '2027-01-09T16:00:00.000Z', transferId: id });
    // Kept while the township question is open: started, followed by the ledger — not someone to remind to start.
    expect(await notStarted()).not.toContain(m);
    expect(await started()).toBe(startedBefore + 1);

    // The county floating branch offered as the fallback takes the graduate; completing it closes the ledger line.
    const fallback = await c.start(m, { answers: ANSWERS.unplacedHome, targetOrgId: 'hongshan-floating' });
    expect(fallback.status).toBe(201);
    await c.act('a-chutian-cs', fallback.body.id, 'approve');
    expect((await c.act('a-hongshan', fallback.body.id, 'approve')).body.status).toBe('completed');
    const [record] = await rows<{ state: string }>(t, 'SELECT state FROM retention_records WHERE transfer_id = ?', [id]);
    expect(record.state).toBe('closed');
  });

  it('a refusal the member has moved on from is not kept or escalated: a newer transfer open, or gone elsewhere (security review)', async () => {
    const { m, id } = await refused();
    const newer = await c.start(m, { answers: ANSWERS.unplacedHome, targetOrgId: 'hongshan-floating' });
    expect(newer.status).toBe(201);
    // Nor offered: the school's view of the old refusal has no steps left.
    expect((await c.get('a-chutian-cs', `/transfers/${id}`)).body.escalation.actions).toEqual([]);
    for (const what of ['retain-pending', 'escalate'] as const) {
      const res = await step('a-chutian-cs', id, what, what === 'retain-pending' ? { until: '2026-12-31' } : {});
      expect({ what, status: res.status, code: res.body.code }).toEqual({ what, status: 409, code: 'ESCALATION_NOT_ALLOWED' });
    }
    await c.act('a-chutian-cs', newer.body.id, 'approve');
    expect((await c.act('a-hongshan', newer.body.id, 'approve')).body.status).toBe('completed');
    expect((await step('a-chutian-cs', id, 'retain-pending', { until: '2026-12-31' })).status).toBe(409);
    expect(await rows(t, 'SELECT id FROM retention_records WHERE transfer_id = ?', [id])).toEqual([]);
  });

  it('kept at school by a retention of their own, the refusal may still be taken up the chain, but not kept a second time', async () => {
    const { m, id } = await refused();
    const kept = await c.start(m, { answers: ANSWERS.unplacedRetain(0) });
    expect(kept.status).toBe(201);
    expect((await c.get('a-chutian-cs', `/transfers/${id}`)).body.escalation.actions).toEqual(['escalate']);
    expect((await step('a-chutian-cs', id, 'retain-pending', { until: '2026-12-31' })).status).toBe(409);
    expect((await step('a-chutian-cs', id, 'escalate')).status).toBe(200);
  });

  // Security review 4: refused twice, each refusal was kept — two ledger lines open for one member at once.
  it('one keep at a time: refused again, the member already kept is not kept a second time', async () => {
    const { m, id } = await refused();
    expect((await step('a-chutian-cs', id, 'retain-pending', { until: '2026-12-31' })).status).toBe(200);
    const second = (await c.start(m, { answers: ANSWERS.unplacedHome, targetOrgId: 'guanshan-transition' })).body.id as string;
    await c.act('a-chutian-cs', second, 'approve');
    expect((await c.act('a-guanshan', second, 'reject', { reason: '仍不在本街道' })).body.status).toBe('rejected');
    expect((await c.get('a-chutian-cs', `/transfers/${second}`)).body.escalation.actions).toEqual(['escalate']);
    const again = await step('a-chutian-cs', second, 'retain-pending', { until: '2027-01-05' });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'ESCALATION_NOT_ALLOWED' });
    expect(await rows(t, "SELECT id FROM retention_records WHERE member_id = ? AND state <> 'closed'", [m])).toHaveLength(1);
  });

  it('kept after escalating: the history still waits for the township to receive, not for the committee asked', async () => {
    const { id } = await refused();
    await step('a-chutian-cs', id, 'escalate');
    await step('a-chutian-cs', id, 'escalate');
    const kept = await step('a-chutian', id, 'retain-pending', { until: '2026-09-01' });
    expect(kept.status).toBe(200);
    // The city committee coordinates; the township (or the county floating branch) is who receives.
    expect(kept.body.events.at(-1)).toMatchObject({ action: 'retain-pending', comment: '学校暂时保留至2026-09-01，等待关山街道团工委接收' });
  });

  it('only a township refusal has the path; strangers get 404', async () => {
    const m = next('cs2202');
    const id = (await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng-rd' })).body.id as string;
    await c.act('a-chutian-cs', id, 'approve');
    await c.act('a-dongfeng', id, 'reject', { reason: '不是本单位员工' });
    const res = await step('a-chutian-cs', id, 'escalate');
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'ESCALATION_NOT_ALLOWED' });
    expect((await c.get('a-chutian-cs', `/transfers/${id}`)).body.escalation).toBeUndefined();

    const own = await refused();
    expect((await step('a-jianghan', own.id, 'escalate')).status).toBe(404);
    expect((await step('a-dongfeng', own.id, 'retain-pending', { until: '2026-09-01' })).status).toBe(404);
    // A school refusal of a township-bound graduate is an ordinary rejection.
    const early = next('cs2202');
    const eid = (await c.start(early, { answers: ANSWERS.unplacedHome, targetOrgId: 'guanshan-transition' })).body.id as string;
    await c.act('a-chutian-cs', eid, 'reject', { reason: '信息有误' });
    expect((await step('a-chutian-cs', eid, 'escalate')).status).toBe(409);
  });

  it("the outgoing box's follow-up filter finds the township refusals behind any number of newer rejections", async () => {
    const own = await refused();
    // Newer rejections that are not the school's to follow up: the college's own, an employer's,
    // and the school refusing a township-bound graduate before the township saw them.
    const others: string[] = [];
    for (const [answers, target, by] of [
      [ANSWERS.employedWithOrg, 'dongfeng-rd', 'a-chutian-cs'],
      [ANSWERS.employedWithOrg, 'dongfeng-rd', 'a-dongfeng'],
      [ANSWERS.unplacedHome, 'guanshan-transition', 'a-chutian-cs'],
    ] as const) {
      clock.advanceDays(1);
      const id = (await c.start(next('cs2202'), { answers, targetOrgId: target })).body.id as string;
      if (by !== 'a-chutian-cs') expect((await c.act('a-chutian-cs', id, 'approve')).status).toBe(200);
      expect((await c.act(by, id, 'reject', { reason: '信息有误' })).body.status).toBe('rejected');
      others.push(id);
    }
    const items = async (who: string, query: string) => {
      const res = await c.get(who, `/transfers?box=outgoing&${query}`);
      expect(res.status).toBe(200);
      return res.body.items as { id: string; escalation?: unknown }[];
    };
    const ids = async (who: string, query: string) => (await items(who, query)).map((i) => i.id);
    // By status, a page of the newest rejections holds none of the school's follow-ups.
    expect(await ids('a-chutian-cs', 'status=rejected&limit=3')).toEqual([...others].reverse());
    // The filter holds the township refusals only (this file's earlier ones too), each with its path.
    const followUps = await items('a-chutian-cs', 'state=follow-up&limit=200');
    expect(followUps.map((i) => i.id)).toContain(own.id);
    expect(followUps.filter((i) => others.includes(i.id) || !i.escalation)).toEqual([]);
    // The same from the school above the college; nothing for a college outside it.
    expect(await ids('a-chutian', 'state=follow-up&limit=200')).toContain(own.id);
    expect(await ids('a-jianghan', 'state=follow-up')).not.toContain(own.id);
    // Only the outgoing box has it.
    const incoming = await c.get('a-guanshan', '/transfers?box=incoming&state=follow-up');
    expect({ status: incoming.status, code: incoming.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(incoming.body.message).toBe('“待学校跟进”只用于转出审批');
  });
});
