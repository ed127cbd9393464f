import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { Database } from '../src/database/database.service';
import { Membership } from '../src/members/membership.entity';
import { testDatabases } from './databases';
import { person, TestApp } from './harness';
import { useTestApp } from './use-test-app';
import { handMadeToken } from './tokens';
import { members, TRANSFER_DATA } from './transfers-fixture';

/**
 * Every route × every demo role (README's login table) plus callers with no or bad tokens.
 * The routes come from Nest's own metadata, so a new route without a row here fails the test.
 * "Refused" is 401, 403 or 404; anything else (2xx, 400, 409, 422…) got past authorisation.
 */
const ROLES = {
  graduate: 'm-cs2201-1', // 李明
  graduate2: 'm-cs2201-2', // 王芳
  college: 'a-chutian-cs', // 王老师, outgoing college admin
  secretary: 'a-cs2201-secretary', // 许同学
  school: 'a-chutian', // 林书记
  receiving: 'a-dongfeng', // 马书记
  township: 'a-guanshan', // 宋书记
  reviewer: 'a-hubei-reviewer', // 邓老师
  counsellor: 'a-cs-counsellor', // 陈老师
} as const;
type Role = keyof typeof ROLES;
const BAD_TOKENS = ['no token', 'expired', 'forged', 'no sub', 'no exp'] as const;
type Caller = Role | (typeof BAD_TOKENS)[number];

const EVERY_ROLE = Object.keys(ROLES) as Role[];
const SCHOOL_ADMINS: Role[] = ['college', 'secretary', 'school'];
const ADMINS: Role[] = ['college', 'secretary', 'school', 'receiving', 'township'];
const WATCHERS: Role[] = ['college', 'school', 'counsellor'];

/** Ids the beforeAll creates, for routes that need something to act on. */
interface Fixture {
  transferId: string;
  /** A transfer just started for a graduate of its own, still waiting for the college: each caller of a step route gets a new one. */
  fresh: string;
  requestId: string;
  reminderToken: string;
  reminderCode: string;
}

interface Rule {
  /** Who gets past authorisation; 'public' = everyone, bad tokens included. */
  allow: Role[] | 'public';
  path?: (f: Fixture) => string;
  /** A function when the body names something the beforeAll made. */
  body?: unknown;
  fresh?: boolean;
}
const rule = (allow: Rule['allow'], path?: Rule['path'], body?: unknown): Rule => ({ allow, path, body });
/** A step on a transfer: every caller meets it in the same state (waiting for the outgoing college). */
const step = (allow: Role[], name: string, body: unknown = {}): Rule => ({ allow, path: (f) => `/transfers/${f.fresh}/${name}`, body, fresh: true });

/** One row per route: `'METHOD /path'` → who may. Adding a route is adding a line. */
const MATRIX: Record<string, Rule> = {
  'GET /health': rule('public'),
  'GET /health/ready': rule('public'),
  'POST /auth/login': rule('public', undefined, { idNumber: '110101199003077777', password: 'Whatever-1' }),
  'POST /auth/forgot-password': rule('public', undefined, { idNumber: person('m-cs2201-3').idNumber, name: person('m-cs2201-3').name }),
  'POST /auth/change-password': rule(EVERY_ROLE, undefined, { oldPassword: 'not-the-password', newPassword: 'Tz#river-2026' }),
  'POST /auth/wechat-bind': rule(EVERY_ROLE, undefined, { code: 'wx-code-123' }),
  'GET /me': rule(EVERY_ROLE),
  'PUT /me/phone': rule(EVERY_ROLE, undefined, { phone: 'not-a-phone' }),
  'GET /me/destination': rule(EVERY_ROLE),
  'PUT /me/destination': rule(EVERY_ROLE, undefined, { destination: 'no-such-destination' }),
  // Anyone logged in may try; only a member kept abroad gets past NOT_KEPT_ABROAD.
  'POST /me/abroad-reports': rule(EVERY_ROLE, undefined, { note: '一切顺利，按时报告' }),
  'GET /orgs': rule(EVERY_ROLE),
  'GET /orgs/:id': rule(EVERY_ROLE, () => '/orgs/chutian-cs-2201'),
  'GET /orgs/:id/destinations': rule([...WATCHERS, 'secretary'], () => '/orgs/chutian-cs-2201/destinations'),
  'GET /orgs/:id/graduation-marks': rule(WATCHERS, () => '/orgs/chutian-cs/graduation-marks'),
  'POST /orgs/:id/graduation-marks': rule(['college', 'school'], () => '/orgs/chutian-cs/graduation-marks', { branchIds: ['chutian-cs-staff'], noGraduationReason: '教工团支部' }),
  // Admins over a school (contract): counsellors watch progress but do not get the statistics table.
  'GET /orgs/:id/statistics': rule(['college', 'school'], () => '/orgs/chutian-cs/statistics'),
  'POST /orgs/:id/statistics/filing': rule(['school'], () => '/orgs/chutian/statistics/filing'),
  'GET /orgs/:id/retention': rule(WATCHERS, () => '/orgs/chutian-cs/retention'),
  'GET /orgs/:id/abroad-report-interval': rule(WATCHERS, () => '/orgs/chutian-cs/abroad-report-interval'),
  'PUT /orgs/:id/abroad-report-interval': rule(['college', 'school'], () => '/orgs/chutian-cs/abroad-report-interval', { months: 6 }),
  'DELETE /orgs/:id': rule(['college', 'school'], () => '/orgs/chutian-cs-2202'),
  'GET /orgs/:id/campaign': rule(WATCHERS, () => '/orgs/chutian-cs/campaign'),
  'PUT /orgs/:id/campaign': rule(['college', 'school'], () => '/orgs/chutian-cs/campaign', { startedBy: '2026-07-15' }),
  'GET /orgs/:id/progress': rule(WATCHERS, () => '/orgs/chutian-cs/progress'),
  'GET /orgs/:id/not-started': rule(WATCHERS, () => '/orgs/chutian-cs/not-started'),
  'GET /orgs/:id/special-unit': rule([...WATCHERS, 'reviewer'], () => '/orgs/chutian-cs/special-unit'),
  // The college and the school over it; the branch secretary's own branch answers canMove: false (see unplaced-move.e2e-spec).
  'GET /orgs/:id/unplaced-move': rule(['college', 'school'], () => '/orgs/chutian-cs/unplaced-move'),
  'POST /orgs/:id/unplaced-move': rule(['college', 'school'], () => '/orgs/chutian-cs/unplaced-move', { branchId: 'chutian-floating', memberIds: ['m-cs2201-1'] }),
  // Reported by the org's own admin to the level above.
  'POST /orgs/:id/township-correction': rule(['township'], () => '/orgs/guanshan/township-correction', { isTownship: false, reason: '该组织实际不是乡镇街道团委，请更正' }),
  // Lists answer everyone, each scoped to the caller (empty outside any scope).
  'GET /members': rule(EVERY_ROLE),
  'GET /requests': rule(EVERY_ROLE),
  'GET /transfers': rule(EVERY_ROLE),
  // A member's card: admins and counsellors over the member's branch (the full phone only to those over the current one).
  'GET /members/:id': rule([...SCHOOL_ADMINS, 'counsellor'], () => '/members/m-cs2201-2'),
  'POST /members/:id/reset-password': rule(SCHOOL_ADMINS, () => '/members/m-cs2201-6/reset-password'),
  'POST /members/:id/deletion-request': rule(SCHOOL_ADMINS, () => '/members/m-cs2201-5/deletion-request', { reason: '非团员误录', isPartyMember: false }),
  // The graduate's own history. The township receives the fixture transfer, but it still waits
  // for the college: the receiving side is no party until it reaches them (#10 item 4).
  'GET /members/:id/transfers': rule(['graduate', ...SCHOOL_ADMINS, 'counsellor'], () => '/members/m-cs2201-1/transfers'),
  // The secretary's request goes to the school above the college.
  // A deletion request moves on: the school approves it at its stage, then it waits for the
  // provincial committee, whose reviewer decides it (reject after that meets it decided, not refused).
  'POST /requests/:id/approve': rule(['school', 'reviewer'], (f) => `/requests/${f.requestId}/approve`, {}),
  'POST /requests/:id/reject': rule(['reviewer'], (f) => `/requests/${f.requestId}/reject`, {}),
  // Passing a township correction up: the admins of the org it waits for. The fixture request now waits for the
  // provincial committee, which no demo role administers (its reviewer reviews, it does not pass things up).
  'POST /requests/:id/forward': rule([], (f) => `/requests/${f.requestId}/forward`, {}),
  'POST /admin/import': rule(ADMINS, undefined, { orgs: [], members: [], admins: [] }),
  'GET /admin/import/template': rule(ADMINS),
  // Without memberId a start is for oneself, which anyone logged in may try.
  'POST /transfers': rule(EVERY_ROLE, undefined, { answers: { destination: 'employed', employerHasLeagueOrg: false }, targetOrgId: 'guanshan-transition' }),
  'GET /transfers/:id': rule(['graduate', ...SCHOOL_ADMINS, 'counsellor'], (f) => `/transfers/${f.transferId}`),
  'POST /transfers/:id/approve': step(SCHOOL_ADMINS, 'approve'),
  'POST /transfers/:id/reject': step(SCHOOL_ADMINS, 'reject', { reason: '材料不全' }),
  // Only the starter (the school admin started the fresh ones).
  'POST /transfers/:id/withdraw': step(['school'], 'withdraw'),
  // 修改申请: the starter or the member only; the college over it meets NOT_YOUR_STEP.
  'PATCH /transfers/:id': { allow: ['school'], path: (f) => `/transfers/${f.fresh}`, body: { remarks: '改备注' }, fresh: true },
  'POST /transfers/:id/modify': step(['school'], 'modify', { remarks: '改备注' }),
  // 发起转入, looking the member up by ID number and name: any org-admin (throttled per caller).
  'POST /transfers/pull-in/lookup': rule(ADMINS, undefined, { memberIdNumber: person('m-cs2201-3').idNumber, memberName: person('m-cs2201-3').name }),
  // 批量转入 and its template: any org-admin (a JSON body is refused with 400 once the caller is one).
  'POST /transfers/pull-in/batch': rule(ADMINS, undefined, {}),
  'GET /transfers/pull-in/template': rule(ADMINS),
  // The new-students waiting list answers everyone, scoped (empty outside an admin's subtree).
  'GET /transfers/pull-in/waiting': rule(EVERY_ROLE),
  // Waiting for the college, so every party meets 409 from the lifecycle rather than a refusal.
  'POST /transfers/:id/assign': step([...SCHOOL_ADMINS, 'counsellor'], 'assign', { branchId: 'guanshan-youth-home' }),
  // A township refusal's steps: every party meets 409 on a transfer that is not one; strangers 404.
  'POST /transfers/:id/escalate': step([...SCHOOL_ADMINS, 'counsellor'], 'escalate'),
  'POST /transfers/:id/retain-pending': step([...SCHOOL_ADMINS, 'counsellor'], 'retain-pending', { until: '2026-09-01' }),
  'POST /reminders': rule([...SCHOOL_ADMINS, 'counsellor'], undefined, { memberIds: ['m-cs2201-4'] }),
  'GET /reminders': rule(['college', 'secretary', 'school', 'receiving', 'township', 'counsellor']),
  'GET /reminders/summary': rule(['college', 'secretary', 'school', 'receiving', 'township', 'counsellor']),
  'GET /reminders/:token': rule(['graduate'], (f) => `/reminders/${f.reminderToken}`),
  // The 小程序码's short code: the same landing, for the same graduate.
  'GET /reminders/s/:code': rule(['graduate'], (f) => `/reminders/s/${f.reminderCode}`),
  // Only the counsellor who made the link draws its code (here without WeChat credentials: `configured: false`).
  'POST /reminders/wxacode': rule(['counsellor'], undefined, (f: Fixture) => ({ code: f.reminderCode })),
};

const VERBS: Record<number, string> = {
  [RequestMethod.GET]: 'GET', [RequestMethod.POST]: 'POST', [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH', [RequestMethod.DELETE]: 'DELETE',
};

/** `METHOD /path` of every handler of every controller the app has, read from Nest's metadata. */
function routesOf(t: TestApp): string[] {
  const routes: string[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...a: unknown[]) => unknown) | null;
      if (!type) continue;
      const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, handler)) continue;
        const verb = VERBS[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        for (const b of base) {
          for (const p of ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '')) {
            routes.push(`${verb} /${[b, p].map((s) => s.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`);
          }
        }
      }
    }
  }
  return [...new Set(routes)].sort();
}

/** An authorisation refusal, as opposed to an answer (a 401 for wrong credentials is an answer). */
const refused = (res: { status: number; body: { code?: string } | null }) =>
  res.status === 403 || res.status === 404 || (res.status === 401 && res.body?.code === 'UNAUTHENTICATED');

// Real databases on a shared 2-core machine: migrations and argon2 need more than jest's 5 s.
jest.setTimeout(120_000);

describe.each(testDatabases().map((d) => [d.name, d] as const))('access matrix on %s', (_name, db) => {
  const t = useTestApp(db, { seed: TRANSFER_DATA });
  const tokens = new Map<Caller, string | undefined>();
  const fixture = {} as Fixture;

  beforeAll(async () => {
    for (const [role, id] of Object.entries(ROLES)) tokens.set(role as Role, await t.login(person(id).idNumber));
    const real = JSON.parse(Buffer.from(tokens.get('graduate')!.split('.')[1], 'base64url').toString('utf8'));
    const secret = t.config.tokenSecret;
    const { sub: _sub, ...noSub } = real;
    const { exp: _exp, ...noExp } = real;
    tokens.set('no token', undefined);
    tokens.set('expired', handMadeToken({ ...real, iat: real.iat - 7200, exp: Math.floor(Date.now() / 1000) - 60 }, secret));
    tokens.set('forged', handMadeToken(real, 'not-the-secret-'.repeat(3)));
    tokens.set('no sub', handMadeToken(noSub, secret));
    tokens.set('no exp', handMadeToken(noExp, secret));

    const as = (role: Role) => ({ token: tokens.get(role) });
    const started = await t.request('POST', '/transfers', { ...as('graduate'), body: MATRIX['POST /transfers'].body });
    if (started.status !== 201) throw new Error(`fixture transfer: ${started.status} ${JSON.stringify(started.body)}`);
    fixture.transferId = started.body.id;
    // Only a record marked as a wrongly entered non-member may be asked to be deleted.
    await t.app.get(Database).manager.update(Membership, { personId: 'm-cs2201-6' }, { isLeagueMember: false });
    const request = await t.request('POST', '/members/m-cs2201-6/deletion-request', { ...as('secretary'), body: { reason: '非团员误录', isPartyMember: false } });
    if (request.status !== 201) throw new Error(`fixture request: ${request.status} ${JSON.stringify(request.body)}`);
    fixture.requestId = request.body.id;
    const reminders = await t.request('POST', '/reminders', { ...as('counsellor'), body: { memberIds: ['m-cs2201-1'] } });
    if (reminders.status !== 201) throw new Error(`fixture reminder: ${reminders.status} ${JSON.stringify(reminders.body)}`);
    fixture.reminderToken = reminders.body[0].token;
    fixture.reminderCode = reminders.body[0].code;
  });
  const nextGraduate = members();
  const startFresh = async (): Promise<string> => {
    const res = await t.request('POST', '/transfers', {
      token: tokens.get('school'),
      body: { memberId: nextGraduate('cs2201'), answers: { destination: 'employed', employerHasLeagueOrg: false }, targetOrgId: 'guanshan-transition' },
    });
    if (res.status !== 201) throw new Error(`fresh transfer: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };

  it('has exactly one row per route the app serves', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(routesOf(t));
  });

  it('lets exactly the allowed callers through, route by route', async () => {
    const callers: Caller[] = [...BAD_TOKENS, ...EVERY_ROLE];
    const seen: Record<string, Caller[]> = {};
    const expected: Record<string, Caller[]> = {};
    for (const [route, r] of Object.entries(MATRIX)) {
      const [method, template] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
      seen[route] = [];
      expected[route] = r.allow === 'public' ? callers : callers.filter((c) => (r.allow as Caller[]).includes(c));
      for (const caller of callers) {
        // A refused caller changed nothing, so the next one may meet the same transfer.
        if (r.fresh && !fixture.fresh) fixture.fresh = await startFresh();
        const res = await t.request(method, r.path ? r.path(fixture) : template, { token: tokens.get(caller), body: typeof r.body === 'function' ? r.body(fixture) : r.body });
        if (!refused(res)) {
          seen[route].push(caller);
          fixture.fresh = '';
        }
        if (process.env.XJ_MATRIX_DEBUG && route.includes(process.env.XJ_MATRIX_DEBUG)) console.log(route, caller, res.status, res.body?.code);
        if (res.status >= 500) throw new Error(`${route} as ${caller}: ${res.status}`);
      }
    }
    if (process.env.XJ_MATRIX_DEBUG) console.log(JSON.stringify(Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, v.join(',')])), null, 1));
    expect(seen).toEqual(expected);
  });
});
