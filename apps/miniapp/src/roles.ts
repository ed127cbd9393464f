import type { OrgRef, RoleGrantView } from '@xianjie/contract'
import { isSchoolOrg } from './school'

/** Roles that watch a cohort's progress and send reminders (the API's watchers). */
const WATCHERS = new Set<RoleGrantView['role']>(['counsellor', 'org-admin'])

/** The orgs of the roles `pick` keeps, each once, in the order of the roles. */
function orgsOf(roles: RoleGrantView[], pick: (role: RoleGrantView['role']) => boolean): OrgRef[] {
  const seen = new Map<string, OrgRef>()
  for (const r of roles) {
    if (pick(r.role) && !seen.has(r.orgId)) seen.set(r.orgId, { id: r.orgId, name: r.orgName ?? r.orgId })
  }
  return [...seen.values()]
}

/** The orgs whose progress a person may watch. */
export function watchedOrgs(roles: RoleGrantView[]): OrgRef[] {
  return orgsOf(roles, (role) => WATCHERS.has(role))
}

/**
 * Whether any org the person watches (or `orgId`, when given) is a school's (转接进度 and what hangs
 * off it are a school's work), read from the grants themselves: they carry each org's kind and 行业类别.
 */
export function watchesSchool(roles: RoleGrantView[], orgId?: string): boolean {
  return roles.some((r) => WATCHERS.has(r.role) && (orgId === undefined || r.orgId === orgId) && isSchoolOrg({ domain: r.orgDomain, kind: r.orgKind }))
}

/**
 * The org a watcher's pages open on when the link names none: the first school's org they watch
 * (the season's work is a school's), else their first. An employer's admin who also counsels a
 * college lands on the college, not on the employer's "not a school" note.
 */
export function firstWatched(roles: RoleGrantView[]): OrgRef | undefined {
  const mine = watchedOrgs(roles)
  return mine.find((o) => watchesSchool(roles, o.id)) ?? mine[0]
}

/** The provinces whose special-unit transfers a person reviews (省级团委审核). */
export function reviewedOrgs(roles: RoleGrantView[]): OrgRef[] {
  return orgsOf(roles, (role) => role === 'provincial-reviewer')
}

/** Whether any role is an org's admin (团组织管理员): marking, setting, reporting — not only watching. */
export function isOrgAdmin(roles: RoleGrantView[]): boolean {
  return roles.some((r) => r.role === 'org-admin')
}

/** Whether any role has an approval inbox (counsellors only watch and remind). */
export function hasInbox(roles: RoleGrantView[]): boolean {
  return roles.some((r) => r.role === 'org-admin' || r.role === 'provincial-reviewer')
}
