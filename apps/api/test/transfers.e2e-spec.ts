import { testDatabases } from './databases';
import { useTestApp } from './use-test-app';
import { ANSWERS, client, members, rows, TRANSFER_DATA } from './transfers-fixture';

/** POST /transfers: who may start what, and every way a start is refused. */
describe.each(testDatabases().map((d) => [d.name, d] as const))('starting a transfer on %s', (_name, db) => {
  const t = useTestApp(db, { seed: TRANSFER_DATA });
  const c = client(t);
  const next = members();

  describe('by the member', () => {
    it('answers 201 with the application snapshot, the first event and the member’s buttons', async () => {
      const m = next('cs2201');
      const res = await c.start(m, {
        answers: ANSWERS.employedWithOrg,
        targetOrgId: 'dongfeng',
        remarks: '七月中旬入职',
        emergencyContact: { name: '家长', phone: '13900001111' },
      });
      expect(res.status).toBe(201);
      const body = res.body;
      expect(body).toMatchObject({
        memberId: m,
        status: 'pending-outgoing',
        path: 'standard',
        target: 'employer-org',
        targetOrgId: 'dongfeng',
        targetOrgName: '东风智造集团有限公司团委',
        crossSystem: false,
        receiverProvince: 'hubei',
        receiverIsBranch: false,
        startedBy: { id: m, party: 'member' },
        createdAt: '2026-07-01T02:00:00.000Z',
        stageDeadline: '2026-07-16T02:00:00.000Z',
        remarks: '七月中旬入职',
        rejectionReason: null,
        answers: ANSWERS.employedWithOrg,
        allowedActions: ['withdraw', 'modify'],
      });
      expect(body.startedBy.name).toBe(body.memberName);
      expect(body.application).toMatchObject({
        name: body.memberName,
        emergencyContact: { name: '家长', phone: '13900001111' },
        outgoingBranch: { id: 'chutian-cs-2201', name: '计算机2201班团支部' },
        outgoingAdmin: { name: '许同学', phone: '13927000003' },
        superiorPhone: '13927000002',
        separateSystemProvince: null,
        reason: '已落实工作单位（含自主创业）',
        receiver: '东风智造集团有限公司团委',
        submittedAt: '2026-07-01T02:00:00.000Z',
        remarks: '七月中旬入职',
      });
      expect(body.application.idNumberMasked).toMatch(/^420111\*{8}\d{3}[\dX]$/);
      expect(body.application.phone).toMatch(/^1382710\d{4}$/);
      expect(body.events).toEqual([
        { at: '2026-07-01T02:00:00.000Z', actorId: m, actorName: body.memberName, action: 'submit', comment: '七月中旬入职', fromStatus: null, toStatus: 'pending-outgoing' },
      ]);
      expect(body.nextSteps[0]).toContain('等待转出组织');
    });

    it('refuses a second open transfer with 409 TRANSFER_IN_PROGRESS naming who started the first', async () => {
      const m = next('cs2201');
      const first = await c.start('a-cs2201-secretary', { memberId: m, answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
      expect(first.status).toBe(201);
      const second = await c.start(m, { answers: ANSWERS.employedNoOrg, targetOrgId: 'guanshan-transition' });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('TRANSFER_IN_PROGRESS');
      expect(second.body.message).toContain('已有业务正在办理');
      expect(second.body.message).toContain('许同学');
      expect(second.body.message).toContain('2026-07-01 10:00');
      expect(second.body.openTransfer).toMatchObject({ id: first.body.id, startedBy: { id: 'a-cs2201-secretary', name: '许同学', party: 'outgoing-admin' } });
    });

    it('starts a transfer home to a township transition branch (employed, employer without an org)', async () => {
      const res = await c.start(next('cs2201'), { answers: ANSWERS.employedNoOrg, targetOrgId: 'guanshan-transition' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ target: 'township-org', receiverIsBranch: true, targetOrgName: '学社衔接临时团支部' });
    });

    // Walkthrough: a receiver saw only "计算机2201班团支部" — not which school; a township could not see the
    // 户籍 / 现居住地 it decides by ("不是本街道户籍" was a rejection reason with nothing to check it against).
    it('shows the receiver the school the member comes from, and a township the home the member reported', async () => {
      const m = next('cs2201');
      const home = { householdRegistration: '湖北省武汉市洪山区关山街道', residence: '武汉市洪山区关山大道 1 号' };
      const report = async (body: Record<string, unknown>) =>
        expect((await t.request('PUT', '/me/destination', { token: await c.tok(m), body: { destination: 'employed', organisationName: '关山小店', ...body } })).status).toBe(200);
      await report(home);
      const started = await c.start(m, { answers: ANSWERS.employedNoOrg, targetOrgId: 'guanshan-transition' });
      expect(started.status).toBe(201);
      expect(started.body.application.outgoingOrgPath).toEqual(['楚天大学团委', '楚天大学计算机学院团委', '计算机2201班团支部']);
      expect(started.body.application.reportedHome).toEqual(home);
      expect((await c.act('a-chutian-cs', started.body.id, 'approve')).status).toBe(200);

      const township = await c.get('a-guanshan', `/transfers/${started.body.id}`);
      expect(township.status).toBe(200);
      expect(township.body.application.reportedHome).toEqual(home);
      expect(township.body.application.outgoingOrgPath[0]).toBe('楚天大学团委');
      expect((await c.get(m, `/transfers/${started.body.id}`)).body.application.reportedHome).toEqual(home);
      // Lists carry no home; nor does a transfer to an employer.
      const inbox = await c.get('a-guanshan', '/transfers?box=incoming');
      const listed = (inbox.body.items as { id: string; application: object }[]).find((x) => x.id === started.body.id);
      expect(listed).toBeDefined();
      expect(listed!.application).not.toHaveProperty('reportedHome');
      const employer = await c.start(next('cs2201'), { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
      expect(employer.body.application).not.toHaveProperty('reportedHome');

      // The township decided on what was sent: a later report does not rewrite it, nor follow the member after a refusal.
      expect((await c.act('a-guanshan', started.body.id, 'reject', { reason: '不是本街道户籍' })).status).toBe(200);
      await report({ householdRegistration: '广东省深圳市南山区', residence: '深圳市南山区某某路' });
      expect((await c.get('a-guanshan', `/transfers/${started.body.id}`)).body.application.reportedHome).toEqual(home);

      // Nothing reported: the township is told so (null), not shown an empty form.
      const silent = await c.start(next('cs2201'), { answers: ANSWERS.employedNoOrg, targetOrgId: 'guanshan-transition' });
      expect(silent.body.application.reportedHome).toBeNull();
    });

    it('starts a special-unit transfer with no org named', async () => {
      const res = await c.start(next('cs2201'), { answers: ANSWERS.military });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ path: 'special-unit', target: 'special-unit-library', targetOrgId: null, targetOrgName: null });
      expect(res.body.application.reason).toBe('转往特殊单位团组织（参军入伍）');
      expect(res.body.application.receiver).toBe('特殊单位专属库');
    });

    it('finds the school’s floating branch itself for a graduate kept at school', async () => {
      const res = await c.start(next('cs2202'), { answers: ANSWERS.unplacedRetain(2) });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ path: 'retention', target: 'school-floating-branch', targetOrgId: 'chutian-floating' });
      expect(res.body.application.reason).toBe('保留在校（暂未落实去向）');
    });

    it('takes the written application for study abroad, and refuses study abroad without it (400)', async () => {
      const m = next('cs2202');
      const without = await c.start(m, { answers: ANSWERS.studyAbroad });
      expect(without.status).toBe(400);
      expect(without.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'retention' }] });
      const retention = { where: '英国爱丁堡大学', months: 12, domesticContact: '父亲 13900002222' };
      const res = await c.start(m, { answers: ANSWERS.studyAbroad, retention });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ targetOrgId: 'chutian-abroad', application: { retention } });
    });
  });

  describe('by an admin', () => {
    it('an outgoing admin over the member’s branch starts on their behalf', async () => {
      const m = next('cs2202');
      const res = await c.start('a-chutian-cs', { memberId: m, answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng-rd' });
      expect(res.status).toBe(201);
      expect(res.body.startedBy).toMatchObject({ id: 'a-chutian-cs', name: '王老师', party: 'outgoing-admin' });
      // No secretary on 2202: the college admin is the outgoing admin, the school the superior.
      expect(res.body.application.outgoingAdmin).toEqual({ name: '王老师', phone: '13927000002' });
      expect(res.body.application.superiorPhone).toBe('13927000001');
      expect(res.body.allowedActions).toEqual(['approve', 'reject', 'withdraw', 'modify']);
    });

    it('a receiving admin pulls a member into their own org by ID number and name', async () => {
      const res = await c.pullIn('a-dongfeng', next('ee2201'), { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
      expect(res.status).toBe(201);
      expect(res.body.startedBy).toMatchObject({ id: 'a-dongfeng', party: 'receiving-admin' });
      expect(res.body.allowedActions).toEqual(['withdraw', 'modify']);
    });

    it('a receiving admin naming an org outside their subtree is no party: 404', async () => {
      for (const res of [
        await c.start('a-dongfeng', { memberId: next('ee2201'), answers: ANSWERS.employedNoOrg, targetOrgId: 'guanshan-transition' }),
        await c.pullIn('a-dongfeng', next('ee2201'), { answers: ANSWERS.employedNoOrg, targetOrgId: 'guanshan-transition' }),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('MEMBER_NOT_FOUND');
      }
      const res = await c.start('a-dongfeng', { memberId: next('ee2201'), answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('MEMBER_NOT_FOUND');
    });

    it('the library and a school’s own branches have no receiving admin to start them: 403 START_NOT_ALLOWED', async () => {
      const res = await c.pullIn('a-floating', next('cs2201'), { answers: ANSWERS.unplacedRetain(1), targetOrgId: 'chutian-floating' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('START_NOT_ALLOWED');
    });

    it('another college’s admin, a counsellor or another member cannot start for a member (404)', async () => {
      const m = next('cs2201');
      for (const who of ['a-chutian-ee', 'a-cs-counsellor', 'a-jianghan', next('cs2201')]) {
        const res = await c.start(who, { memberId: m, answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
        expect({ who, status: res.status, code: res.body.code }).toEqual({ who, status: 404, code: 'MEMBER_NOT_FOUND' });
      }
    });

    it('an unknown member id is 404, and an admin without memberId is asked for one (400)', async () => {
      expect((await c.start('a-chutian-cs', { memberId: 'nobody', answers: ANSWERS.military })).status).toBe(404);
      const res = await c.start('a-chutian-cs', { answers: ANSWERS.military });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'memberId', message: expect.any(String) }]);
    });
  });

  describe('cross-system (Beijing, Guangdong, Fujian)', () => {
    const answers = { ...ANSWERS.employedWithOrg, receiverRegion: 'beijing' };

    it('the member cannot start one: 403 CROSS_SYSTEM_OUTGOING_ONLY', async () => {
      const res = await c.start(next('cs2202'), { answers, targetOrgName: '北京星河科技有限公司团委' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('CROSS_SYSTEM_OUTGOING_ONLY');
    });

    it('a receiving admin cannot either', async () => {
      const res = await c.pullIn('a-dongfeng', next('cs2202'), { answers, targetOrgId: 'dongfeng' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('CROSS_SYSTEM_OUTGOING_ONLY');
    });

    it('the outgoing org starts it with the receiver’s full name typed, never picked', async () => {
      const m = next('cs2202');
      const picked = await c.start('a-chutian-cs', { memberId: m, answers, targetOrgId: 'beijing-xinghe' });
      expect(picked.status).toBe(422);
      expect(picked.body.code).toBe('TARGET_NOT_ALLOWED');
      const blank = await c.start('a-chutian-cs', { memberId: m, answers, targetOrgName: '  ' });
      expect(blank.status).toBe(422);
      const res = await c.start('a-chutian-cs', { memberId: m, answers, targetOrgName: ' 北京星河科技有限公司团委 ' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        crossSystem: true, targetOrgId: null, targetOrgName: '北京星河科技有限公司团委', receiverProvince: 'beijing',
        application: { separateSystemProvince: 'beijing', receiver: '北京星河科技有限公司团委' },
      });
    });

    it('an org in a separate-system province cannot be picked without saying so', async () => {
      const res = await c.start(next('cs2202'), { answers: ANSWERS.employedWithOrg, targetOrgId: 'beijing-xinghe' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('TARGET_NOT_ALLOWED');
      expect(res.body.reason).toContain('跨系统');
    });
  });

  describe('answers the server resolves itself', () => {
    it('further study before the new school’s org exists: 422 NO_TRANSFER_NEEDED with the wait explanation', async () => {
      const res = await c.start(next('ee2201'), { answers: { destination: 'further-study', admittedSchoolOrgReady: false }, targetOrgId: 'chutian-grad' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('NO_TRANSFER_NEEDED');
      expect(res.body.outcome).toBe('wait');
      expect(res.body.explanation.join('')).toContain('还没有建好新生团组织');
    });

    it('a record the school flagged as wrongly entered is never transferred, whatever the phone says', async () => {
      const res = await c.start('m-ee2201-4', { answers: { ...ANSWERS.employedWithOrg, isLeagueMember: true }, targetOrgId: 'dongfeng' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'NO_TRANSFER_NEEDED', outcome: 'delete-record' });
    });

    it('not a member / not in the system: NO_TRANSFER_NEEDED with what to do instead', async () => {
      const m = next('ee2201');
      const notMember = await c.start(m, { answers: { destination: 'employed', isLeagueMember: false } });
      expect(notMember.body).toMatchObject({ code: 'NO_TRANSFER_NEEDED', outcome: 'delete-record' });
      const notIn = await c.start(m, { answers: { destination: 'employed', inSystem: false } });
      expect(notIn.body).toMatchObject({ code: 'NO_TRANSFER_NEEDED', outcome: 'enter-then-transfer' });
    });

    it('incomplete and contradictory answers: 422 with the question to revisit', async () => {
      const m = next('ee2201');
      const incomplete = await c.start(m, { answers: { destination: 'employed' }, targetOrgId: 'dongfeng' });
      expect(incomplete.status).toBe(422);
      expect(incomplete.body).toMatchObject({ code: 'INCOMPLETE_ANSWERS', field: 'employerHasLeagueOrg' });
      // A 2025 graduate is 12 months on at July 2026, whatever months the phone sends.
      await rows(t, 'UPDATE memberships SET graduation_year = ? WHERE person_id = ?', [2025, m]);
      const contradictory = await c.start(m, { answers: ANSWERS.unplacedRetain(0) });
      expect(contradictory.status).toBe(422);
      expect(contradictory.body).toMatchObject({ code: 'CONTRADICTORY_ANSWERS', field: 'unplacedPlan' });
    });
  });

  describe('422 TARGET_NOT_ALLOWED when the org does not fit the resolution', () => {
    const cases: [string, Record<string, unknown>, string | undefined, string][] = [
      ['employer has an org, township picked', ANSWERS.employedWithOrg, 'guanshan', '乡镇'],
      ['employer has no org, employer org picked', ANSWERS.employedNoOrg, 'dongfeng', '乡镇'],
      ['further study, home township picked', ANSWERS.furtherStudy, 'guanshan-transition', '升学'],
      ['a leading organ picked', ANSWERS.employedNoOrg, 'hongshan', '领导机关'],
      ['no org picked', ANSWERS.employedWithOrg, undefined, '请选择接收组织'],
      ['an org that does not exist', ANSWERS.employedWithOrg, 'no-such-org', '不存在'],
      ['special unit with an org named', ANSWERS.military, 'dongfeng', '不需要选择'],
      ['kept at school, another school’s branch', ANSWERS.unplacedRetain(1), 'hongshan-floating', '流动团员团支部'],
      ['rejoined class at another school', ANSWERS.suspended, 'jianghan-tech-cs-2101', '本校'],
      ['rejoined class is the member’s own branch', ANSWERS.suspended, 'chutian-ee-2201', '已经在'],
    ];
    it.each(cases)('%s', async (_case, answers, targetOrgId, reason) => {
      const res = await c.start(next('ee2201'), { answers, ...(targetOrgId ? { targetOrgId } : {}) });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('TARGET_NOT_ALLOWED');
      expect(res.body.reason).toContain(reason);
      expect(res.body.message).toContain(res.body.reason);
    });

    it('a school without a floating branch cannot keep its graduates', async () => {
      const res = await c.start('m-jt2101-1', { answers: ANSWERS.unplacedRetain(1) });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'TARGET_NOT_ALLOWED', reason: expect.stringContaining('流动团员团支部') });
    });

    it('a typed name is for cross-system transfers only', async () => {
      const res = await c.start(next('ee2201'), { answers: ANSWERS.employedWithOrg, targetOrgName: '东风智造集团有限公司团委' });
      expect(res.status).toBe(422);
      expect(res.body.reason).toContain('只有跨系统转接');
    });
  });

  describe('400 VALIDATION_FAILED for bodies outside the contract', () => {
    const valid = { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' };
    const cases: [string, unknown, string][] = [
      ['an unknown field', { ...valid, priority: 'high' }, 'priority'],
      ['an unknown answer field', { ...valid, answers: { ...ANSWERS.employedWithOrg, salary: 1 } }, 'answers.salary'],
      ['an answer outside its enum', { ...valid, answers: { destination: 'mars' } }, 'answers.destination'],
      ['a boolean answer given as text', { ...valid, answers: { destination: 'employed', employerHasLeagueOrg: 'yes' } }, 'answers.employerHasLeagueOrg'],
      ['months as a fraction', { ...valid, answers: { ...ANSWERS.unplacedRetain(1), monthsSinceGraduation: 1.5 } }, 'answers.monthsSinceGraduation'],
      ['no answers', { targetOrgId: 'dongfeng' }, 'answers'],
      ['remarks over 100 characters', { ...valid, remarks: '备'.repeat(101) }, 'remarks'],
      ['an emergency contact without a valid mobile', { ...valid, emergencyContact: { name: '家长', phone: '12345' } }, 'emergencyContact.phone'],
      ['an emergency contact with extra fields', { ...valid, emergencyContact: { name: '家长', phone: '13900001111', email: 'x' } }, 'emergencyContact.email'],
      ['a retention application without a contact', { answers: ANSWERS.studyAbroad, retention: { where: '英国', months: 6 } }, 'retention.domesticContact'],
    ];
    it.each(cases)('%s', async (_case, body, field) => {
      const res = await c.start(next('jt2101'), body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('remarks of exactly 100 characters are fine', async () => {
      const res = await c.start(next('jt2101'), { ...valid, remarks: '备'.repeat(100) });
      expect(res.status).toBe(201);
    });

    it('needs a login', async () => {
      expect((await t.request('POST', '/transfers', { body: valid })).status).toBe(401);
    });
  });
});
