import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { Me, OrgRef } from '@xianjie/contract'
import { api } from '../api'
import { useParams } from '../nav'
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

type OrgPick = (me: Me, orgId: string | undefined) => Promise<OrgRef | null>

/**
 * The org a watcher's list page works on. On its first show the person and the link's `orgId`
 * choose it — `openedOrg`, or the page's own `pick`, which may also note what else the page needs
 * of the person — inside the page's `load` action (its busy line and error banner); then `show(org)`
 * loads the page's rows, on that show and on every later one (back from a detail, fresh).
 */
export function useOpenedOrg(
  load: { run: <T>(fn: () => Promise<T>) => Promise<T | undefined> },
  show: (org: OrgRef) => Promise<unknown>,
  pick: OrgPick = openedOrg,
): OrgRef | null {
  const params = useParams()
  const [org, setOrg] = useState<OrgRef | null>(null)
  useDidShow(() => {
    void (async () => {
      let target = org
      if (!target) {
        target = (await load.run(async () => pick(await api.me(), params.orgId))) ?? null
        if (!target) return
        setOrg(target)
      }
      await show(target)
    })()
  })
  return org
}
