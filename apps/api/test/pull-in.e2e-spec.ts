import { makeIdNumber } from '@xianjie/rules';
import { Database } from '../src/database/database.service';
import { runSweep } from '../src/jobs/sweep';
import { testDatabases } from './databases';
import { useTestApp } from './use-test-app';
import { ANSWERS, client, idOf, members, nameOf, rows, TRANSFER_DATA } from './transfers-fixture';

/**
 * Issue #12: the receiving side pulls members in by ID number and name (发起转入), an application
 * changes before the receiver acts (修改申请), and central units in Beijing are ordinary receivers.
 */
describe.each(testDatabases().map((d) => [d.name, d] as const))('pull-in and changing an application on %s', (_name, db) => {
  const t = useTestApp(db, { seed: TRANSFER_DATA });
  const c = client(t);
  const next = members();

  const lookup = async (who: string, body: unknown) => t.request('POST', '/transfers/pull-in/lookup', { token: await c.tok(who), body });
  const patch = async (who: string, id: string, body: unknown) => t.request('PATCH', `/transfers/${id}`, { token: await c.tok(who), body });
  const events = async (who: string, id: string) => (await c.get(who, `/transfers/${id}`)).body.events as { action: string; comment: string | null; actorId: string }[];
  const UNKNOWN_ID = makeIdNumber('420111', '19990101', '999');

  describe('looking the member up (核对身份)', () => {
    it('shows whom the ID number and name found: name, old school, masked phone and ID, no open transfer', async () => {
      const m = next('jt2101');
      const res = await lookup('a-chutian-grad', { memberIdNumber: idOf(m), memberName: nameOf(m) });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        name: nameOf(m),
        idNumberMasked: expect.stringMatching(/^\d{6}\*{8}[\dX]{4}$/),
        phoneMasked: expect.stringMatching(/^\d{3}\*{4}\d{4}$/),
        orgName: '江城工业大学团委',
        transferOpen: false,
      });
      // A lower-case check character and stray spaces are what people type.
      const typed = await lookup('a-chutian-grad', { memberIdNumber: ` ${idOf(m).toLowerCase()} `, memberName: ` ${nameOf(m)} ` });
      expect(typed.status).toBe(200);
      await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
      expect((await lookup('a-chutian-grad', { memberIdNumber: idOf(m), memberName: nameOf(m) })).body.transferOpen).toBe(true);
    });

    it('a wrong name or a wrong ID number: the same 404, no hint which', async () => {
      const m = next('jt2101');
      const replies = [
        await lookup('a-chutian-grad', { memberIdNumber: idOf(m), memberName: `${nameOf(m)}x` }),
        await lookup('a-chutian-grad', { memberIdNumber: UNKNOWN_ID, memberName: nameOf(m) }),
        await lookup('a-chutian-grad', { memberIdNumber: idOf(next('jt2101')), memberName: nameOf(m) }),
      ];
      for (const r of replies) expect({ status: r.status, body: r.body }).toEqual({ status: 404, body: replies[0].body });
      expect(replies[0].body.code).toBe('MEMBER_NOT_FOUND');
    });

    it('is for admins only; bad input is 400', async () => {
      const m = next('jt2101');
      const member = await lookup(m, { memberIdNumber: idOf(m), memberName: nameOf(m) });
      expect({ status: member.status, message: member.body.message }).toEqual({ status: 403, message: '只有团组织管理员可以发起转入' });
      expect((await lookup('a-cs-counsellor', { memberIdNumber: idOf(m), memberName: nameOf(m) })).status).toBe(403);
      for (const body of [{ memberIdNumber: '123', memberName: '张三' }, { memberIdNumber: idOf(m) }, { memberIdNumber: idOf(m), memberName: '', extra: 1 }]) {
        const res = await lookup('a-chutian-grad', body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
      }
    });

    it('is rate-limited per caller, so nobody can enumerate members (429, then fine a minute later)', async () => {
      const m = next('jt2101');
      const body = { memberIdNumber: UNKNOWN_ID, memberName: '某某' };
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) statuses.push((await lookup('a-hongshan', body)).status);
      expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
      const limited = await lookup('a-hongshan', { memberIdNumber: idOf(m), memberName: nameOf(m) });
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('TOO_MANY_ATTEMPTS');
      // A pull-in start is the same question and counts the same way.
      const start = await c.pullIn('a-hongshan', m, { answers: ANSWERS.unplacedHome, targetOrgId: 'hongshan-floating' });
      expect(start.status).toBe(429);
      // Someone else is not held up by it.
      expect((await lookup('a-chutian-grad', { memberIdNumber: idOf(m), memberName: nameOf(m) })).status).toBe(200);
      const now = t.clock.current;
      t.clock.current = new Date(now.getTime() + 61_000);
      expect((await lookup('a-hongshan', { memberIdNumber: idOf(m), memberName: nameOf(m) })).status).toBe(200);
      t.clock.current = now;
    });
  });

  describe('pulling in (POST /transfers {memberIdNumber, memberName, …})', () => {
    it('a new school pulls an admitted student in; the student follows it to the new class', async () => {
      const m = next('jt2101');
      const res = await c.pullIn('a-chutian-grad', m, { answers: ANSWERS.furtherStudy, targetOrgId: 'chutian-grad' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ memberId: m, target: 'admitted-school-org', targetOrgId: 'chutian-grad', startedBy: { id: 'a-chutian-grad', party: 'receiving-admin' } });
      expect(res.body.application.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
      const seen = await c.get(m, `/transfers/${res.body.id}`);
      expect(seen.body.startedBy).toMatchObject({ id: 'a-chutian-grad', party: 'receiving-admin' });
      await c.act('a-jianghan', res.body.id, 'approve');
      await c.act('a-chutian-grad', res.body.id, 'approve');
      expect((await c.act('a-chutian-grad', res.body.id, 'assign', { branchId: 'chutian-grad-2026' })).body.status).toBe('completed');
      expect(await c.placeOf(m)).toEqual({ orgId: 'chutian-grad-2026', place: 'branch' });
    });

    it('a wrong name or a wrong ID number: the same 404, and nothing started', async () => {
      const m = next('jt2101');
      const body = { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' };
      const wrongName = await c.start('a-dongfeng', { ...body, memberIdNumber: idOf(m), memberName: '王五' });
      const wrongId = await c.start('a-dongfeng', { ...body, memberIdNumber: UNKNOWN_ID, memberName: nameOf(m) });
      expect(wrongName.status).toBe(404);
      expect(wrongId.body).toEqual(wrongName.body);
      expect((await c.get(m, `/members/${m}/transfers`)).body).toEqual([]);
    });

    it('already open: 409 without saying whose', async () => {
      const m = next('jt2101');
      await c.start('a-jianghan', { memberId: m, answers: ANSWERS.military });
      const res = await c.pullIn('a-dongfeng', m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('TRANSFER_IN_PROGRESS');
      expect(res.body.message).not.toContain('罗老师');
      expect(res.body.openTransfer).toBeUndefined();
    });

    it('not a fitting target: 422; outside the caller’s own subtree: the same 404 as a wrong name', async () => {
      const m = next('jt2101');
      const unfit = await c.pullIn('a-dongfeng', m, { answers: ANSWERS.furtherStudy, targetOrgId: 'dongfeng' });
      expect(unfit.status).toBe(422);
      expect(unfit.body.code).toBe('TARGET_NOT_ALLOWED');
      const elsewhere = await c.pullIn('a-dongfeng', m, { answers: ANSWERS.furtherStudy, targetOrgId: 'chutian-grad' });
      expect(elsewhere.status).toBe(404);
      expect(elsewhere.body.code).toBe('MEMBER_NOT_FOUND');
      const noTarget = await c.pullIn('a-dongfeng', m, { answers: ANSWERS.employedWithOrg });
      expect(noTarget.status).toBe(404);
    });

    it('names the member one way only, and both facts together (400 otherwise)', async () => {
      const m = next('jt2101');
      for (const body of [
        { memberId: m, memberIdNumber: idOf(m), memberName: nameOf(m), answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' },
        { memberIdNumber: idOf(m), answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' },
        { memberName: nameOf(m), answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' },
        { memberIdNumber: 'x'.repeat(18), memberName: nameOf(m), answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' },
      ]) {
        const res = await c.start('a-dongfeng', body);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      }
    });
  });

  describe('a pull-in nobody on the outgoing side approved (security review M3)', () => {
    const reset = async (who: string, memberId: string) => t.request('POST', `/members/${memberId}/reset-password`, { token: await c.tok(who) });
    /** A branch secretary pulls a stranger into his own class as further study; the old school is silent, the sweep approves. */
    const pulledInUnattended = async (outgoingApproves: boolean) => {
      const m = next('jt2101');
      const started = await c.pullIn('a-cs2201-secretary', m, { answers: ANSWERS.furtherStudy, targetOrgId: 'chutian-cs-2201' });
      expect(started.status).toBe(201);
      const now = t.clock.current;
      try {
        if (outgoingApproves) await c.act('a-jianghan', started.body.id, 'approve');
        t.clock.advanceDays(16);
        await runSweep(t.app.get(Database), t.clock.current);
        t.clock.advanceDays(16);
        await runSweep(t.app.get(Database), t.clock.current);
      } finally {
        t.clock.current = now;
      }
      expect(await c.placeOf(m)).toEqual({ orgId: 'chutian-cs-2201', place: 'branch' });
      return m;
    };

    it('does not hand the one who pulled the member in their password: the admin above resets it', async () => {
      const m = await pulledInUnattended(false);
      const refused = await reset('a-cs2201-secretary', m);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({ code: 'RESET_BY_SUPERIOR', message: expect.stringContaining('上级团组织管理员') });
      // Nothing changed: the member's own password still works.
      expect((await c.get(m, '/me')).status).toBe(200);
      // 忘记密码 sends the member to whoever can reset it: not the secretary who pulled them in.
      const help = await t.request('POST', '/auth/forgot-password', { body: { idNumber: idOf(m), name: nameOf(m) }, remoteAddress: '10.9.9.9' });
      expect(help.body.contacts.map((x: { orgName: string }) => x.orgName)).toEqual(['楚天大学计算机学院团委']);
      expect((await reset('a-chutian-cs', m)).status).toBe(204);
    });

    it('holds after the puller moves the member on inside their own org, and for an admin they appointed', async () => {
      const m = next('jt2101');
      expect((await c.pullIn('a-dongfeng', m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng-rd' })).status).toBe(201);
      const now = t.clock.current;
      try {
        for (let i = 0; i < 2; i++) {
          t.clock.advanceDays(16);
          await runSweep(t.app.get(Database), t.clock.current);
        }
      } finally {
        t.clock.current = now;
      }
      expect(await c.placeOf(m)).toEqual({ orgId: 'dongfeng-rd', place: 'branch' });
      expect((await reset('a-dongfeng', m)).status).toBe(403);
      // An in-house move the puller starts and approves on both sides does not clear it.
      const moved = await c.start('a-dongfeng', { memberId: m, answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng-mfg' });
      expect(moved.status).toBe(201);
      await c.act('a-dongfeng', moved.body.id, 'approve');
      await c.act('a-dongfeng', moved.body.id, 'approve');
      expect(await c.placeOf(m)).toEqual({ orgId: 'dongfeng-mfg', place: 'branch' });
      expect((await reset('a-dongfeng', m)).status).toBe(403);
      // Nor may the puller make the ID number theirs by import: it would be the password at the next reset.
      const [{ phone }] = await rows<{ phone: string }>(t, 'SELECT phone FROM people WHERE id = ?', [m]);
      const member = { id: m, name: nameOf(m), idNumber: makeIdNumber('420111', '19990101', '555'), phone, orgId: 'dongfeng-mfg' };
      const rewrite = await t.request('POST', '/admin/import', { token: await c.tok('a-dongfeng'), body: { orgs: [], admins: [], members: [member] } });
      expect(rewrite).toMatchObject({ status: 422, body: { problems: [expect.objectContaining({ field: 'idNumber', message: expect.stringContaining('联系上级组织') })] } });
      expect((await c.get(m, '/me')).body.idNumberMasked.slice(-4)).toBe(idOf(m).slice(-4));
      // The admin above can do both.
      expect((await reset('a-wuhan-admin', m)).status).toBe(204);
    });

    it('once the old school approved the move, the new branch secretary resets as for anyone in the branch', async () => {
      const m = await pulledInUnattended(true);
      expect((await reset('a-cs2201-secretary', m)).status).toBe(204);
    });
  });

  describe('changing an application (PATCH /transfers/:id)', () => {
    // UX walk: the graduate's own mobile was accepted as their emergency contact — nobody to call when they cannot be reached.
    it('the emergency contact is someone else: the member’s own mobile is refused, at the start and on a change', async () => {
      const m = next('cs2201');
      const own = TRANSFER_DATA.members.find((x) => x.id === m)!.phone;
      const body = (phone: string) => ({ answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng', emergencyContact: { name: '母亲', phone } });
      const refused = { status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'emergencyContact.phone', message: expect.stringContaining('本人') }] } };
      expect(await c.start(m, body(own))).toMatchObject(refused);
      const started = await c.start(m, body('13900005555'));
      expect(started.status).toBe(201);
      expect(await patch(m, started.body.id, { emergencyContact: { name: '母亲', phone: own } })).toMatchObject(refused);
      // Nor by an admin starting for them.
      const other = next('cs2201');
      const forOther = await t.request('POST', '/transfers', { token: await c.tok('a-cs2201-secretary'), body: { ...body(TRANSFER_DATA.members.find((x) => x.id === other)!.phone), memberId: other } });
      expect(forOther).toMatchObject(refused);
    });

    it('the member changes receiver, remarks and emergency contact; one event says what changed; status and clock stay', async () => {
      const m = next('cs2201');
      const started = (await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng', emergencyContact: { name: '母亲', phone: '13900001111' } })).body;
      t.clock.advanceDays(2);
      const res = await patch(m, started.id, { targetOrgId: 'dongfeng-rd', remarks: '改到研发中心', emergencyContact: { name: '父亲', phone: '13900002222' } });
      t.clock.advanceDays(-2);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'pending-outgoing', targetOrgId: 'dongfeng-rd', targetOrgName: '研发中心团支部', receiverIsBranch: true,
        remarks: '改到研发中心', stageDeadline: started.stageDeadline, createdAt: started.createdAt,
        application: { receiver: '研发中心团支部', remarks: '改到研发中心', emergencyContact: { name: '父亲', phone: '13900002222' }, submittedAt: started.createdAt },
        allowedActions: ['withdraw', 'modify'],
      });
      const history = await events(m, started.id);
      expect(history.map((e) => e.action)).toEqual(['submit', 'modify']);
      expect(history[1]).toMatchObject({ actorId: m, comment: '修改了申请：接收组织（东风智造集团有限公司团委 → 研发中心团支部）；备注；紧急联系人' });
      // Nothing changed: nothing written.
      const again = await patch(m, started.id, { remarks: '改到研发中心' });
      expect(again.status).toBe(200);
      expect(await events(m, started.id)).toHaveLength(2);
      // The mini program's route (wx.request has no PATCH) is the same change.
      const byPost = await t.request('POST', `/transfers/${started.id}/modify`, { token: await c.tok(m), body: { remarks: '研发中心，七月入职' } });
      expect(byPost.status).toBe(200);
      expect((await events(m, started.id)).map((e) => e.action)).toEqual(['submit', 'modify', 'modify']);
    });

    it('changes the answers too, with the same checks as a start', async () => {
      const m = next('cs2201');
      const id = (await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).body.id;
      const unfit = await patch(m, id, { answers: ANSWERS.employedNoOrg });
      expect(unfit.status).toBe(422);
      expect(unfit.body.code).toBe('TARGET_NOT_ALLOWED');
      const cross = await patch(m, id, { answers: { ...ANSWERS.employedWithOrg, receiverRegion: 'beijing' }, targetOrgName: '北京星河科技有限公司团委' });
      expect(cross.status).toBe(403);
      expect(cross.body.code).toBe('CROSS_SYSTEM_OUTGOING_ONLY');
      const otherKind = await patch(m, id, { answers: ANSWERS.military });
      expect(otherKind.status).toBe(409);
      expect(otherKind.body.code).toBe('MODIFY_NOT_ALLOWED');
      const ok = await patch(m, id, { answers: ANSWERS.employedNoOrg, targetOrgId: 'guanshan-transition' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ target: 'township-org', targetOrgId: 'guanshan-transition', answers: ANSWERS.employedNoOrg });
      const history = await events(m, id);
      expect(history.map((e) => e.action)).toEqual(['submit', 'modify']);
      expect(history[1].comment).toContain('问卷回答');
      expect(history[1].comment).toContain('接收组织（东风智造集团有限公司团委 → 学社衔接临时团支部）');
      expect((await patch(m, id, { status: 'completed' })).status).toBe(400);
      expect((await patch(m, id, { remarks: '长'.repeat(101) })).status).toBe(400);
    });

    it('still possible while the receiver has not acted; 409 MODIFY_NOT_ALLOWED once it has', async () => {
      const m = next('cs2201');
      const id = (await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).body.id;
      await c.act('a-cs2201-secretary', id, 'approve');
      const waiting = await patch(m, id, { remarks: '已与单位联系' });
      expect(waiting.status).toBe(200);
      expect(waiting.body.status).toBe('pending-incoming');
      await c.act('a-dongfeng', id, 'approve');
      const after = await patch(m, id, { remarks: '再改一次' });
      expect(after.status).toBe(409);
      expect(after.body.code).toBe('MODIFY_NOT_ALLOWED');
      expect((await c.get(m, `/transfers/${id}`)).body).toMatchObject({ status: 'pending-assignment', remarks: '已与单位联系', allowedActions: [] });
    });

    it('never cross-system; never by someone who neither started it nor is its member', async () => {
      const m = next('cs2202');
      const cross = (await c.start('a-chutian-cs', { memberId: m, answers: { ...ANSWERS.employedWithOrg, receiverRegion: 'fujian' }, targetOrgName: '福建某某集团团委' })).body.id;
      expect((await patch('a-chutian-cs', cross, { remarks: '改' })).body.code).toBe('MODIFY_NOT_ALLOWED');
      const own = next('cs2202');
      const id = (await c.start(own, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).body.id;
      const admin = await patch('a-chutian-cs', id, { remarks: '改' });
      expect({ status: admin.status, code: admin.body.code }).toEqual({ status: 403, code: 'NOT_YOUR_STEP' });
      for (const who of ['a-chutian-ee', 'a-dongfeng', next('cs2202')]) {
        expect({ who, status: (await patch(who, id, { remarks: '改' })).status }).toEqual({ who, status: 404 });
      }
    });

    it('a receiving admin who pulled a member in may change it, but only to an org of their own', async () => {
      const m = next('ee2201');
      const id = (await c.pullIn('a-dongfeng', m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).body.id;
      const outside = await patch('a-dongfeng', id, { answers: ANSWERS.employedNoOrg, targetOrgId: 'guanshan-transition' });
      expect(outside.status).toBe(403);
      expect(outside.body.code).toBe('START_NOT_ALLOWED');
      const own = await patch('a-dongfeng', id, { targetOrgId: 'dongfeng-mfg' });
      expect(own.status).toBe(200);
      expect(own.body.targetOrgId).toBe('dongfeng-mfg');
      expect(own.body.application.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    });

    it('once the member sends it elsewhere, the admin who pulled them in is no longer a party to it (security review)', async () => {
      const m = next('ee2201');
      const id = (await c.pullIn('a-dongfeng', m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).body.id;
      const redirected = await patch(m, id, { answers: ANSWERS.unplacedHome, targetOrgId: 'guanshan-transition', remarks: '私人备注' });
      expect(redirected.status).toBe(200);
      // The application now holds the member's home address for the township: the employer sees none of it.
      expect((await c.get('a-dongfeng', `/transfers/${id}`)).status).toBe(404);
      expect((await c.act('a-dongfeng', id, 'withdraw')).status).toBe(404);
      expect((await c.get('a-dongfeng', `/members/${m}/transfers`)).body).not.toEqual(expect.arrayContaining([expect.objectContaining({ id })]));
      expect((await c.get(m, `/transfers/${id}`)).body.status).toBe('pending-outgoing');
    });
  });

  describe('central units in Beijing (province central)', () => {
    it('are an ordinary in-system transfer, received by their own admin', async () => {
      const m = next('cs2202');
      const res = await c.start(m, { answers: { ...ANSWERS.employedWithOrg, receiverRegion: 'other' }, targetOrgId: 'zhongyang-jiguan' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ crossSystem: false, receiverProvince: 'central', targetOrgName: '中央和国家机关团工委' });
      await c.act('a-chutian-cs', res.body.id, 'approve');
      const central = await t.login('110102198703035083');
      const box = await t.request('GET', '/transfers?box=incoming', { token: central });
      expect(box.body.items.map((i: { id: string }) => i.id)).toEqual([res.body.id]);
      await t.request('POST', `/transfers/${res.body.id}/approve`, { token: central, body: {} });
      const done = await t.request('POST', `/transfers/${res.body.id}/assign`, { token: central, body: { branchId: 'zhongyang-jiguan-1' } });
      expect(done.body.status).toBe('completed');
      expect(await c.placeOf(m)).toEqual({ orgId: 'zhongyang-jiguan-1', place: 'branch' });
    });

    it('saying “Beijing” for one is refused: only Beijing’s own orgs are cross-system', async () => {
      const res = await c.start('a-chutian-cs', { memberId: next('cs2202'), answers: { ...ANSWERS.employedWithOrg, receiverRegion: 'beijing' }, targetOrgId: 'zhongyang-jiguan' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('TARGET_NOT_ALLOWED');
    });
  });
});
