import { makeIdNumber } from '@xianjie/rules';
import { DEMO_DATA } from '../src/database/seed';
import { Database } from '../src/database/database.service';
import type { TestApp } from './harness';

/**
 * The demo data set plus enough extra graduates that every transfer test has a member of its
 * own, a reviewer of another province and an admin on the school's floating branch alone.
 */
interface Row { id: string; name: string; idNumber: string; phone: string; orgId: string; graduationYear?: number | null; role?: string }
type Data = { orgs: Record<string, unknown>[]; members: Row[]; admins: Row[] };

const demo = DEMO_DATA as Data;
const extraMembers: Row[] = [];
const BRANCHES = ['chutian-cs-2201', 'chutian-cs-2202', 'chutian-ee-2201', 'jianghan-tech-cs-2101'];
let n = 0;
for (const orgId of BRANCHES) {
  for (let i = 1; i <= 30; i++) {
    n++;
    const seq = String(n).padStart(3, '0');
    extraMembers.push({
      id: `x-${orgId}-${i}`,
      name: `测试${orgId.slice(-4)}-${i}`,
      idNumber: makeIdNumber('420111', `2003${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}`, seq),
      phone: `1382710${String(n).padStart(4, '0')}`,
      orgId,
      graduationYear: 2026,
    });
  }
}

const extraAdmins: Row[] = [
  { id: 'a-hunan-reviewer', name: '湖南审核员', idNumber: makeIdNumber('430102', '19800101', '501'), phone: '13927100001', orgId: 'hunan', role: 'provincial-reviewer' },
  { id: 'a-floating', name: '流动支部书记', idNumber: makeIdNumber('420102', '19900101', '502'), phone: '13927100002', orgId: 'chutian-floating', role: 'org-admin' },
];

export const TRANSFER_DATA = {
  orgs: [
    ...demo.orgs,
    { id: 'hunan', name: '共青团湖南省委', kind: 'leading-organ', parentId: null, domain: 'government', province: 'hunan' },
    { id: 'hunan-office', name: '共青团湖南省委机关团支部', kind: 'branch', parentId: 'hunan', domain: 'government', province: 'hunan' },
  ],
  members: [...demo.members, ...extraMembers],
  admins: [...demo.admins, ...extraAdmins],
};

const everyone = [...TRANSFER_DATA.members, ...TRANSFER_DATA.admins];

function fixturePerson(personId: string): Row {
  const p = everyone.find((r) => r.id === personId);
  if (!p) throw new Error(`no fixture person ${personId}`);
  return p;
}

export function idOf(personId: string): string {
  return fixturePerson(personId).idNumber;
}

export function nameOf(personId: string): string {
  return fixturePerson(personId).name;
}

/** Hands out a fresh graduate of a branch each time, so tests never share a member. */
export function members(): (branch: 'cs2201' | 'cs2202' | 'ee2201' | 'jt2101') => string {
  const used = new Map<string, number>();
  const full = { cs2201: 'chutian-cs-2201', cs2202: 'chutian-cs-2202', ee2201: 'chutian-ee-2201', jt2101: 'jianghan-tech-cs-2101' };
  return (branch) => {
    const next = (used.get(branch) ?? 0) + 1;
    if (next > 30) throw new Error(`fixture ran out of ${branch} members`);
    used.set(branch, next);
    return `x-${full[branch]}-${next}`;
  };
}

/** Logged-in tokens by person id. */
export function tokens(t: TestApp): (personId: string) => Promise<string> {
  return (personId) => t.login(idOf(personId));
}

/** Raw database reads the API does not expose (rows, retention ledger). */
export async function rows<T = Record<string, unknown>>(t: TestApp, sql: string, params: unknown[] = []): Promise<T[]> {
  const db = t.app.get(Database);
  const type = db.dataSource.options.type;
  // Write portable `?` placeholders in tests; PostgreSQL wants $1, $2, …
  let i = 0;
  const text = type === 'postgres' ? sql.replace(/\?/g, () => `$${++i}`) : sql;
  return db.dataSource.query(text, params);
}

export const ANSWERS = {
  employedWithOrg: { destination: 'employed', employerHasLeagueOrg: true },
  employedNoOrg: { destination: 'employed', employerHasLeagueOrg: false },
  furtherStudy: { destination: 'further-study', admittedSchoolOrgReady: true },
  military: { destination: 'military' },
  unplacedRetain: (months = 1) => ({ destination: 'unplaced', unplacedPlan: 'retain-at-school', monthsSinceGraduation: months }),
  unplacedHome: { destination: 'unplaced', unplacedPlan: 'transfer-home' },
  studyAbroad: { destination: 'study-abroad' },
  delayed: { destination: 'delayed-graduation' },
  suspended: { destination: 'suspended' },
} as const;

/** Requests as a named person. */
export function client(t: TestApp) {
  const tok = tokens(t);
  return {
    tok,
    start: async (who: string, body: unknown) => t.request('POST', '/transfers', { token: await tok(who), body }),
    /** A receiving admin pulls a member in, naming them by ID number and name (发起转入). */
    pullIn: async (who: string, memberId: string, body: Record<string, unknown>) =>
      t.request('POST', '/transfers', { token: await tok(who), body: { memberIdNumber: idOf(memberId), memberName: nameOf(memberId), ...body } }),
    act: async (who: string, id: string, step: 'approve' | 'reject' | 'withdraw' | 'assign', body: unknown = {}) =>
      t.request('POST', `/transfers/${id}/${step}`, { token: await tok(who), body }),
    get: async (who: string, url: string) => t.request('GET', url, { token: await tok(who) }),
    /** The member's branch and place, as they see it themselves. */
    placeOf: async (memberId: string) => {
      const me = await t.request('GET', '/me', { token: await tok(memberId) });
      return { orgId: me.body.member.orgId as string, place: me.body.member.place as string };
    },
  };
}
