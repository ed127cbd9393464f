import { View, Button } from '@tarojs/components'
import type { Me } from '@xianjie/contract'
import { zh } from '../i18n/zh'
import { nav, ROUTES, type Route } from '../nav'
import { hasInbox, isOrgAdmin, reviewedOrgs, watchesSchool } from '../roles'

interface Entry {
  key: string
  label: string
  hint: string
  route: Route
  query?: Record<string, string>
}

/** What an admin's or counsellor's roles let them do, each an entry into that work. */
export function workEntries(me: Me): Entry[] {
  const roles = me.roles
  const admin = isOrgAdmin(roles)
  const w = zh.home.work
  const entries: Entry[] = []
  if (hasInbox(roles)) entries.push({ key: 'inbox', label: zh.home.admin, hint: admin ? w.inbox : w.provincial, route: ROUTES.adminInbox })
  if (watchesSchool(roles)) entries.push({ key: 'campaign', label: zh.home.campaign, hint: w.campaign, route: ROUTES.adminCampaign })
  if (admin) entries.push({ key: 'reset', label: zh.home.reset, hint: w.reset, route: ROUTES.adminReset })
  // A provincial reviewer decides the deletion requests a school committee passed on.
  const province = reviewedOrgs(roles)[0]
  if (admin || province) entries.push({ key: 'requests', label: zh.home.requests, hint: admin ? w.requests : w.requestsProvincial, route: ROUTES.adminRequests })
  // The province's special-unit library; schools and colleges open theirs from 转接进度's 特殊单位 count.
  if (province) entries.push({ key: 'special-unit', label: zh.home.specialUnit, hint: w.specialUnit, route: ROUTES.adminSpecialUnit, query: { orgId: province.id } })
  if (admin) entries.push({ key: 'import', label: zh.home.importRoster, hint: w.importRoster, route: ROUTES.adminImport })
  return entries
}

/** 你可以办理: the home page's card for admins and counsellors (a member's own transfer comes first when they have one). */
export function WorkEntries({ me }: { me: Me }) {
  const entries = workEntries(me)
  if (!entries.length) return null
  return (
    <View className="card work-entries">
      <View className="card-title">{zh.home.workTitle}</View>
      {entries.map((e, i) => (
        <View key={e.key} className="work-entry">
          <Button className={`btn${i === 0 ? ' btn-primary' : ''}`} onClick={() => (e.query ? nav.to(e.route, e.query) : nav.to(e.route))}>{e.label}</Button>
          <View className="muted small work-hint">{e.hint}</View>
        </View>
      ))}
    </View>
  )
}
