import { useRef, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import {
  NOT_STARTED_DESTINATIONS, type NotStartedDestination, type NotStartedGraduate, type OrgRef, type UnplacedMoveResult, type UnplacedMoveView,
} from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { LoadMore } from '../../components/LoadMore'
import { useAction } from '../../hooks/useAction'
import { useMemberPhone } from '../../hooks/useMemberPhone'
import { usePages } from '../../hooks/usePages'
import { zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import { useSchoolOpenedOrg } from '../watched-org'
import { NotSchoolPage } from '../NotSchoolPage'
import { BranchChooser } from './BranchChooser'
import { GraduatePick } from './GraduatePick'
import { MoveResultCard } from './MoveResultCard'
import { batches, mergeResults } from './moves'
import '../admin.scss'

/** A page of the list is one move's worth (UNPLACED_MOVE_MAX): the API takes at most that many at once. */
const PAGE_SIZE = 200

/**
 * 未落实去向转入流动团员团支部 (domain §7): from August 1 the college or school committee moves
 * its graduates who are still unplaced and have not started a transfer into the school's floating
 * branch — each one a retention transfer it approves itself, recorded in the ledger. Those who
 * reported 未落实 come ticked; those who reported nothing are listed apart, to be checked first.
 * A branch secretary sees the same lists without the move.
 */
export default function UnplacedPage() {
  const [view, setView] = useState<UnplacedMoveView | null>(null)
  const [tab, setTab] = useState<NotStartedDestination>('unplaced')
  const lists: Record<NotStartedDestination, ReturnType<typeof usePages<NotStartedGraduate>>> = {
    unplaced: usePages<NotStartedGraduate>((g) => g.id),
    unreported: usePages<NotStartedGraduate>((g) => g.id),
  }
  const [selected, setSelected] = useState<Set<string>>(new Set())
  /** Reported-unplaced rows already ticked once for the person: an untick of theirs stays. */
  const offered = useRef(new Set<string>())
  const [branchId, setBranchId] = useState('')
  const [formError, setFormError] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [outcome, setOutcome] = useState<{ result: UnplacedMoveResult; branchName: string } | null>(null)
  const load = useAction()
  const moving = useAction()
  const phone = useMemberPhone()
  const z = zh.unplaced

  const offer = (rows: NotStartedGraduate[]) => {
    const fresh = rows.filter((g) => !offered.current.has(g.id)).map((g) => g.id)
    if (!fresh.length) return
    for (const id of fresh) offered.current.add(id)
    setSelected((s) => new Set([...s, ...fresh]))
  }
  const page = (target: OrgRef, destination: NotStartedDestination, offset?: number) =>
    api.notStarted(target.id, { destination, limit: PAGE_SIZE, offset })

  const refresh = (target: OrgRef) => load.run(async () => {
    const [v, unplaced, unreported] = await Promise.all([api.unplacedMove(target.id), page(target, 'unplaced'), page(target, 'unreported')])
    setView(v)
    setBranchId((chosen) => (v.branches.some((b) => b.id === chosen) ? chosen : v.suggestedBranchId ?? ''))
    lists.unplaced.reset(unplaced)
    lists.unreported.reset(unreported)
    // Only who is on the screen is moved: whoever left the lists (moved, started meanwhile) leaves the choice too.
    const shown = new Set([...unplaced.items, ...unreported.items].map((g) => g.id))
    setSelected((s) => new Set([...s].filter((id) => shown.has(id))))
    offered.current = new Set([...offered.current].filter((id) => shown.has(id)))
    if (v.canMove) offer(unplaced.items)
  })

  const org = useSchoolOpenedOrg(load, refresh)

  const canMove = !!view?.canMove
  const rows = lists[tab].rows
  const allPicked = rows.length > 0 && rows.every((g) => selected.has(g.id))
  const pickedIn = (t: NotStartedDestination) => lists[t].rows.filter((g) => selected.has(g.id)).length
  const branch = view?.branches.find((b) => b.id === branchId)
  const actionable = !!view?.open && !!view.branches.length

  const changed = () => {
    setFormError('')
    setConfirming(false)
  }
  const toggle = (id: string) => {
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
    changed()
  }
  const pickAll = () => {
    setSelected((s) => {
      const next = new Set(s)
      for (const g of rows) {
        if (allPicked) next.delete(g.id)
        else next.add(g.id)
      }
      return next
    })
    changed()
  }
  const loadMore = () => {
    if (!org) return
    const which = tab
    void lists[which].loadMore(async (offset) => {
      const more = await page(org, which, offset)
      if (which === 'unplaced' && canMove) offer(more.items)
      return more
    })
  }

  /** Checked on the phone first; the API checks again (who may move, from when, which branch). */
  const ask = () => {
    if (!actionable) return
    if (!branch) return setFormError(z.pickBranch)
    if (!selected.size) return setFormError(z.pickSome)
    setFormError('')
    setConfirming(true)
  }
  const submit = async () => {
    if (!org || !view || !branch) return
    // In list order, whichever tab each was ticked on.
    const ids = [...lists.unplaced.rows, ...lists.unreported.rows].filter((g) => selected.has(g.id)).map((g) => g.id)
    const so = { far: null as UnplacedMoveResult | null }
    setConfirming(false)
    setOutcome(null)
    setProgress({ done: 0, total: ids.length })
    await moving.run(async () => {
      for (const batch of batches(ids)) {
        const answer = await api.moveUnplaced(org.id, { year: view.year, branchId: branch.id, memberIds: batch })
        so.far = mergeResults(so.far, answer)
        setOutcome({ result: so.far, branchName: branch.name })
        setProgress({ done: so.far.total, total: ids.length })
      }
    })
    setProgress(null)
    const answered = new Set((so.far?.rows ?? []).map((r) => r.memberId))
    setSelected((s) => new Set([...s].filter((id) => !answered.has(id))))
    if (so.far) Taro.pageScrollTo({ selector: '#move-result', duration: 200 }).catch(() => undefined)
    await refresh(org)
  }

  if (org && !org.school) return <NotSchoolPage className="unplaced" title={z.title} org={org} />
  return (
    <View className="page unplaced has-sticky-actions">
      <View className="page-title">{z.title}</View>
      {view && org ? (
        <View className="card unplaced-head">
          <View className="muted small">{z.year(view.year)} · {org.name}</View>
          <View className="card-title">{z.headline}</View>
          <View className="unplaced-counts">{z.counts(view.reportedUnplaced, view.unreported)}</View>
          <View className="muted small">{z.intro}</View>
        </View>
      ) : null}
      <ErrorBanner error={load.error} />
      {load.busy && !view ? <View className="muted">{zh.common.loading}</View> : null}
      {view && !view.open ? <View className="notice">{z.notOpen(view.opensOn)}</View> : null}
      {view && !canMove ? <View className="notice">{z.viewOnly}</View> : null}
      {outcome ? <MoveResultCard result={outcome.result} branchName={outcome.branchName} onLedger={() => nav.to(ROUTES.adminLedger, { orgId: org?.id ?? '' })} /> : null}
      {view && canMove ? (
        <BranchChooser year={view.year} branches={view.branches} chosen={branchId}
          onChoose={(id) => { setBranchId(id); changed() }} onImport={() => nav.to(ROUTES.adminImport)} />
      ) : null}

      {view ? (
        <>
          <View className="chips chips-row" role="tablist">
            {NOT_STARTED_DESTINATIONS.map((t) => {
              const n = canMove ? pickedIn(t) : 0
              return (
                <View key={t} className={`chip${tab === t ? ' chip-active' : ''}`} role="tab" aria-selected={tab === t}
                  aria-label={n ? `${z.tabs[t]}，${z.selected(n)}` : z.tabs[t]} onClick={() => setTab(t)}>
                  <Text>{z.tabs[t]}</Text>{n ? <Text className="badge">{n}</Text> : null}
                </View>
              )
            })}
          </View>
          {tab === 'unreported' && canMove && rows.length ? <View className="notice small">{z.unreportedHint}</View> : null}
          {!load.busy && rows.length === 0 ? <View className="muted">{z.empty[tab]}</View> : null}
          {canMove && rows.length ? (
            <Button className="btn btn-text select-all" onClick={pickAll}>{allPicked ? z.selectNone : z.selectAll}</Button>
          ) : null}
          {rows.map((g) => (
            <GraduatePick key={g.id} graduate={g} picked={canMove ? selected.has(g.id) : null} onToggle={() => toggle(g.id)}
              verify={tab === 'unreported'
                ? { onCall: () => void phone.call(g.id), onOpen: () => nav.to(ROUTES.adminMember, { id: g.id }), note: phone.noteFor(g.id) }
                : null} />
          ))}
          <LoadMore left={lists[tab].left} busy={lists[tab].more.busy} error={lists[tab].more.error} onMore={loadMore} />
        </>
      ) : null}

      {canMove ? (
        <View className="sticky-actions">
          {selected.size && !progress ? <View className="muted">{z.selected(selected.size)}</View> : null}
          {progress ? <View className="muted">{z.progress(progress.done, progress.total)}</View> : null}
          <ErrorBanner error={formError || moving.error} />
          {confirming && branch ? (
            <View className="notice">
              <View>{z.confirm(selected.size, branch.name)}</View>
              <View className="btn-row">
                <Button className="btn" onClick={() => setConfirming(false)}>{zh.common.cancel}</Button>
                <Button className="btn btn-primary" disabled={moving.busy} loading={moving.busy} onClick={submit}>{z.confirmYes}</Button>
              </View>
            </View>
          ) : (
            <Button className="btn btn-primary" disabled={!actionable || moving.busy} loading={moving.busy} onClick={ask}>{z.move(selected.size)}</Button>
          )}
        </View>
      ) : null}
      <Button className="btn btn-text" onClick={() => nav.back(ROUTES.adminCampaign)}>{zh.campaign.up}</Button>
    </View>
  )
}
