import type { Me, OrgRef } from '@xianjie/contract'
import { api } from '../api'
import { watchedOrgs } from '../roles'

/**
 * The org a watcher's list opens on: the one the link names — one of their own, or one below it
 * that 转接进度 drilled down to (read by id; the API holds the scope) — else their first.
 */
export async function openedOrg(me: Me, orgId: string | undefined): Promise<OrgRef | null> {
  const mine = watchedOrgs(me.roles)
  if (!orgId) return mine[0] ?? null
  const own = mine.find((o) => o.id === orgId)
  if (own) return own
  const org = await api.org(orgId)
  return { id: org.id, name: org.name }
}
