import { addMonths, graduationDay, retentionDates } from '@xianjie/rules';
import { testDatabases } from './databases';
import { useTestApp } from './use-test-app';
import { ANSWERS, client, members, rows, TRANSFER_DATA } from './transfers-fixture';

/** Every path of domain §4, step by step over HTTP, with the member's branch checked at the end. */
describe.each(testDatabases().map((d) => [d.name, d] as const))('the transfer workflow on %s', (_name, db) => {
  const t = useTestApp(db, { seed: TRANSFER_DATA });
  const c = client(t);
  const next = members();

  const actions = (body: { events: { action: string }[] }) => body.events.map((e) => e.action);

  it('standard, to an org that is not a branch: outgoing → receiving → assignment → the member sits in the assigned branch', async () => {
    const m = next('cs2201');
    const started = await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
    const id = started.body.id;

    // Only the outgoing side may act first; until then the receiver does not even see it.
    const early = await c.act('a-dongfeng', id, 'approve');
    expect(early.status).toBe(404);
    expect(early.body.code).toBe('TRANSFER_NOT_FOUND');
    expect((await c.get('a-dongfeng', `/transfers/${id}`)).status).toBe(404);

    const out = await c.act('a-cs2201-secretary', id, 'approve', { comment: '同意转出' });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ status: 'pending-incoming', stageDeadline: '2026-07-16T02:00:00.000Z', allowedActions: [] });
    expect((await c.get('a-dongfeng', `/transfers/${id}`)).body.allowedActions).toEqual(['approve', 'reject']);
    expect((await c.get(m, `/transfers/${id}`)).body.allowedActions).toEqual(['withdraw', 'modify']);
    // The outgoing side cannot act twice.
    expect((await c.act('a-cs2201-secretary', id, 'approve')).body.code).toBe('NOT_YOUR_STEP');

    t.clock.advanceDays(1);
    const accepted = await c.act('a-dongfeng', id, 'approve');
    expect(accepted.body).toMatchObject({ status: 'pending-assignment', stageDeadline: null, allowedActions: ['assign'] });
    expect(accepted.body.nextSteps[0]).toContain('分配');

    // The receiver accepted: no more judging, and the member can no longer withdraw.
    expect((await c.act('a-dongfeng', id, 'approve')).body.code).toBe('ACTION_NOT_ALLOWED');
    const late = await c.act(m, id, 'withdraw');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('WITHDRAW_NOT_ALLOWED');
    expect((await c.act('a-cs2201-secretary', id, 'assign', { branchId: 'dongfeng-rd' })).body.code).toBe('NOT_YOUR_STEP');
    const outside = await c.act('a-dongfeng', id, 'assign', { branchId: 'chutian-cs-2202' });
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('TARGET_NOT_ALLOWED');
    expect((await c.act('a-dongfeng', id, 'assign', { branchId: 'dongfeng' })).status).toBe(422);
    expect((await c.act('a-dongfeng', id, 'assign', {})).status).toBe(400);

    const done = await c.act('a-dongfeng', id, 'assign', { branchId: 'dongfeng-rd' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', assignedBranchId: 'dongfeng-rd', allowedActions: [], closedAt: '2026-07-02T02:00:00.000Z' });
    // The completed card names the branch; the receiver comes with its parent ("共青团武汉市委 › 东风智造集团有限公司团委").
    expect(done.body).toMatchObject({ assignedBranchName: '研发中心团支部', targetOrgParentName: '共青团武汉市委' });
    for (const who of [m, 'a-dongfeng']) {
      expect((await c.get(who, `/transfers/${id}`)).body).toMatchObject({ assignedBranchName: '研发中心团支部', targetOrgParentName: done.body.targetOrgParentName });
    }
    expect(started.body).toMatchObject({ assignedBranchName: null, targetOrgParentName: done.body.targetOrgParentName });
    expect(actions(done.body)).toEqual(['submit', 'approve', 'approve', 'assign']);
    expect(done.body.events.map((e: { actorName: string }) => e.actorName)).toEqual([started.body.memberName, '许同学', '马书记', '马书记']);
    expect(done.body.events[1]).toMatchObject({ comment: '同意转出', fromStatus: 'pending-outgoing', toStatus: 'pending-incoming' });
    expect(done.body.events[3]).toMatchObject({ comment: '分配到研发中心团支部', fromStatus: 'pending-assignment', toStatus: 'completed' });
    expect(done.body.nextSteps).toEqual(['团组织关系已转入东风智造集团有限公司团委。']);
    expect(await c.placeOf(m)).toEqual({ orgId: 'dongfeng-rd', place: 'branch' });

    // Closed: nothing more, and a new transfer may start.
    expect((await c.act('a-dongfeng', id, 'reject', { reason: '晚了' })).body.code).toBe('ACTION_NOT_ALLOWED');
    expect((await c.act(m, id, 'withdraw')).body.code).toBe('WITHDRAW_NOT_ALLOWED');
    t.clock.advanceDays(-1);
  });

  it('standard, to a branch (township transition branch): completes on the receiver’s approval', async () => {
    const m = next('cs2201');
    const id = (await c.start(m, { answers: ANSWERS.employedNoOrg, targetOrgId: 'guanshan-transition' })).body.id;
    await c.act('a-cs2201-secretary', id, 'approve');
    const done = await c.act('a-guanshan', id, 'approve');
    expect(done.body.status).toBe('completed');
    expect(await c.placeOf(m)).toEqual({ orgId: 'guanshan-transition', place: 'branch' });
  });

  it('special unit: outgoing approval, then the reviewer of the member’s province; the member enters the library', async () => {
    const m = next('cs2202');
    const id = (await c.start(m, { answers: ANSWERS.military })).body.id;
    expect((await c.get('a-hubei-reviewer', `/transfers/${id}`)).body.allowedActions).toEqual([]);
    const out = await c.act('a-chutian-cs', id, 'approve');
    expect(out.body.status).toBe('pending-provincial');
    expect(out.body.nextSteps.join('')).toContain('线下手续');

    // A reviewer of another province is no party to it at all.
    expect((await c.get('a-hunan-reviewer', `/transfers/${id}`)).status).toBe(404);
    expect((await c.act('a-hunan-reviewer', id, 'approve')).status).toBe(404);
    // Nor is the outgoing admin at this stage.
    expect((await c.act('a-chutian-cs', id, 'approve')).body.code).toBe('NOT_YOUR_STEP');

    const box = await c.get('a-hubei-reviewer', '/transfers?box=provincial&status=pending-provincial');
    expect(box.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await c.get('a-hunan-reviewer', '/transfers?box=provincial')).body.items).toEqual([]);

    const seen = await c.get('a-hubei-reviewer', `/transfers/${id}`);
    expect(seen.body.allowedActions).toEqual(['approve', 'reject']);
    const done = await c.act('a-hubei-reviewer', id, 'approve', { comment: '审核通过' });
    expect(done.body.status).toBe('completed');
    expect(actions(done.body)).toEqual(['submit', 'approve', 'provincial-approve']);
    expect(done.body.nextSteps[0]).toContain('特殊单位专属库');
    expect(await c.placeOf(m)).toEqual({ orgId: 'chutian-cs-2202', place: 'special-unit-library' });
  });

  it('a provincial reviewer may reject too', async () => {
    const m = next('cs2202');
    const id = (await c.start('a-chutian-cs', { memberId: m, answers: { destination: 'classified' } })).body.id;
    await c.act('a-chutian-cs', id, 'approve');
    const res = await c.act('a-hubei-reviewer', id, 'reject', { reason: '线下材料不全' });
    expect(res.body).toMatchObject({ status: 'rejected', rejectionReason: '线下材料不全' });
  });

  it('kept at school (unplaced): the college approves, not the branch; the member moves to the floating branch with a ledger entry', async () => {
    const m = next('cs2201');
    const started = await c.start(m, { answers: ANSWERS.unplacedRetain(2), remarks: '准备二战考研' });
    const id = started.body.id;
    expect(started.body.nextSteps[0]).toContain('院系团委');
    const secretary = await c.act('a-cs2201-secretary', id, 'approve');
    expect(secretary.status).toBe(403);
    expect(secretary.body.code).toBe('NOT_YOUR_STEP');
    expect((await c.get('a-cs2201-secretary', `/transfers/${id}`)).body.allowedActions).toEqual([]);

    const done = await c.act('a-chutian-cs', id, 'approve');
    expect(done.body.status).toBe('completed');
    expect(await c.placeOf(m)).toEqual({ orgId: 'chutian-floating', place: 'branch' });
    const [record] = await rows<Record<string, unknown>>(t, 'SELECT * FROM retention_records WHERE transfer_id = ?', [id]);
    // Counted from the graduation date the school holds (June 30, no branch mark), not the 2 months the member typed.
    const dates = retentionDates(graduationDay(2026));
    expect(record).toMatchObject({
      member_id: m, kind: 'floating', branch_id: 'chutian-floating', state: 'active',
      started_at: '2026-07-01T02:00:00.000Z', follow_up_at: dates.followUpAt.toISOString(), expires_at: dates.expiresAt.toISOString(),
    });
    expect(done.body.nextSteps.join('')).toContain('最长不超过12个月');

    // Placed later: transferring out closes the ledger entry.
    const out = (await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng-mfg' })).body;
    expect(out.application.outgoingBranch.id).toBe('chutian-floating');
    await c.act('a-chutian', out.id, 'approve');
    await c.act('a-dongfeng', out.id, 'approve');
    expect(await c.placeOf(m)).toEqual({ orgId: 'dongfeng-mfg', place: 'branch' });
    const [closed] = await rows<Record<string, unknown>>(t, 'SELECT state, closed_at FROM retention_records WHERE transfer_id = ?', [id]);
    expect(closed).toEqual({ state: 'closed', closed_at: '2026-07-01T02:00:00.000Z' });
  });

  it('study abroad: the written application goes into the ledger; the member sits in the study-abroad branch', async () => {
    const m = next('ee2201');
    const retention = { where: '新加坡国立大学', months: 24, domesticContact: '母亲 13900003333' };
    const id = (await c.start(m, { answers: ANSWERS.studyAbroad, retention })).body.id;
    expect((await c.act('a-chutian-ee', id, 'approve')).body.status).toBe('completed');
    expect(await c.placeOf(m)).toEqual({ orgId: 'chutian-abroad', place: 'branch' });
    const [record] = await rows<Record<string, unknown>>(t, 'SELECT kind, details, follow_up_at, expires_at FROM retention_records WHERE transfer_id = ?', [id]);
    expect(record.kind).toBe('study-abroad');
    expect(JSON.parse(String(record.details))).toEqual(retention);
    expect(record.follow_up_at).toBe(addMonths(new Date('2026-07-01T02:00:00.000Z'), 24).toISOString());
    expect(record.expires_at).toBeNull();
  });

  it('study abroad: a longer stay written into the application before approval moves the ledger’s follow-up with it', async () => {
    const m = next('ee2201');
    const id = (await c.start(m, { answers: ANSWERS.studyAbroad, retention: { where: '新加坡国立大学', months: 3, domesticContact: '母亲 13900003333' } })).body.id;
    const longer = { where: '新加坡国立大学', months: 24, domesticContact: '母亲 13900003333' };
    expect((await t.request('PATCH', `/transfers/${id}`, { token: await c.tok(m), body: { retention: longer } })).status).toBe(200);
    expect((await c.act('a-chutian-ee', id, 'approve')).body.status).toBe('completed');
    const [record] = await rows<Record<string, unknown>>(t, 'SELECT details, follow_up_at FROM retention_records WHERE transfer_id = ?', [id]);
    expect(JSON.parse(String(record.details))).toEqual(longer);
    expect(record.follow_up_at).toBe(addMonths(new Date('2026-07-01T02:00:00.000Z'), 24).toISOString());
  });

  it('delayed graduation: kept in the delayed-graduation branch', async () => {
    const m = next('ee2201');
    const id = (await c.start('a-chutian-ee', { memberId: m, answers: ANSWERS.delayed })).body.id;
    await c.act('a-chutian-ee', id, 'approve');
    expect(await c.placeOf(m)).toEqual({ orgId: 'chutian-delayed', place: 'branch' });
  });

  it('suspended: to the rejoined class branch; one admin over both ends acts once per side', async () => {
    const m = next('cs2201');
    const id = (await c.start(m, { answers: ANSWERS.suspended, targetOrgId: 'chutian-cs-2202' })).body.id;
    expect((await c.get('a-chutian-cs', `/transfers/${id}`)).body.allowedActions).toEqual(['approve', 'reject']);
    expect((await c.act('a-chutian-cs', id, 'approve')).body.status).toBe('pending-incoming');
    const done = await c.act('a-chutian-cs', id, 'approve');
    expect(done.body.status).toBe('completed');
    expect(await c.placeOf(m)).toEqual({ orgId: 'chutian-cs-2202', place: 'branch' });
  });

  it('further study, started by the new school’s org and assigned to a new-students class', async () => {
    const m = next('ee2201');
    const started = await c.pullIn('a-chutian-grad', m, { answers: ANSWERS.furtherStudy, targetOrgId: 'chutian-grad' });
    expect(started.status).toBe(201);
    const id = started.body.id;
    await c.act('a-chutian-ee', id, 'approve');
    expect((await c.act('a-chutian-grad', id, 'approve')).body.status).toBe('pending-assignment');
    expect((await c.act('a-chutian-grad', id, 'assign', { branchId: 'chutian-grad-2026' })).body.status).toBe('completed');
    expect(await c.placeOf(m)).toEqual({ orgId: 'chutian-grad-2026', place: 'branch' });
  });

  it('cross-system: done when the outgoing org approves; never withdrawn; handed over to the other system', async () => {
    const m = next('cs2202');
    const answers = { ...ANSWERS.employedWithOrg, receiverRegion: 'guangdong' };
    const id = (await c.start('a-chutian-cs', { memberId: m, answers, targetOrgName: '广州某某科技有限公司团委' })).body.id;
    const w = await c.act('a-chutian-cs', id, 'withdraw');
    expect(w.status).toBe(409);
    expect(w.body.code).toBe('WITHDRAW_NOT_ALLOWED');
    expect((await c.act(m, id, 'withdraw')).body.code).toBe('WITHDRAW_NOT_ALLOWED');
    const done = await c.act('a-chutian-cs', id, 'approve');
    expect(done.body.status).toBe('completed');
    expect(done.body.nextSteps[0]).toContain('广州某某科技有限公司团委');
    expect(await c.placeOf(m)).toEqual({ orgId: 'chutian-cs-2202', place: 'other-system' });
  });

  describe('reject', () => {
    it('needs a reason (400), records it, and the member may start again', async () => {
      const m = next('cs2201');
      const id = (await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).body.id;
      expect((await c.act('a-cs2201-secretary', id, 'reject', {})).status).toBe(400);
      expect((await c.act('a-cs2201-secretary', id, 'reject', { reason: '   ' })).status).toBe(400);
      expect((await c.act(m, id, 'reject', { reason: '我自己不要了' })).body.code).toBe('NOT_YOUR_STEP');
      const res = await c.act('a-cs2201-secretary', id, 'reject', { reason: '单位名称有误' });
      expect(res.body).toMatchObject({ status: 'rejected', rejectionReason: '单位名称有误', allowedActions: [] });
      expect(res.body.events[1]).toMatchObject({ action: 'reject', comment: '单位名称有误', fromStatus: 'pending-outgoing', toStatus: 'rejected' });
      expect(res.body.nextSteps[0]).toContain('单位名称有误');
      // The member sees where it stopped and whom to call: the rejecting org's admin.
      expect((await c.get(m, `/transfers/${id}`)).body.rejectedBy).toEqual({
        step: 'pending-outgoing', orgName: '计算机2201班团支部', adminName: '许同学', adminPhone: '13927000003',
      });
      expect((await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng-rd' })).status).toBe(201);
    });

    it('a township’s refusal shows the escalation path, not a dead end', async () => {
      const m = next('cs2201');
      const id = (await c.start(m, { answers: ANSWERS.unplacedHome, targetOrgId: 'guanshan-transition' })).body.id;
      await c.act('a-cs2201-secretary', id, 'approve');
      const res = await c.act('a-guanshan', id, 'reject', { reason: '户籍不在本街道' });
      expect(res.body.status).toBe('rejected');
      const steps = res.body.nextSteps.join('\n');
      expect(steps).toContain('户籍不在本街道');
      expect(steps).toContain('沟通');
      expect(steps).toContain('上级团组织（共青团武汉市洪山区委）');
      expect(steps).toContain('一般不超过6个月');
      expect(steps).toContain('洪山区流动团员团支部');
      const seen = await c.get(m, `/transfers/${id}`);
      expect(seen.body.nextSteps).toEqual(res.body.nextSteps);
      expect(seen.body.rejectedBy).toMatchObject({ step: 'pending-incoming', adminName: '宋书记', adminPhone: '13927000007' });
      expect(seen.body.rejectedBy.orgName).toContain('关山街道');
      // The way out it names works: kept at school meanwhile.
      expect((await c.start(m, { answers: ANSWERS.unplacedRetain(1) })).status).toBe(201);
    });
  });

  describe('withdraw', () => {
    it('the member withdraws before the receiver acts (also after outgoing approval), and may start again', async () => {
      const m = next('cs2202');
      const id = (await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).body.id;
      await c.act('a-chutian-cs', id, 'approve');
      const res = await c.act(m, id, 'withdraw', { comment: '去向有变' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'withdrawn', allowedActions: [] });
      expect(res.body.events[2]).toMatchObject({ action: 'withdraw', comment: '去向有变', fromStatus: 'pending-incoming', toStatus: 'withdrawn' });
      expect((await c.act(m, id, 'withdraw')).body.code).toBe('WITHDRAW_NOT_ALLOWED');
      expect((await c.start(m, { answers: ANSWERS.military })).status).toBe(201);
    });

    it('works without a body', async () => {
      const m = next('cs2202');
      const id = (await c.start(m, { answers: ANSWERS.military })).body.id;
      const res = await t.request('POST', `/transfers/${id}/withdraw`, { token: await c.tok(m) });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('withdrawn');
    });

    it('an admin who started it may withdraw it; an admin who did not may not (NOT_YOUR_STEP)', async () => {
      const m = next('cs2201');
      const id = (await c.start('a-chutian-cs', { memberId: m, answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).body.id;
      const other = await c.act('a-cs2201-secretary', id, 'withdraw');
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('NOT_YOUR_STEP');
      // The receiver has not had it yet: for them it does not exist.
      expect((await c.act('a-dongfeng', id, 'withdraw')).status).toBe(404);
      expect((await c.act('a-chutian-ee', id, 'withdraw')).status).toBe(404);
      expect((await c.act('a-chutian-cs', id, 'withdraw')).body.status).toBe('withdrawn');
    });

    it('an admin who started it may change it as the mini program sends a change: a contact left out stays as it was', async () => {
      const m = next('cs2201');
      const started = await c.start('a-chutian-cs', {
        memberId: m, answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng', remarks: '旧备注', emergencyContact: { name: '李父', phone: '13900009999' },
      });
      const id = started.body.id;
      expect((await c.get('a-chutian-cs', `/transfers/${id}`)).body.allowedActions).toEqual(expect.arrayContaining(['withdraw', 'modify']));
      const changed = await t.request('POST', `/transfers/${id}/modify`, {
        token: await c.tok('a-chutian-cs'), body: { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng', remarks: '单位已核对' },
      });
      expect(changed.status).toBe(200);
      const mine = (await c.get(m, `/transfers/${id}`)).body;
      expect(mine).toMatchObject({ remarks: '单位已核对', memberId: m, application: { emergencyContact: { name: '李父', phone: '13900009999' } } });
      // Someone else's admin cannot.
      expect((await t.request('POST', `/transfers/${id}/modify`, { token: await c.tok('a-cs2201-secretary'), body: { remarks: '改' } })).status).toBe(403);
    });

    it('the member may withdraw one an admin started for them', async () => {
      const m = next('cs2201');
      const id = (await c.pullIn('a-dongfeng', m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).body.id;
      expect((await c.get(m, `/transfers/${id}`)).body.allowedActions).toEqual(['withdraw', 'modify']);
      expect((await c.act(m, id, 'withdraw')).body.status).toBe('withdrawn');
    });
  });

  describe('history and inboxes', () => {
    it('GET /members/:id/transfers: newest first, who started each, every step', async () => {
      const m = next('jt2101');
      const first = (await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).body.id;
      await c.act('a-jianghan', first, 'approve');
      await c.act(m, first, 'withdraw');
      t.clock.advanceDays(1);
      const second = (await c.start('a-jianghan', { memberId: m, answers: ANSWERS.military })).body.id;
      t.clock.advanceDays(-1);
      for (const who of [m, 'a-jianghan']) {
        const res = await c.get(who, `/members/${m}/transfers`);
        expect(res.status).toBe(200);
        expect(res.body.map((x: { id: string }) => x.id)).toEqual([second, first]);
        expect(res.body[0].startedBy).toMatchObject({ id: 'a-jianghan', name: '罗老师', party: 'outgoing-admin' });
        expect(res.body[1].startedBy).toMatchObject({ id: m, party: 'member' });
        expect(actions(res.body[1])).toEqual(['submit', 'approve', 'withdraw']);
      }
      // The receiving side of the first (withdrawn while waiting for it) sees that one only.
      const receiver = await c.get('a-dongfeng', `/members/${m}/transfers`);
      expect(receiver.body.map((x: { id: string }) => x.id)).toEqual([first]);
      // A member with no transfers has an empty history.
      const quiet = next('jt2101');
      expect((await c.get(quiet, `/members/${quiet}/transfers`)).body).toEqual([]);
      expect((await c.get('a-jianghan', '/members/nobody/transfers')).status).toBe(404);
    });

    it('counsellors follow their classes’ transfers (read only)', async () => {
      const m = next('cs2202');
      const id = (await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).body.id;
      const seen = await c.get('a-cs-counsellor', `/transfers/${id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.allowedActions).toEqual([]);
      expect((await c.act('a-cs-counsellor', id, 'approve')).body.code).toBe('NOT_YOUR_STEP');
      expect((await c.act('a-cs-counsellor', id, 'withdraw')).body.code).toBe('NOT_YOUR_STEP');
      expect((await c.get('a-cs-counsellor', `/members/${m}/transfers`)).body).toHaveLength(1);
      const box = await c.get('a-cs-counsellor', '/transfers?box=outgoing');
      expect(box.body.items.map((i: { id: string }) => i.id)).toContain(id);
      expect((await c.get('a-cs-counsellor', '/transfers?box=incoming')).status).toBe(403);
    });

    it('inboxes: scoped lists with counts per status, summaries with masked phones', async () => {
      const m = next('ee2201');
      const id = (await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng', emergencyContact: { name: '家长', phone: '13900004444' } })).body.id;
      const out = await c.get('a-chutian-ee', '/transfers?box=outgoing&status=pending-outgoing');
      expect(out.status).toBe(200);
      const item = out.body.items.find((i: { id: string }) => i.id === id);
      expect(item).toMatchObject({ id, memberId: m, status: 'pending-outgoing', allowedActions: ['approve', 'reject'] });
      expect(item.events).toBeUndefined();
      expect(item.application.phone).toMatch(/^138\*{4}\d{4}$/);
      expect(item.application.emergencyContact.phone).toBe('139****4444');
      expect(out.body.items.every((i: { status: string }) => i.status === 'pending-outgoing')).toBe(true);
      expect(Object.keys(out.body.counts).sort()).toEqual(
        ['completed', 'pending-assignment', 'pending-incoming', 'pending-outgoing', 'pending-provincial', 'rejected', 'withdrawn'],
      );
      expect(out.body.counts['pending-outgoing']).toBeGreaterThanOrEqual(1);

      // Still with the outgoing side: not in the receiver's box yet.
      expect((await c.get('a-dongfeng', '/transfers?box=incoming')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
      await c.act('a-chutian-ee', id, 'approve');
      const incoming = await c.get('a-dongfeng', '/transfers?box=incoming');
      expect(incoming.body.items.map((i: { id: string }) => i.id)).toContain(id);
      expect(incoming.body.items.every((i: { targetOrgId: string }) => i.targetOrgId.startsWith('dongfeng'))).toBe(true);
      expect((await c.get('a-chutian-ee', '/transfers?box=incoming')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);

      // Another college sees none of it; a member has no inbox; the box must be named.
      const cs = await c.get('a-chutian-cs', '/transfers?box=outgoing');
      expect(cs.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
      expect(cs.body.items.every((i: { application: { outgoingBranch: { id: string } } }) => i.application.outgoingBranch.id.startsWith('chutian-cs'))).toBe(true);
      expect((await c.get(m, '/transfers?box=outgoing')).status).toBe(403);
      expect((await c.get('a-chutian-ee', '/transfers?box=provincial')).status).toBe(403);
      expect((await c.get('a-chutian-ee', '/transfers')).status).toBe(400);
      expect((await c.get('a-chutian-ee', '/transfers?box=outgoing&status=done')).status).toBe(400);
      expect((await c.get('a-chutian-ee', '/transfers?box=outgoing&limit=1')).body.items).toHaveLength(1);
    });
  });
});
