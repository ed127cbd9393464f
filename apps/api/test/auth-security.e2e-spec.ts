import { makeIdNumber, maskMobile } from '@xianjie/rules';
import { DataSource } from 'typeorm';
import { AuthService } from '../src/auth/auth.service';
import { DEMO_DATA } from '../src/database/seed';
import { PasswordHasher } from '../src/auth/password';
import { testDatabases } from './databases';
import { NEW_PASSWORD, person } from './harness';
import { useTestApp } from './use-test-app';
import { handMadeToken } from './tokens';

/** Issue #10 items 5, 8 and 10 (tokens): one spec per hole, each failing on the code before the fix. */
// Real databases on a shared 2-core machine: migrations and argon2 need more than jest's 5 s.
jest.setTimeout(120_000);

describe.each(testDatabases().map((d) => [d.name, d] as const))('auth security on %s', (_name, db) => {
  const t = useTestApp(db);
  const login = (idNumber: string, password: string) => t.request('POST', '/auth/login', { body: { idNumber, password } });
  const changePassword = (token: string, oldPassword: string, newPassword: string) =>
    t.request('POST', '/auth/change-password', { token, body: { oldPassword, newPassword } });

  it('#5 counts a burst of parallel wrong logins one by one, so the burst locks the account', async () => {
    const victim = person('m-cs2202-1');
    const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => login(victim.idNumber, `Wrong-${i}!x`)));
    expect(burst.map((r) => r.status).every((s) => s === 401 || s === 429)).toBe(true);
    const after = await login(victim.idNumber, victim.idNumber.slice(-8));
    expect(after).toMatchObject({ status: 429, body: { code: 'ACCOUNT_LOCKED' } });
    // The lockout says when to try again and whom to ask.
    expect(after.body.message).toMatch(/\d+ 分钟后/);
    expect(after.body.message).toContain('团支部书记');
  });

  // Race review F6: every request of a burst read the account unlocked before any failure was counted,
  // so failures past the lock restarted the count (8 of 10 answered "wrong"), and a right password
  // whose check finished after the lock still got a token.
  it('a burst of wrong logins: four are told "wrong", the rest find the account locked, and a right password checked meanwhile gets no token', async () => {
    const victim = person('m-ee2201-3');
    const right = victim.idNumber.slice(-8);
    const hasher = t.app.get(PasswordHasher);
    const burn = hasher.burn.bind(hasher);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The right password's check is held until the burst is over: it read the account before the lock.
    const spy = jest.spyOn(hasher, 'burn').mockImplementation(async (password: string) => {
      await burn(password);
      if (password === right) await held;
    });
    try {
      const rightOne = login(victim.idNumber, right);
      while (!spy.mock.calls.some(([p]) => p === right)) await new Promise((r) => setTimeout(r, 5));
      const burst = await Promise.all(Array.from({ length: 9 }, (_, i) => login(victim.idNumber, `Wrong-${i}!x`)));
      const codes = burst.map((r) => r.body.code as string);
      expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(4);
      expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(5);
      release();
      expect(await rightOne).toMatchObject({ status: 429, body: { code: 'ACCOUNT_LOCKED' } });
    } finally {
      release();
      spy.mockRestore();
    }
  });

  it('#8 a password change ends the other sessions; the session that made it carries on', async () => {
    const p = person('m-cs2201-3');
    const first = await t.login(p.idNumber);
    const other = (await login(p.idNumber, NEW_PASSWORD(p.idNumber))).body.token as string;
    expect((await t.request('GET', '/me', { token: other })).status).toBe(200);

    expect((await changePassword(first, NEW_PASSWORD(p.idNumber), 'Tz#river-2026')).status).toBe(204);
    expect((await t.request('GET', '/me', { token: first })).status).toBe(200);
    expect(await t.request('GET', '/me', { token: other })).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    // A fresh login with the new password works alongside.
    const fresh = await login(p.idNumber, 'Tz#river-2026');
    expect((await t.request('GET', '/me', { token: fresh.body.token })).status).toBe(200);

    // A second change from the fresh session ends the first one too.
    expect((await changePassword(fresh.body.token, 'Tz#river-2026', 'Tz#lake-2027')).status).toBe(204);
    expect((await t.request('GET', '/me', { token: first })).status).toBe(401);
    expect((await t.request('GET', '/me', { token: fresh.body.token })).status).toBe(200);
  });

  it('two password changes at once: one is written, the other is told (nothing half-applied, the winner’s password works)', async () => {
    const p = person('m-cs2202-2');
    const token = await t.login(p.idNumber);
    const tried = ['Tz#first-2026', 'Tz#second-2026'];
    const both = await Promise.all(tried.map((next) => changePassword(token, NEW_PASSWORD(p.idNumber), next)));
    expect(both.filter((r) => r.status === 204)).toHaveLength(1);
    const loser = both.find((r) => r.status !== 204)!;
    // Refused as changed meanwhile, or — if it read after the winner wrote — as a wrong old password.
    expect(['PASSWORD_CHANGED', 'WRONG_OLD_PASSWORD']).toContain(loser.body.code);
    const winner = tried[both.findIndex((r) => r.status === 204)];
    expect((await login(p.idNumber, winner)).status).toBe(200);
    expect((await login(p.idNumber, tried.find((x) => x !== winner)!)).status).toBe(401);
  });

  it('#8 the old-password check of change-password is throttled and locks like login', async () => {
    const p = person('m-cs2201-4');
    const token = await t.login(p.idNumber);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await changePassword(token, `Guess-${i}!x`, 'Tz#river-2026')).status);
    expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
    expect(statuses.slice(4)).toEqual([429, 429]);
    // Even the right old password is refused while locked, and login is locked as well.
    const right = await changePassword(token, NEW_PASSWORD(p.idNumber), 'Tz#river-2026');
    expect(right).toMatchObject({ status: 429, body: { code: 'ACCOUNT_LOCKED' } });
    expect((await login(p.idNumber, NEW_PASSWORD(p.idNumber))).status).toBe(429);
  });

  it('#8 common passwords and the ID number’s own digits are refused in Chinese', async () => {
    const p = person('m-cs2201-5');
    const token = await t.login(p.idNumber);
    const birth = p.idNumber.slice(6, 14);
    for (const weak of ['Password1', 'Qwerty123', 'P@ssw0rd123', 'Abcd1234!', `Aa!${birth}`, `${p.idNumber.slice(0, 10)}Ab`]) {
      const res = await changePassword(token, NEW_PASSWORD(p.idNumber), weak);
      expect({ weak, status: res.status, code: res.body.code }).toEqual({ weak, status: 400, code: 'WEAK_PASSWORD' });
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await changePassword(token, NEW_PASSWORD(p.idNumber), 'Tz#river-2026')).status).toBe(204);
  });

  it('#8 login does the same password work whether or not the account exists', async () => {
    const hasher = t.app.get(PasswordHasher);
    const verify = jest.spyOn(hasher, 'verify');
    try {
      const unknown = '110101199003077777';
      const known = person('m-cs2201-6');
      const hashed = person('m-cs2201-3'); // changed its password above
      for (const [idNumber, password] of [[unknown, 'Whatever-1'], [known.idNumber, 'Whatever-1'], [known.idNumber, known.idNumber.slice(-8)], [hashed.idNumber, 'Whatever-1']]) {
        verify.mockClear();
        await login(idNumber, password);
        expect({ idNumber, verifications: verify.mock.calls.length }).toEqual({ idNumber, verifications: 1 });
      }
      const res = await login(unknown, 'Whatever-1');
      expect(res).toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS' } });
    } finally {
      verify.mockRestore();
    }
  });

  it('#13 loads the caller (person, grants, their orgs, membership) in at most two statements', async () => {
    // Counted by TypeORM's own query logger, which sees every statement — also the named prepared
    // ones that go to the pg client directly (database/raw-rows.ts hotQuery).
    const logger = t.app.get(DataSource).logger;
    const statements: string[] = [];
    const log = logger.logQuery.bind(logger);
    const spy = jest.spyOn(logger, 'logQuery').mockImplementation((sql, ...rest) => {
      statements.push(sql);
      return log(sql, ...rest);
    });
    try {
      const auth = t.app.get(AuthService);
      // An admin with a grant and a member with a membership: both shapes, each in ≤ 2 statements.
      for (const [id, check] of [
        ['a-chutian-cs', (a: any) => expect(a.grants).toEqual([{ role: 'org-admin', orgId: 'chutian-cs', orgName: expect.any(String), orgKind: 'committee', orgDomain: 'school', orgPath: expect.stringContaining('/chutian-cs/') }])],
        ['m-cs2201-6', (a: any) => expect(a.membership).toMatchObject({ personId: 'm-cs2201-6', orgId: 'chutian-cs-2201', isGraduate: true })],
      ] as const) {
        const token = await t.login(person(id).idNumber);
        statements.length = 0;
        const actor = await auth.actorFromToken(token);
        check(actor);
        expect(statements.length).toBeGreaterThan(0);
        expect(statements.length).toBeLessThanOrEqual(2);
      }
    } finally {
      spy.mockRestore();
    }
  });

  describe('#15 forgot-password: whom to ask, masked, rate-limited', () => {
    const demo = DEMO_DATA as { members: { idNumber: string; name: string }[]; admins: { idNumber: string; name: string }[] };
    const nameOf = (idNumber: string) => [...demo.members, ...demo.admins].find((p) => p.idNumber === idNumber)?.name ?? '某某';
    const ask = (idNumber: string, address = '10.0.0.1', headers: Record<string, string> = {}, name = nameOf(idNumber)) =>
      t.request('POST', '/auth/forgot-password', { body: { idNumber, name }, remoteAddress: address, headers });

    // Security review L1: an ID number alone named the person's branch and secretary to anyone.
    it('names no one without the person’s own name: a wrong or missing name reads as an unknown ID number', async () => {
      const member = person('m-cs2201-1');
      const wrong = await ask(member.idNumber, '10.0.0.9', {}, '王某某');
      expect(wrong).toMatchObject({ status: 200, body: { contacts: [] } });
      const unknown = await ask(makeIdNumber('110101', '19900307', '778'), '10.0.0.9', {}, '王某某');
      expect(wrong.body).toEqual(unknown.body);
      const missing = await t.request('POST', '/auth/forgot-password', { body: { idNumber: member.idNumber }, remoteAddress: '10.0.0.9' });
      // One message for a missing field, not its length rule's too ("姓名过长" for no name at all).
      expect(missing).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'name', message: '请输入本人姓名' }] } });
      expect((await ask(member.idNumber, '10.0.0.9', {}, ` ${member.name} `)).body.contacts).toHaveLength(1);
    });

    it('names the branch secretary of a member, with the phone masked', async () => {
      const secretary = person('a-cs2201-secretary');
      const res = await ask(person('m-cs2201-1').idNumber);
      expect(res.status).toBe(200);
      expect(res.body.howItWorks).toContain('团支部书记');
      expect(res.body.contacts).toEqual([{ name: secretary.name, phoneMasked: maskMobile(secretary.phone), orgName: '计算机2201班团支部' }]);
      expect(JSON.stringify(res.body)).not.toContain(secretary.phone);
    });

    it('goes up to the nearest org-admin when the branch has none, and never names the person themself', async () => {
      const collegeAdmin = person('a-chutian-cs');
      for (const who of ['m-cs2202-2', 'a-cs2201-secretary']) {
        const res = await ask(person(who).idNumber, '10.0.0.2');
        expect({ who, contacts: res.body.contacts }).toEqual({ who, contacts: [expect.objectContaining({ name: collegeAdmin.name, phoneMasked: maskMobile(collegeAdmin.phone) })] });
      }
    });

    it('answers an unknown ID number generically, and refuses a malformed one', async () => {
      const unknown = await ask(makeIdNumber('110101', '19900307', '777'), '10.0.0.3');
      expect(unknown).toMatchObject({ status: 200, body: { contacts: [], howItWorks: expect.stringContaining('团支部书记') } });
      const badCheck = person('m-cs2201-1').idNumber.slice(0, 17) + (person('m-cs2201-1').idNumber.endsWith('0') ? '1' : '0');
      for (const idNumber of [badCheck, '12345678901234567X', '420111200202301019']) {
        const res = await ask(idNumber, '10.0.0.3');
        expect({ idNumber, status: res.status, code: res.body.code }).toEqual({ idNumber, status: 400, code: 'VALIDATION_FAILED' });
      }
      expect((await t.request('POST', '/auth/forgot-password', { body: { idNumber: 42, name: '某某' } })).body.errors).toEqual([{ field: 'idNumber', message: '请输入身份证号' }]);
    });

    it('limits lookups per ID number and per address, and says when to try again', async () => {
      const id = person('m-ee2201-2').idNumber;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await ask(id, `10.1.0.${i}`)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const limited = await ask(id, '10.1.1.1');
      expect(limited.body.message).toMatch(/\d+ 分钟后再试/);

      const many: number[] = [];
      for (let i = 0; i < 31; i++) many.push((await ask(makeIdNumber('110101', '19900307', String(100 + i)), '10.2.0.1')).status);
      expect(many.slice(0, 30).every((s) => s === 200)).toBe(true);
      expect(many[30]).toBe(429);
      expect((await ask(makeIdNumber('110101', '19900307', '200'), '10.2.0.2')).status).toBe(200);
    });

    it('a client cannot step around the per-address limit by naming other addresses in X-Forwarded-For', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        statuses.push((await ask(makeIdNumber('110101', '19900308', String(100 + i)), '10.3.0.1', { 'x-forwarded-for': `203.0.113.${i}` })).status);
      }
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
      expect(statuses[30]).toBe(429);
    });
  });

  describe('#10 tokens', () => {
    const secret = () => t.config.tokenSecret;
    // jsonwebtoken checks exp against the real clock, not the test clock.
    const now = () => Math.floor(Date.now() / 1000);

    /** The claims of a real session of this person, to take one away at a time. */
    const claimsOf = async (id: string): Promise<Record<string, unknown>> => {
      const token = await t.login(person(id).idNumber);
      return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    };
    const me = (token: string) => t.request('GET', '/me', { token });

    it('accepts the hand-made copy of a real token (so the refusals below are about the claim taken away)', async () => {
      expect((await me(handMadeToken(await claimsOf('m-ee2201-1'), secret()))).status).toBe(200);
    });

    it('refuses a token without sub (it used to find the first person row)', async () => {
      const { sub: _sub, ...claims } = await claimsOf('m-ee2201-1');
      expect(await me(handMadeToken(claims, secret()))).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    });

    it('refuses a token without exp', async () => {
      const { exp: _exp, ...claims } = await claimsOf('m-ee2201-1');
      expect(await me(handMadeToken(claims, secret()))).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    });

    it('refuses other algorithms, odd claim types, an expired or forged token', async () => {
      const claims = await claimsOf('m-ee2201-1');
      expect((await me(handMadeToken(claims, secret(), 'HS512'))).status).toBe(401);
      expect((await me(handMadeToken({ ...claims, sub: 1 }, secret()))).status).toBe(401);
      expect((await me(handMadeToken({ ...claims, ver: String(claims.ver) }, secret()))).status).toBe(401);
      expect((await me(handMadeToken({ ...claims, exp: now() - 1 }, secret()))).status).toBe(401);
      expect((await me(handMadeToken(claims, 'y'.repeat(40)))).status).toBe(401);
    });
  });
});
