import { useCallback, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import type { Me, OrgRef, SpecialUnitRow, SpecialUnitState } from '@xianjie/contract'
import { answerLabel, currentCampaignYear } from '@xianjie/rules'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { LoadMore } from '../../components/LoadMore'
import { useAction } from '../../hooks/useAction'
import { usePages } from '../../hooks/usePages'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import { ORG_SEPARATOR } from '../../org-label'
import { reviewedOrgs } from '../../roles'
import { openedOrg, useOpenedOrg } from '../watched-org'
import '../admin.scss'

const PAGE_SIZE = 200

/**
 * The graduating branch named from below the org on screen: a province's list says which school
 * and college. Each name is kept whole on its line (no "计算机220 / 1班").
 */
function BranchBelow({ row: r, org }: { row: SpecialUnitRow; org: OrgRef | null }) {
  const at = org ? r.graduatingOrgPath.findIndex((p) => p.id === org.id) : -1
  const below = at >= 0 ? r.graduatingOrgPath.slice(at + 1).map((p) => p.name) : []
  const names = below.length ? below : [r.graduatingOrgName]
  return (
    <>
      {names.map((name, i) => (
        <Text key={`${i}-${name}`}>{i ? ORG_SEPARATOR : ''}<Text className="org-seg">{name}</Text></Text>
      ))}
    </>
  )
}
type Filter = SpecialUnitState | ''
const FILTERS: Filter[] = ['', 'pending', 'library']
type Counts = Record<SpecialUnitState, number>

/**
 * The org the list opens on: the one the link names, else the first the person watches (转接进度's
 * orgs), else the province they review — a provincial reviewer watches none.
 */
async function listedOrg(me: Me, orgId: string | undefined): Promise<OrgRef | null> {
  const reviewed = reviewedOrgs(me.roles)
  const own = orgId ? reviewed.find((o) => o.id === orgId) : undefined
  return own ?? (await openedOrg(me, orgId)) ?? reviewed[0] ?? null
}

/** The state whose count the chips still need beside the list shown: the two states make up 全部. */
const otherOf = (filter: Filter): SpecialUnitState => (filter === 'pending' ? 'library' : 'pending')

/** Each state's total from the list shown (`filter`) and the other state's count. */
function countsOf(filter: Filter, shown: number, other: number): Counts {
  if (filter === 'pending') return { pending: shown, library: other }
  if (filter === 'library') return { pending: other, library: shown }
  return { pending: other, library: Math.max(0, shown - other) }
}

/**
 * 特殊单位专属库: who of an org's cohort went to the military or a classified employer — no org is
 * named for them — those still with the provincial committee first, then the library 转接进度's
 * 特殊单位 count is made of. For the school, its colleges and counsellors, and the province's reviewers.
 */
export default function SpecialUnitPage() {
  const params = useParams()
  const [reviewer, setReviewer] = useState(false)
  const [filter, setFilter] = useState<Filter>('')
  const [counts, setCounts] = useState<Counts | null>(null)
  const list = usePages<SpecialUnitRow>((r) => r.transferId)
  const load = useAction()
  const z = zh.specialUnit
  // 转接进度 passes the year it counted; otherwise this campaign's (the API's default too).
  const [year] = useState(() => Number(params.year) || currentCampaignYear(new Date()))

  const loadRows = useCallback(async (target: OrgRef, next: Filter) => {
    await load.run(async () => {
      // The other state's count rides along as a page of one.
      const [page, other] = await Promise.all([
        api.specialUnit(target.id, { year, state: next || undefined, limit: PAGE_SIZE }),
        api.specialUnit(target.id, { year, state: otherOf(next), limit: 1 }),
      ])
      setCounts(countsOf(next, page.total, other.total))
      list.reset(page)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // On every show: back from a transfer the reviewer approved, it has moved to 已入库.
  const org = useOpenedOrg<OrgRef>(load, (target) => loadRows(target, filter), (me, orgId) => {
    setReviewer(reviewedOrgs(me.roles).length > 0)
    return listedOrg(me, orgId)
  })

  const pick = (next: Filter) => {
    setFilter(next)
    if (org) void loadRows(org, next)
  }
  const loadMore = () => {
    if (org) void list.loadMore((offset) => api.specialUnit(org.id, { year, state: filter || undefined, limit: PAGE_SIZE, offset }))
  }
  const countOf = (f: Filter) => (counts ? (f ? counts[f] : counts.pending + counts.library) : undefined)
  // A reviewer opening one still waiting goes on to the next in their 省级审核 box after deciding it.
  const open = (r: SpecialUnitRow) =>
    nav.to(ROUTES.adminDetail, reviewer && r.state === 'pending' ? { id: r.transferId, box: 'provincial' } : { id: r.transferId })

  return (
    <View className="page special-unit">
      <View className="page-title">{z.title}</View>
      {org ? <View className="muted small">{z.cohort(year, org.name)}</View> : null}
      <View className="muted small special-unit-intro">{z.intro}</View>
      <View className="chips states">
        {FILTERS.map((f) => (
          <View key={f || 'all'} className={`chip${filter === f ? ' chip-active' : ''}`} onClick={() => pick(f)}>
            {z.filter(z.filters[f]!, countOf(f))}
          </View>
        ))}
      </View>
      <ErrorBanner error={load.error} />
      {load.busy && !list.rows.length ? <View className="muted">{zh.common.loading}</View> : null}
      {!load.busy && !load.error && org && list.rows.length === 0 ? <View className="muted">{z.empty[filter]}</View> : null}
      {list.rows.map((r) => (
        <View key={r.transferId} className="list-item special-unit-row" onClick={() => open(r)}>
          <View className="list-item-title">
            {r.name} <Text className="muted small">{r.idNumberMasked}</Text>
            <Text className={`tag ${r.state === 'pending' ? 'tag-warn' : 'tag-ok'}`}>{z.tags[r.state]}</Text>
          </View>
          <View className="list-item-sub"><BranchBelow row={r} org={org} /> · {answerLabel('destination', r.destination) ?? r.destination}</View>
          <View className="list-item-sub">{z.since[r.state]!(formatTime(r.since))}</View>
        </View>
      ))}
      <LoadMore left={list.left} busy={list.more.busy} error={list.more.error} onMore={loadMore} />
      <Button className="btn btn-text" onClick={() => nav.back(reviewer ? ROUTES.home : ROUTES.adminCampaign)}>{zh.campaign.up}</Button>
    </View>
  )
}
