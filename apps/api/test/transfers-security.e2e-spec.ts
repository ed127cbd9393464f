import { makeIdNumber } from '@xianjie/rules';
import { testDatabases } from './databases';
import { useTestApp } from './use-test-app';
import { ANSWERS, client, idOf, members, rows, TRANSFER_DATA } from './transfers-fixture';

/**
 * Issue #10 items 3, 4 and 7, as an outsider would probe them: who may start a transfer for
 * whom, what a receiving admin sees before the transfer reaches them, and self-approval.
 */

// A branch secretary who is also a graduate of the branch he runs (item 7).
const SECRETARY = {
  id: 's-cs2202-secretary', name: '赵支书', idNumber: makeIdNumber('420111', '20030707', '771'), phone: '13927107771', orgId: 'chutian-cs-2202',
};
const DATA = {
  ...TRANSFER_DATA,
  members: [...TRANSFER_DATA.members, { ...SECRETARY, graduationYear: 2026 }],
  admins: [...TRANSFER_DATA.admins, { ...SECRETARY, role: 'org-admin' }],
};
const FULL_PHONE = /^1[3-9]\d{9}$/;
const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/;
// A mobile standing on its own in a JSON text. Not part of a longer run of letters and digits:
// a UUID's last group (12 hex characters) can hold eleven digits, and did in one CI run.
const PHONE_IN_TEXT = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;
const nameOf = (id: string) => [...DATA.members, ...DATA.admins].find((p) => p.id === id)!.name;

describe.each(testDatabases().map((d) => [d.name, d] as const))('transfer security on %s', (_name, db) => {
  const t = useTestApp(db, { seed: DATA });
  const c = client(t);
  const next = members();

  const pullIn = (who: string, member: string, extra: Record<string, unknown> = {}) =>
    c.start(who, { memberIdNumber: idOf(member), memberName: nameOf(member), answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng', ...extra });

  describe('item 3: starting a transfer for someone else’s member', () => {
    it('an org-admin outside the member’s outgoing subtree cannot start by memberId, and the member is not blocked', async () => {
      const m = next('cs2201');
      for (const who of ['a-dongfeng', 'a-guanshan', 'a-jianghan', 'a-chutian-grad']) {
        const target = who === 'a-guanshan' ? 'guanshan-transition' : who === 'a-chutian-grad' ? 'chutian-grad' : 'dongfeng';
        const answers = who === 'a-guanshan' ? ANSWERS.employedNoOrg : who === 'a-chutian-grad' ? ANSWERS.furtherStudy : ANSWERS.employedWithOrg;
        const res = await c.start(who, { memberId: m, answers, targetOrgId: target });
        expect({ who, status: res.status, code: res.body.code }).toEqual({ who, status: 404, code: 'MEMBER_NOT_FOUND' });
      }
      expect((await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).status).toBe(201);
    });

    it('a stranger cannot tell an existing member from a made-up id: the same 404, whatever the answers', async () => {
      const real = next('cs2201');
      const bodies = [];
      for (const memberId of [real, 'no-such-member']) {
        for (const answers of [ANSWERS.employedWithOrg, { ...ANSWERS.employedWithOrg, receiverRegion: 'beijing' }, ANSWERS.military, { destination: 'nonsense' }]) {
          const res = await c.start('a-dongfeng', { memberId, answers, targetOrgId: 'dongfeng' });
          bodies.push({ status: res.status, body: res.body });
        }
      }
      const known = bodies.filter((b) => b.status === 404);
      expect(known.length).toBe(6);
      for (const b of known) expect(b.body).toEqual(known[0].body);
      // Bad answers are refused by validation before anyone is looked up, alike for both.
      expect(bodies.filter((b) => b.status === 400)).toHaveLength(2);
    });

    it('a pull-in names the member by ID number and name; the response masks the phones', async () => {
      const m = next('ee2201');
      const res = await pullIn('a-dongfeng', m, { emergencyContact: { name: '母亲', phone: '13900003333' } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ memberId: m, startedBy: { id: 'a-dongfeng', party: 'receiving-admin' } });
      expect(res.body.application.phone).toMatch(MASKED_PHONE);
      expect(res.body.application.emergencyContact.phone).toMatch(MASKED_PHONE);
      expect(JSON.stringify(res.body)).not.toContain(DATA.members.find((x) => x.id === m)!.phone);
      // The member, of course, sees their own number in full.
      expect((await c.get(m, `/transfers/${res.body.id}`)).body.application.phone).toMatch(FULL_PHONE);
    });

    it('a wrong name, a wrong ID number or both: one and the same 404', async () => {
      const m = next('ee2201');
      const replies = [
        await c.start('a-dongfeng', { memberIdNumber: idOf(m), memberName: '不是这个人', answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' }),
        await c.start('a-dongfeng', { memberIdNumber: makeIdNumber('420111', '19990101', '999'), memberName: nameOf(m), answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' }),
        await c.start('a-dongfeng', { memberIdNumber: makeIdNumber('420111', '19990101', '999'), memberName: '不是这个人', answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' }),
      ];
      for (const r of replies) expect({ status: r.status, body: r.body }).toEqual({ status: 404, body: replies[0].body });
      expect(replies[0].body.code).toBe('MEMBER_NOT_FOUND');
    });

    it('a 409 for someone else’s open transfer names its starter only to a party to it', async () => {
      const m = next('ee2201');
      expect((await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).status).toBe(201);
      const outsider = await pullIn('a-dongfeng', m, { targetOrgId: 'dongfeng-rd' });
      expect(outsider.status).toBe(409);
      expect(outsider.body.code).toBe('TRANSFER_IN_PROGRESS');
      expect(outsider.body.message).toContain('已有业务正在办理');
      expect(outsider.body.message).not.toContain(nameOf(m));
      expect(outsider.body.openTransfer).toBeUndefined();
      for (const party of [m, 'a-chutian-ee']) {
        const res = party === m
          ? await c.start(m, { answers: ANSWERS.military })
          : await c.start(party, { memberId: m, answers: ANSWERS.military });
        expect(res.status).toBe(409);
        expect(res.body.message).toContain(nameOf(m));
        expect(res.body.openTransfer.startedBy).toMatchObject({ id: m, party: 'member' });
      }
    });
  });

  describe('item 4: what the receiving side sees', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const body = { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng', emergencyContact: { name: '父亲', phone: '13900004444' } };
      const start = async () => (await c.start(next('cs2202'), body)).body;
      const waiting = await start();
      ids.waiting = waiting.id;
      const withdrawn = await start();
      await c.act(withdrawn.memberId, withdrawn.id, 'withdraw');
      ids.withdrawn = withdrawn.id;
      const collegeRejected = await start();
      await c.act('a-chutian-cs', collegeRejected.id, 'reject', { reason: '信息有误，学院驳回' });
      ids.collegeRejected = collegeRejected.id;
      const reached = await start();
      await c.act('a-chutian-cs', reached.id, 'approve');
      ids.reached = reached.id;
      const withdrawnAfter = await start();
      await c.act('a-chutian-cs', withdrawnAfter.id, 'approve');
      await c.act(withdrawnAfter.memberId, withdrawnAfter.id, 'withdraw');
      ids.withdrawnAfter = withdrawnAfter.id;
      const receiverRejected = await start();
      await c.act('a-chutian-cs', receiverRejected.id, 'approve');
      await c.act('a-dongfeng', receiverRejected.id, 'reject', { reason: '岗位已满' });
      ids.receiverRejected = receiverRejected.id;
    });

    it('box=incoming holds only what reached the receiver or what it decided', async () => {
      const res = await c.get('a-dongfeng', '/transfers?box=incoming&limit=200');
      expect(res.status).toBe(200);
      const listed = res.body.items.map((i: { id: string }) => i.id);
      for (const k of ['reached', 'withdrawnAfter', 'receiverRejected']) expect({ k, listed: listed.includes(ids[k]) }).toEqual({ k, listed: true });
      for (const k of ['waiting', 'withdrawn', 'collegeRejected']) expect({ k, listed: listed.includes(ids[k]) }).toEqual({ k, listed: false });
      expect(res.body.counts['pending-outgoing']).toBe(0);
      expect(JSON.stringify(res.body)).not.toContain('学院驳回');
      for (const status of ['pending-outgoing', 'rejected', 'withdrawn']) {
        const filtered = await c.get('a-dongfeng', `/transfers?box=incoming&status=${status}`);
        const got = filtered.body.items.map((i: { id: string }) => i.id);
        expect(got).not.toContain(ids.waiting);
        expect(got).not.toContain(ids.withdrawn);
        expect(got).not.toContain(ids.collegeRejected);
      }
    });

    it('state=pending is the receiver’s own work (to accept or to assign), state=done what it has finished', async () => {
      const ids_ = async (q: string) => (await c.get('a-dongfeng', `/transfers?box=incoming&limit=200&${q}`)).body.items.map((i: { id: string; status: string }) => i);
      const pending = await ids_('state=pending');
      expect(pending.map((i: { id: string }) => i.id)).toContain(ids.reached);
      expect(pending.every((i: { status: string }) => i.status === 'pending-incoming' || i.status === 'pending-assignment')).toBe(true);
      const done = await ids_('state=done');
      expect(done.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([ids.withdrawnAfter, ids.receiverRejected]));
      expect(done.map((i: { id: string }) => i.id)).not.toContain(ids.reached);
      for (const k of ['waiting', 'withdrawn', 'collegeRejected']) expect([...pending, ...done].map((i: { id: string }) => i.id)).not.toContain(ids[k]);
      // The college's pending work is its own step only.
      const college = (await c.get('a-chutian-cs', '/transfers?box=outgoing&limit=200&state=pending')).body.items;
      expect(college.map((i: { id: string }) => i.id)).toContain(ids.waiting);
      expect(college.every((i: { status: string }) => i.status === 'pending-outgoing')).toBe(true);
      expect((await c.get('a-dongfeng', '/transfers?box=incoming&state=later')).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('GET /transfers/:id follows the same rule for the receiving party, and masks the member’s phones', async () => {
      for (const k of ['waiting', 'withdrawn', 'collegeRejected']) {
        const res = await c.get('a-dongfeng', `/transfers/${ids[k]}`);
        expect({ k, status: res.status, code: res.body.code }).toEqual({ k, status: 404, code: 'TRANSFER_NOT_FOUND' });
      }
      const res = await c.get('a-dongfeng', `/transfers/${ids.reached}`);
      expect(res.status).toBe(200);
      expect(res.body.allowedActions).toEqual(['approve', 'reject']);
      expect(res.body.application.phone).toMatch(MASKED_PHONE);
      expect(res.body.application.emergencyContact.phone).toMatch(MASKED_PHONE);
      // The outgoing side keeps seeing all of it.
      const college = await c.get('a-chutian-cs', `/transfers/${ids.reached}`);
      expect(college.body.application.phone).toMatch(FULL_PHONE);
      expect(college.body.application.emergencyContact.phone).toBe('13900004444');
      expect((await c.get('a-chutian-cs', `/transfers/${ids.collegeRejected}`)).status).toBe(200);
    });

    it('the member’s history shows the receiving side only what reached it', async () => {
      const rejected = await c.get('a-chutian-cs', `/transfers/${ids.collegeRejected}`);
      const res = await c.get('a-dongfeng', `/members/${rejected.body.memberId}/transfers`);
      expect(res.status).toBe(404);
    });
  });

  describe('an outside review (session 10): members who left, deleted branches, a receiver changed after approval', () => {
    it('a member whose membership left for another system or the special-unit library cannot be started again, by the school or themself', async () => {
      const away = next('cs2201');
      const cross = await c.start('a-chutian-cs', { memberId: away, answers: { ...ANSWERS.employedWithOrg, receiverRegion: 'beijing' }, targetOrgName: '北京某某科技有限公司团委' });
      expect((await c.act('a-chutian-cs', cross.body.id, 'approve')).body.status).toBe('completed');
      const library = next('cs2201');
      const military = await c.start(library, { answers: ANSWERS.military });
      await c.act('a-chutian-cs', military.body.id, 'approve');
      expect((await c.act('a-hubei-reviewer', military.body.id, 'approve')).body.status).toBe('completed');
      expect([await c.placeOf(away), await c.placeOf(library)].map((p) => p.place)).toEqual(['other-system', 'special-unit-library']);

      for (const [who, memberId] of [['a-chutian-cs', away], ['a-cs2201-secretary', library], [away, undefined], [library, undefined]] as const) {
        const res = await c.start(who, { ...(memberId ? { memberId } : {}), answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
        expect({ who, status: res.status, code: res.body.code }).toEqual({ who, status: 403, code: 'START_NOT_ALLOWED' });
        expect(res.body.message).toMatch(/北京、广东或福建|特殊单位专属库/);
      }
      expect(await rows(t, 'SELECT id FROM transfers WHERE member_id IN (?, ?)', [away, library])).toHaveLength(2);
      // Someone outside the school still learns nothing: the same 404 as for anyone not theirs.
      expect((await c.start('a-dongfeng', { memberId: away, answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).status).toBe(404);
    });

    it('a deleted branch is neither a receiver nor a branch to place someone in', async () => {
      await rows(t, 'UPDATE orgs SET deleted_at = ? WHERE id = ?', ['2026-07-01T00:00:00.000Z', 'dongfeng-rd']);
      try {
        const m = next('cs2201');
        const named = await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng-rd' });
        expect({ status: named.status, code: named.body.code, message: named.body.message }).toEqual({ status: 422, code: 'TARGET_NOT_ALLOWED', message: expect.stringContaining('所选的接收组织不存在') });
        const started = await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
        await c.act('a-chutian-cs', started.body.id, 'approve');
        expect((await c.act('a-dongfeng', started.body.id, 'approve')).body.status).toBe('pending-assignment');
        const assigned = await c.act('a-dongfeng', started.body.id, 'assign', { branchId: 'dongfeng-rd' });
        expect({ status: assigned.status, code: assigned.body.code }).toEqual({ status: 422, code: 'TARGET_NOT_ALLOWED' });
        expect((await c.act('a-dongfeng', started.body.id, 'assign', { branchId: 'dongfeng-mfg' })).body.status).toBe('completed');
      } finally {
        await rows(t, 'UPDATE orgs SET deleted_at = NULL WHERE id = ?', ['dongfeng-rd']);
      }
    });

    it('once the outgoing org has approved, the applicant may still change the remarks, but not the receiver or the destination', async () => {
      const m = next('cs2201');
      const started = await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
      const patch = async (body: unknown) => t.request('PATCH', `/transfers/${started.body.id}`, { token: await c.tok(m), body });
      // Before the approval a new receiver is the applicant's to choose.
      expect((await patch({ targetOrgId: 'zhongyang-jiguan' })).body.targetOrgId).toBe('zhongyang-jiguan');
      expect((await patch({ targetOrgId: 'dongfeng' })).body.targetOrgId).toBe('dongfeng');
      expect((await c.act('a-chutian-cs', started.body.id, 'approve')).body.status).toBe('pending-incoming');
      for (const body of [{ targetOrgId: 'zhongyang-jiguan' }, { answers: ANSWERS.employedNoOrg, targetOrgId: 'guanshan-transition' }]) {
        const res = await patch(body);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'MODIFY_NOT_ALLOWED' });
        expect(res.body.message).toContain('撤回');
      }
      const remarks = await patch({ remarks: '入职时间 8 月 1 日' });
      expect(remarks.body).toMatchObject({ status: 'pending-incoming', targetOrgId: 'dongfeng', remarks: '入职时间 8 月 1 日' });
    });
  });

  describe('item 7: nobody approves a transfer of which they are the member', () => {
    it('a branch secretary who is a graduate of his branch starts his own, and cannot approve or reject it', async () => {
      const token = await t.login(SECRETARY.idNumber);
      const started = await t.request('POST', '/transfers', { token, body: { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' } });
      expect(started.status).toBe(201);
      expect(started.body.startedBy.party).toBe('member');
      expect(started.body.allowedActions).toEqual(['withdraw', 'modify']);
      for (const step of ['approve', 'reject'] as const) {
        const res = await t.request('POST', `/transfers/${started.body.id}/${step}`, { token, body: step === 'reject' ? { reason: '自己驳回' } : {} });
        expect({ step, status: res.status, code: res.body.code }).toEqual({ step, status: 403, code: 'NOT_YOUR_STEP' });
      }
      expect((await t.request('GET', `/transfers/${started.body.id}`, { token })).body.status).toBe('pending-outgoing');
      // Someone else over the branch still can.
      expect((await c.act('a-chutian-cs', started.body.id, 'approve')).body.status).toBe('pending-incoming');
    });

    it('nor does he approve it from his outgoing inbox, where it still shows', async () => {
      const res = await t.request('GET', '/transfers?box=outgoing', { token: await t.login(SECRETARY.idNumber) });
      const own = res.body.items.find((i: { memberId: string }) => i.memberId === SECRETARY.id);
      expect(own).toBeDefined();
      expect(own.allowedActions).not.toContain('approve');
    });

    it('inbox lists carry no full mobile of anyone: not the member, not the admins printed on the form', async () => {
      const res = await t.request('GET', '/transfers?box=outgoing', { token: await t.login('420102198802025027') });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(JSON.stringify(res.body.items)).not.toMatch(PHONE_IN_TEXT);
      expect(res.body.items.some((i: { application: { outgoingAdmin: unknown } }) => i.application.outgoingAdmin)).toBe(true);
    });
  });
});
