import { useCallback, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import type { DestinationRow, DestinationState, OrgRef } from '@xianjie/contract'
import { answerLabel, beijingDateString } from '@xianjie/rules'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { LoadMore } from '../../components/LoadMore'
import { useAction } from '../../hooks/useAction'
import { usePages } from '../../hooks/usePages'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import { useSchoolOpenedOrg } from '../watched-org'
import { NotSchoolPage } from '../NotSchoolPage'
import '../admin.scss'

const PAGE_SIZE = 50
const FILTERS: (DestinationState | '')[] = ['', 'missing', 'reported']
/** The cohort the school collects for: the Beijing calendar year (before June 1 and after). */
const cohortYear = () => Number(beijingDateString(new Date()).slice(0, 4))

/**
 * 毕业去向汇总: this year's graduating cohort under the org and the destination each reported in
 * advance (ID masked) — the school plans its transfers from it, and sees who has not reported yet.
 */
export default function DestinationsPage() {
  const [state, setState] = useState<DestinationState | ''>('')
  const list = usePages<DestinationRow>((r) => r.memberId)
  const load = useAction()
  const z = zh.destinations
  const [year] = useState(cohortYear)

  const loadRows = useCallback(async (target: OrgRef, filter: DestinationState | '') => {
    await load.run(async () => list.reset(await api.destinations(target.id, { year, state: filter || undefined, limit: PAGE_SIZE })))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const org = useSchoolOpenedOrg(load, (target) => loadRows(target, state))

  const filter = (next: DestinationState | '') => {
    setState(next)
    if (org) void loadRows(org, next)
  }
  const loadMore = () => {
    if (org) void list.loadMore((offset) => api.destinations(org.id, { year, state: state || undefined, limit: PAGE_SIZE, offset }))
  }

  if (org && !org.school) return <NotSchoolPage className="destinations" title={z.title(year)} org={org} />
  return (
    <View className="page destinations">
      <View className="page-title">{z.title(year)}</View>
      {org ? <View className="muted small">{org.name} · {z.count(list.total)}</View> : null}
      <View className="muted small">{z.intro}</View>
      {list.rows.some((r) => r.homeWithheld) ? <View className="muted small">{z.homeWithheld}</View> : null}
      <View className="chips chips-row">
        {FILTERS.map((f) => (
          <View key={f || 'all'} className={`chip${state === f ? ' chip-active' : ''}`} onClick={() => filter(f)}>{z.filters[f]}</View>
        ))}
      </View>
      <ErrorBanner error={load.error} />
      {load.busy && !list.rows.length ? <View className="muted">{zh.common.loading}</View> : null}
      {!load.busy && org && list.rows.length === 0 ? <View className="muted">{z.empty}</View> : null}
      {list.rows.map((r) => (
        <View key={r.memberId} className="list-item destination-row" onClick={() => nav.to(ROUTES.adminMember, { id: r.memberId })}>
          <View className="list-item-title">
            {r.name} <Text className="muted small">{r.idNumberMasked}</Text>
            {r.destination ? null : <Text className="tag tag-warn">{z.missing}</Text>}
          </View>
          <View className="list-item-sub">{r.orgName}</View>
          {r.destination ? (
            <>
              <View className="list-item-sub">
                {[answerLabel('destination', r.destination), r.destinationDetail ? z.details[r.destinationDetail] : null, r.organisationName].filter(Boolean).join(' · ')}
              </View>
              {r.organisationAddress ? <View className="list-item-sub">{z.address(r.organisationAddress)}</View> : null}
              {r.organisationTownship ? <View className="list-item-sub">{z.township(r.organisationTownship)}</View> : null}
              {r.householdRegistration || r.residence ? (
                <View className="list-item-sub">{[r.householdRegistration && z.household(r.householdRegistration), r.residence && z.residence(r.residence)].filter(Boolean).join(' · ')}</View>
              ) : null}
              {r.updatedAt ? <View className="list-item-sub muted">{z.updatedAt(formatTime(r.updatedAt))}</View> : null}
            </>
          ) : null}
        </View>
      ))}
      <LoadMore left={list.left} busy={list.more.busy} error={list.more.error} onMore={loadMore} />
      <Button className="btn btn-text" onClick={() => nav.back(ROUTES.adminCampaign)}>{zh.campaign.up}</Button>
    </View>
  )
}
