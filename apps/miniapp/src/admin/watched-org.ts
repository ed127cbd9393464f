import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { Me, OrgRef } from '@xianjie/contract'
import { api } from '../api'
import { useParams } from '../nav'
import { firstWatched, watchedOrgs, watchesSchool } from '../roles'
import { isSchoolOrg } from '../school'

/** An org a watcher's list opens on, and whether it is a school's (the season's lists are a school's work). */
export interface OpenedOrg extends OrgRef {
  school: boolean
}

/**
 * The org a watcher's list opens on: the one the link names — one of their own (the grant says
 * whether it is a school's), or one below it that 转接进度 drilled down to (read by id; the API
 * holds the scope) — else their first.
 */
export async function openedOrg(me: Me, orgId: string | undefined): Promise<OpenedOrg | null> {
  const mine = watchedOrgs(me.roles)
  const own = orgId ? mine.find((o) => o.id === orgId) : firstWatched(me.roles)
  if (own) return { ...own, school: watchesSchool(me.roles, own.id) }
  if (!orgId) return null
  const org = await api.org(orgId)
  return { id: org.id, name: org.name, school: isSchoolOrg(org) }
}

type OrgPick<O extends OrgRef> = (me: Me, orgId: string | undefined) => Promise<O | null>

/**
 * The org a watcher's list page works on. On its first show the person and the link's `orgId`
 * choose it — `openedOrg`, or the page's own `pick`, which may also note what else the page needs
 * of the person — inside the page's `load` action (its busy line and error banner); then `show(org)`
 * loads the page's rows, on that show and on every later one (back from a detail, fresh).
 */
export function useOpenedOrg<O extends OrgRef = OpenedOrg>(
  load: { run: <T>(fn: () => Promise<T>) => Promise<T | undefined> },
  show: (org: O) => Promise<unknown>,
  pick: OrgPick<O> = openedOrg as unknown as OrgPick<O>,
): O | null {
  const params = useParams()
  const [org, setOrg] = useState<O | null>(null)
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

/**
 * `useOpenedOrg` for the season's lists, a school's work (floating branch, ledger, 毕业去向, marks):
 * an org outside any school — an employer, a township, reached by a shared link — loads nothing,
 * and the page shows `NotSchoolPage` instead of empty lists.
 */
export function useSchoolOpenedOrg(
  load: { run: <T>(fn: () => Promise<T>) => Promise<T | undefined> },
  show: (org: OpenedOrg) => Promise<unknown>,
  pick: OrgPick<OpenedOrg> = openedOrg,
): OpenedOrg | null {
  return useOpenedOrg<OpenedOrg>(load, (org) => (org.school ? show(org) : Promise.resolve()), pick)
}
