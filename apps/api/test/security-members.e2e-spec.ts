import { DataSource } from 'typeorm';
import { Person } from '../src/auth/person.entity';
import { RoleGrant } from '../src/auth/role-grant.entity';
import { DEMO_DATA } from '../src/database/seed';
import { Membership } from '../src/members/membership.entity';
import { Org } from '../src/orgs/org.entity';
import { OrgRequest } from '../src/requests/request.entity';
import { testDatabases } from './databases';
import { NEW_PASSWORD, person } from './harness';
import { useTestApp } from './use-test-app';

/**
 * Security issue #10, the import review's siblings outside the import: password reset of a person
 * held above or beside the caller, full personal data in lists, a township's transition branch
 * found by name, and requests about a person the caller does not wholly hold.
 */
type Row = { id: string; idNumber: string; phone: string };
const everyone = [...(DEMO_DATA as { members: Row[] }).members, ...(DEMO_DATA as { admins: Row[] }).admins];
const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/;

describe.each(testDatabases().map((d) => [d.name, d] as const))('members and requests security on %s', (_name, db) => {
  const t = useTestApp(db);
  let ds: DataSource;
  const as = (id: string) => t.login(person(id).idNumber);
  const passwordHash = async (id: string) => (await ds.getRepository(Person).findOne({ where: { id }, select: { id: true, passwordHash: true } }))?.passwordHash;
  /** A person who also sits as an ordinary member of a branch (a school admin studying part-time, a secretary in his own class). */
  const alsoMemberOf = (personId: string, orgId: string) =>
    ds.getRepository(Membership).insert({ personId, orgId, place: 'branch', graduationYear: 2026, graduatingOrgId: null, isGraduate: false, isLeagueMember: true, updatedAt: '2026-06-01T00:00:00.000Z' });

  beforeAll(async () => {
    ds = t.app.get(DataSource);
  });

  describe('personal data in lists', () => {
    it('no list response carries a full phone or ID number, to any admin or counsellor', async () => {
      expect((await t.request('POST', '/reminders', { token: await as('a-cs-counsellor'), body: { memberIds: ['m-cs2201-5'] } })).status).toBe(201);
      // The transfer inboxes belong to the transfers folder and are checked there.
      const lists: [string, string][] = [
        ['a-chutian', '/members'],
        ['a-chutian', '/members?q=李'],
        ['a-cs2201-secretary', '/members?orgId=chutian-cs-2201'],
        ['a-cs-counsellor', '/members'],
        ['a-chutian', '/orgs/chutian/not-started'],
        ['a-cs-counsellor', '/orgs/chutian-cs/not-started'],
        ['a-chutian', '/orgs/chutian/destinations'],
        ['a-cs-counsellor', '/reminders'],
        ['a-chutian', '/requests'],
        ['a-chutian', '/orgs?q=团支部'],
      ];
      for (const [caller, url] of lists) {
        const res = await t.request('GET', url, { token: await as(caller) });
        expect({ url, status: res.status }).toEqual({ url, status: 200 });
        const text = JSON.stringify(res.body);
        for (const p of everyone) {
          expect({ url, leaks: text.includes(p.phone) }).toEqual({ url, leaks: false });
          expect({ url, leaks: text.includes(p.idNumber) }).toEqual({ url, leaks: false });
        }
      }
      const roster = (await t.request('GET', '/members?orgId=chutian-cs-2201', { token: await as('a-chutian-cs') })).body;
      expect(roster.length).toBeGreaterThan(0);
      for (const m of roster) expect(m).toMatchObject({ phone: expect.stringMatching(MASKED_PHONE), phoneMasked: true });
      const notStarted = (await t.request('GET', '/orgs/chutian-cs/not-started', { token: await as('a-cs-counsellor') })).body;
      expect(notStarted.length).toBeGreaterThan(0);
      for (const m of notStarted) expect(m).toMatchObject({ phone: expect.stringMatching(MASKED_PHONE), phoneMasked: true });
    });

    it('GET /members/:id shows the full phone only to those over the member’s own branch', async () => {
      const member = person('m-cs2201-1');
      for (const caller of ['a-cs-counsellor', 'a-cs2201-secretary', 'a-chutian']) {
        const res = await t.request('GET', `/members/${member.id}`, { token: await as(caller) });
        expect(res).toMatchObject({ status: 200, body: { id: member.id, name: member.name, phone: member.phone, phoneMasked: false, orgId: 'chutian-cs-2201' } });
        expect(JSON.stringify(res.body)).not.toContain(member.idNumber);
      }
      for (const caller of ['a-chutian-ee', 'a-dongfeng', 'm-cs2201-6']) {
        const res = await t.request('GET', `/members/${member.id}`, { token: await as(caller) });
        expect(res).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
        expect(JSON.stringify(res.body)).not.toContain(member.phone);
      }
      expect((await t.request('GET', '/members/nobody', { token: await as('a-chutian') })).status).toBe(404);
      // A graduate who moved on: the old college's counsellor still finds them by cohort, with the phone masked.
      await ds.getRepository(Membership).update({ personId: 'm-cs2202-3' }, { orgId: 'chutian-ee-2201', graduatingOrgId: 'chutian-cs-2202' });
      const moved = await t.request('GET', '/members/m-cs2202-3', { token: await as('a-cs-counsellor') });
      expect(moved).toMatchObject({ status: 200, body: { phone: expect.stringMatching(MASKED_PHONE), phoneMasked: true, graduatingOrgId: 'chutian-cs-2202' } });
      expect((await t.request('GET', '/members/m-cs2202-3', { token: await as('a-chutian-ee') })).body).toMatchObject({ phone: person('m-cs2202-3').phone, phoneMasked: false });
    });
  });

  describe('township transition branch (requests)', () => {
    it('finds the transition branch by purpose, not by name, when a township flag is restored', async () => {
      await ds.getRepository(Org).update({ id: 'guanshan-transition' }, { name: '关山街道学社衔接临时团支部' });
      const township = await as('a-guanshan');
      const county = await as('a-hongshan');
      for (const isTownship of [false, true]) {
        const filed = await t.request('POST', '/orgs/guanshan/township-correction', { token: township, body: { isTownship, reason: '更正街道团工委标识' } });
        expect(filed.status).toBe(201);
        expect((await t.request('POST', `/requests/${filed.body.id}/approve`, { token: county, body: {} })).body.status).toBe('approved');
      }
      const children = await ds.getRepository(Org).findBy({ parentId: 'guanshan', purpose: 'transition' });
      expect(children.map((o) => o.id)).toEqual(['guanshan-transition']);
    });

    it('creates one when a newly flagged township has none', async () => {
      await ds.getRepository(Org).insert({
        id: 'sec-street', name: '卓刀泉街道团工委', kind: 'working-committee', parentId: 'hongshan', domain: 'township', province: 'hubei',
        purpose: null, isTownship: false, path: '/hubei/wuhan/hongshan/sec-street/', depth: 3, graduationYear: null, createdAt: '2026-06-01T00:00:00.000Z', deletedAt: null,
      });
      // A branch whose name merely looks like one is not the transition branch.
      await ds.getRepository(Org).insert({
        id: 'sec-street-lookalike', name: '学社衔接临时团支部', kind: 'branch', parentId: 'sec-street', domain: 'township', province: 'hubei',
        purpose: 'class', isTownship: false, path: '/hubei/wuhan/hongshan/sec-street/sec-street-lookalike/', depth: 4, graduationYear: null, createdAt: '2026-06-01T00:00:00.000Z', deletedAt: null,
      });
      const filed = await t.request('POST', '/orgs/sec-street/township-correction', { token: await as('a-hongshan'), body: { isTownship: true, reason: '本是街道团工委，漏标' } });
      expect(filed.status).toBe(201);
      // Filed by the county, decided above it (whoever files does not approve).
      expect((await t.request('POST', `/requests/${filed.body.id}/approve`, { token: await as('a-wuhan-admin'), body: {} })).body.status).toBe('approved');
      expect((await ds.getRepository(Org).findBy({ parentId: 'sec-street', purpose: 'transition', kind: 'branch' })).length).toBe(1);
    });
  });

  describe('record deletion requests (POST /members/:id/deletion-request)', () => {
    it('refuses a secretary asking to delete the record of someone holding a role above them', async () => {
      await alsoMemberOf('a-chutian-ee', 'chutian-cs-2202');
      const res = await t.request('POST', '/members/a-chutian-ee/deletion-request', { token: await as('a-chutian-cs'), body: { reason: '此人不是团员，系误录', isPartyMember: false } });
      expect(res).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
      expect(await ds.getRepository(OrgRequest).countBy({ subjectId: 'a-chutian-ee' })).toBe(0);
      // A record marked as a non-member, inside the caller's subtree: an ordinary request.
      await ds.getRepository(Membership).update({ personId: 'm-cs2202-1' }, { isLeagueMember: false });
      const ordinary = await t.request('POST', '/members/m-cs2202-1/deletion-request', { token: await as('a-chutian-cs'), body: { reason: '此人不是团员，系误录', isPartyMember: false } });
      expect(ordinary.status).toBe(201);
    });
  });
  // Last: a reset ends the reset person's sessions, and the harness caches tokens.
  describe('password reset (POST /members/:id/reset-password)', () => {
    it('refuses a secretary resetting the school admin who is also a member of the branch (takeover)', async () => {
      await as('a-chutian');
      await alsoMemberOf('a-chutian', 'chutian-cs-2201');
      const before = await passwordHash('a-chutian');
      for (const caller of ['a-cs2201-secretary', 'a-chutian-cs']) {
        const res = await t.request('POST', '/members/a-chutian/reset-password', { token: await as(caller) });
        expect(res).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
        expect(JSON.stringify(res.body)).not.toContain('林书记');
      }
      expect(await passwordHash('a-chutian')).toBe(before);
      const stillOwn = await t.request('POST', '/auth/login', { body: { idNumber: person('a-chutian').idNumber, password: person('a-chutian').idNumber.slice(-8) } });
      expect(stillOwn.status).toBe(401);
    });

    it('refuses resetting a member who holds a role beside the caller’s subtree', async () => {
      const member = person('m-cs2201-3');
      await ds.getRepository(RoleGrant).insert({ id: 'sec-test-grant-ee', personId: member.id, role: 'counsellor', orgId: 'chutian-ee' });
      const res = await t.request('POST', `/members/${member.id}/reset-password`, { token: await as('a-cs2201-secretary') });
      expect(res.status).toBe(404);
      // The school admin holds both the branch and the sibling college: the reset is theirs to make.
      expect((await t.request('POST', `/members/${member.id}/reset-password`, { token: await as('a-chutian') })).status).toBe(204);
    });

    it('never resets the caller’s own password through this route', async () => {
      const secretary = person('a-cs2201-secretary');
      const token = await as(secretary.id);
      await alsoMemberOf(secretary.id, 'chutian-cs-2201');
      const before = await passwordHash(secretary.id);
      const res = await t.request('POST', `/members/${secretary.id}/reset-password`, { token });
      expect(res).toMatchObject({ status: 403, body: { code: 'OWN_PASSWORD_RESET' } });
      expect(await passwordHash(secretary.id)).toBe(before);
      expect((await t.request('POST', '/auth/login', { body: { idNumber: secretary.idNumber, password: NEW_PASSWORD(secretary.idNumber) } })).status).toBe(200);
    });

    it('still resets an ordinary member of the branch, and an admin wholly inside', async () => {
      const member = person('m-cs2201-4');
      await as(member.id);
      expect((await t.request('POST', `/members/${member.id}/reset-password`, { token: await as('a-cs2201-secretary') })).status).toBe(204);
      expect((await t.request('POST', '/auth/login', { body: { idNumber: member.idNumber, password: member.idNumber.slice(-8) } })).body.mustChangePassword).toBe(true);
      expect((await t.request('POST', '/members/a-cs-counsellor/reset-password', { token: await as('a-chutian-cs') })).status).toBe(204);
    });
  });
});
