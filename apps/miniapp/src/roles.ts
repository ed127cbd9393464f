import type { OrgRef, RoleGrantView } from '@xianjie/contract'

/** Roles that watch a cohort's progress and send reminders (the API's watchers). */
const WATCHERS = new Set<RoleGrantView['role']>(['counsellor', 'org-admin'])

/** The orgs whose progress a person may watch, each once, in the order of their roles. */
export function watchedOrgs(roles: RoleGrantView[]): OrgRef[] {
  const seen = new Map<string, OrgRef>()
  for (const r of roles) {
    if (WATCHERS.has(r.role) && !seen.has(r.orgId)) seen.set(r.orgId, { id: r.orgId, name: r.orgName ?? r.orgId })
  }
  return [...seen.values()]
}

/** Whether any role is an org's admin (团组织管理员): marking, setting, reporting — not only watching. */
export function isOrgAdmin(roles: RoleGrantView[]): boolean {
  return roles.some((r) => r.role === 'org-admin')
}

/** Whether any role has an approval inbox (counsellors only watch and remind). */
export function hasInbox(roles: RoleGrantView[]): boolean {
  return roles.some((r) => r.role === 'org-admin' || r.role === 'provincial-reviewer')
}
