import { testDatabases } from './databases';
import { NEW_PASSWORD, person } from './harness';
import { useTestApp } from './use-test-app';

const graduate = person('m-cs2201-1');
const collegeAdmin = person('a-chutian-cs');
const eeAdmin = person('a-chutian-ee');
const counsellor = person('a-cs-counsellor');

describe.each(testDatabases().map((d) => [d.name, d] as const))('platform on %s', (_name, db) => {
  const t = useTestApp(db);

  it('answers health without a login', async () => {
    expect(await t.request('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  describe('login and the forced password change', () => {
    it('refuses a wrong password with 401 and the contract shape', async () => {
      const res = await t.request('POST', '/auth/login', { body: { idNumber: graduate.idNumber, password: 'wrong-pass' } });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 'INVALID_CREDENTIALS', message: expect.stringMatching(/身份证号或密码错误/) });
    });

    it('logs in with the last 8 characters of the ID, then blocks everything but the change', async () => {
      const login = await t.request('POST', '/auth/login', { body: { idNumber: graduate.idNumber, password: graduate.idNumber.slice(-8) } });
      expect(login.status).toBe(200);
      expect(login.body).toMatchObject({ token: expect.any(String), mustChangePassword: true, user: { id: graduate.id, name: graduate.name, roles: [] } });
      const token = login.body.token;
      const blocked = await t.request('GET', '/orgs', { token });
      expect(blocked).toMatchObject({ status: 403, body: { code: 'PASSWORD_CHANGE_REQUIRED' } });
      const me = await t.request('GET', '/me', { token });
      expect(me.status).toBe(200);
      expect(me.body.idNumberMasked).toBe(`${graduate.idNumber.slice(0, 6)}********${graduate.idNumber.slice(-4)}`);
      expect(me.body.member).toMatchObject({ orgId: 'chutian-cs-2201', isGraduate: true, graduationYear: 2026 });
      // The own school's special branches, so the phone names them instead of making the graduate search.
      expect(me.body.member.schoolBranches).toEqual({
        floating: { id: 'chutian-floating', name: '楚天大学流动团员团支部' },
        'study-abroad': { id: 'chutian-abroad', name: '楚天大学出国(境)学习研究团员团支部' },
        'delayed-graduation': { id: 'chutian-delayed', name: '楚天大学延迟毕业团支部' },
      });

      const weak = await t.request('POST', '/auth/change-password', { token, body: { oldPassword: graduate.idNumber.slice(-8), newPassword: 'abcdefgh' } });
      expect(weak).toMatchObject({ status: 400, body: { code: 'WEAK_PASSWORD', message: expect.stringContaining('至少三种') } });
      const wrongOld = await t.request('POST', '/auth/change-password', { token, body: { oldPassword: 'nope', newPassword: NEW_PASSWORD(graduate.idNumber) } });
      expect(wrongOld).toMatchObject({ status: 400, body: { code: 'WRONG_OLD_PASSWORD' } });
      const ok = await t.request('POST', '/auth/change-password', { token, body: { oldPassword: graduate.idNumber.slice(-8), newPassword: NEW_PASSWORD(graduate.idNumber) } });
      expect(ok.status).toBe(204);
      expect((await t.request('GET', '/orgs', { token })).status).toBe(200);
      // The initial password no longer works; the new one does and is not "must change".
      expect((await t.request('POST', '/auth/login', { body: { idNumber: graduate.idNumber, password: graduate.idNumber.slice(-8) } })).status).toBe(401);
      const again = await t.request('POST', '/auth/login', { body: { idNumber: graduate.idNumber, password: NEW_PASSWORD(graduate.idNumber) } });
      expect(again.body.mustChangePassword).toBe(false);
    });

    it('names each grant’s org with its kind and 行业类别, in the login answer and in /me', async () => {
      const employer = person('a-dongfeng');
      for (const [who, roles] of [
        [collegeAdmin, [{ role: 'org-admin', orgId: 'chutian-cs', orgName: '楚天大学计算机学院团委', orgKind: 'committee', orgDomain: 'school' }]],
        [employer, [{ role: 'org-admin', orgId: 'dongfeng', orgName: expect.any(String), orgKind: 'committee', orgDomain: 'enterprise' }]],
      ] as const) {
        const token = await t.login(who.idNumber);
        expect((await t.request('GET', '/me', { token })).body.roles).toEqual(roles);
        const again = await t.request('POST', '/auth/login', { body: { idNumber: who.idNumber, password: NEW_PASSWORD(who.idNumber) } });
        expect(again.body.user.roles).toEqual(roles);
      }
    });

    it('refuses requests without a valid token', async () => {
      expect((await t.request('GET', '/orgs')).body).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect((await t.request('GET', '/orgs', { token: 'not.a.token' })).status).toBe(401);
    });

    it('locks an account after repeated failures, without refusing other accounts from the same address', async () => {
      const victim = person('m-cs2202-3');
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        codes.push((await t.request('POST', '/auth/login', { body: { idNumber: victim.idNumber, password: `bad-${i}` } })).status);
      }
      expect(codes.slice(0, 4)).toEqual([401, 401, 401, 401]);
      expect(codes[4]).toBe(429);
      const locked = await t.request('POST', '/auth/login', { body: { idNumber: victim.idNumber, password: victim.idNumber.slice(-8) } });
      expect(locked).toMatchObject({ status: 429, body: { code: 'ACCOUNT_LOCKED' } });
      // A campus NAT: a burst of logins to many different accounts from one address all go through.
      const others = ['m-cs2202-1', 'm-cs2202-2', 'm-ee2201-1', 'm-ee2201-2', 'm-ee2201-3', 'm-cs2201-3', 'm-cs2201-4', 'm-cs2201-5'].map(person);
      const results = await Promise.all(others.map((p) => t.request('POST', '/auth/login', { body: { idNumber: p.idNumber, password: p.idNumber.slice(-8) } })));
      expect(results.map((r) => r.status)).toEqual(others.map(() => 200));
    });

    it('throttles a hammered account with 429 even when the password is right', async () => {
      const p = person('m-jt2101-1');
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        statuses.push((await t.request('POST', '/auth/login', { body: { idNumber: p.idNumber, password: p.idNumber.slice(-8) } })).status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
    });
  });

  describe('validation and the error shape', () => {
    it('refuses unknown fields with VALIDATION_FAILED and the field named', async () => {
      const res = await t.request('POST', '/auth/login', { body: { idNumber: graduate.idNumber, password: 'x', admin: true } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String), errors: [{ field: 'admin', message: expect.any(String) }] });
    });

    it('answers malformed JSON with the contract shape', async () => {
      const res = await t.request('POST', '/auth/login', { raw: '{"idNumber": ' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'MALFORMED_JSON', message: '请求内容不是有效的 JSON' });
      const wrongType = await t.request('POST', '/auth/login', { raw: '<idNumber/>', headers: { 'content-type': 'application/xml' } });
      expect(wrongType.status).toBe(415);
      expect(wrongType.body).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) });
    });

    it('answers an unknown route with 404 in the contract shape', async () => {
      const res = await t.request('GET', '/no-such-route');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    });
  });

  describe('the org tree', () => {
    let token: string;
    beforeAll(async () => {
      token = await t.login(person('m-cs2201-2').idNumber);
    });

    it('lists roots, then children, each with its path', async () => {
      const roots = await t.request('GET', '/orgs', { token });
      expect(roots.body.map((o: { id: string }) => o.id).sort()).toEqual(['beijing', 'hubei', 'zhongyang']);
      const children = await t.request('GET', '/orgs?parentId=hubei', { token });
      const chutian = children.body.find((o: { id: string }) => o.id === 'chutian');
      // The university hangs under the provincial committee, not under its city.
      expect(chutian).toMatchObject({ kind: 'committee', domain: 'school', hasChildren: true, path: [{ id: 'hubei', name: '共青团湖北省委' }, { id: 'chutian', name: '楚天大学团委' }] });
    });

    it('searches Chinese names by part, showing each hit’s path', async () => {
      const res = await t.request('GET', `/orgs?q=${encodeURIComponent('临时团支部')}`, { token });
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(1);
      expect(res.body[0]).toMatchObject({ id: 'guanshan-transition', purpose: 'transition', path: expect.arrayContaining([{ id: 'guanshan', name: '关山街道团工委' }]) });
      // A hit names its parent, so a list can show "关山街道团工委 › …学社衔接临时团支部".
      expect(res.body[0].parentName).toBe('关山街道团工委');
      const two = await t.request('GET', `/orgs?q=${encodeURIComponent('计算机')}`, { token });
      expect(two.body.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining(['chutian-cs', 'jianghan-tech-cs']));
      // Wildcards are taken literally.
      expect((await t.request('GET', `/orgs?q=${encodeURIComponent('%%')}`, { token })).body).toEqual([]);
    });

    it('marks which orgs fit a target kind', async () => {
      const res = await t.request('GET', '/orgs?parentId=guanshan&fits=township-org', { token });
      expect(res.body.find((o: { id: string }) => o.id === 'guanshan-transition').fits.ok).toBe(true);
      const employer = await t.request('GET', '/orgs?parentId=dongfeng&fits=township-org', { token });
      expect(employer.body[0].fits).toMatchObject({ ok: false, reason: expect.any(String) });
    });

    it('answers an unknown org with 404', async () => {
      expect((await t.request('GET', '/orgs/nope', { token })).status).toBe(404);
      expect((await t.request('GET', '/orgs?parentId=nope', { token })).status).toBe(404);
    });
  });

  describe('one person, one number', () => {
    it('changes the caller’s mobile, refusing a number someone else has', async () => {
      const me = person('m-cs2202-1');
      const token = await t.login(me.idNumber);
      const taken = await t.request('PUT', '/me/phone', { token, body: { phone: person('m-cs2202-2').phone } });
      expect(taken).toMatchObject({ status: 409, body: { code: 'PHONE_TAKEN' } });
      const bad = await t.request('PUT', '/me/phone', { token, body: { phone: '12345' } });
      expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'phone' }] } });
      expect((await t.request('PUT', '/me/phone', { token, body: { phone: '13912345678' } })).status).toBe(200);
      expect((await t.request('GET', '/me', { token })).body.phone).toBe('13912345678');
    });

    // Security review L3: "taken" tells whether a number belongs to someone; unthrottled, a member could walk a number range.
    it('answers at most ten number changes an hour per person, taken or not; the eleventh is 429 and changes nothing', async () => {
      const me = person('m-ee2201-4');
      const token = await t.login(me.idNumber);
      const tries = Array.from({ length: 10 }, (_, i) => (i % 2 ? person('m-cs2201-1').phone : `1391234${String(5000 + i)}`));
      for (const phone of tries) expect((await t.request('PUT', '/me/phone', { token, body: { phone } })).status).not.toBe(429);
      const eleventh = await t.request('PUT', '/me/phone', { token, body: { phone: '13912349999' } });
      expect(eleventh).toMatchObject({ status: 429, body: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: expect.any(Number) } });
      expect(eleventh.body.message).toContain('手机号');
      expect((await t.request('GET', '/me', { token })).body.phone).toBe('13912345008');
    });
  });

  describe('admin scope', () => {
    it('shows a college admin their own members, masked, and nothing of another college', async () => {
      const token = await t.login(collegeAdmin.idNumber);
      const own = await t.request('GET', '/members', { token });
      expect(own.status).toBe(200);
      const ids = own.body.map((m: { id: string }) => m.id);
      expect(ids).toEqual(expect.arrayContaining(['m-cs2201-1', 'm-cs2202-1']));
      expect(ids).not.toContain('m-ee2201-1');
      for (const m of own.body) expect(m.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(JSON.stringify(own.body)).not.toContain(graduate.idNumber);
      const other = await t.request('GET', '/members?orgId=chutian-ee', { token });
      expect(other.status).toBe(404);
      const reset = await t.request('POST', '/members/m-ee2201-1/reset-password', { token });
      expect(reset.status).toBe(404);
    });

    it('lets a counsellor read their college but not act as an admin', async () => {
      const token = await t.login(counsellor.idNumber);
      expect((await t.request('GET', '/members?orgId=chutian-cs-2201', { token })).status).toBe(200);
      expect((await t.request('POST', '/members/m-cs2201-3/reset-password', { token })).status).toBe(404);
    });

    it('lets a branch secretary reset a member’s password back to the initial one', async () => {
      const member = person('m-cs2201-6');
      await t.login(member.idNumber);
      const token = await t.login(person('a-cs2201-secretary').idNumber);
      expect((await t.request('POST', `/members/${member.id}/reset-password`, { token })).status).toBe(204);
      const login = await t.request('POST', '/auth/login', { body: { idNumber: member.idNumber, password: member.idNumber.slice(-8) } });
      expect(login.body.mustChangePassword).toBe(true);
      const eeToken = await t.login(eeAdmin.idNumber);
      expect((await t.request('POST', `/members/${member.id}/reset-password`, { token: eeToken })).status).toBe(404);
    });
  });
});
