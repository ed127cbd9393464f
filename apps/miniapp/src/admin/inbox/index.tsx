import { useCallback, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { inboxPendingStatuses, type TransferAction } from '@xianjie/rules'
import type { Box, Inbox, InboxState, TransferView } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { LoadMore } from '../../components/LoadMore'
import { useAction } from '../../hooks/useAction'
import { appendNew } from '../../hooks/usePages'
import { formatTime, zh } from '../../i18n/zh'
import { adminDraftStore } from '../../store/draft'
import { nav, ROUTES, useParams } from '../../nav'
import { withParent } from '../../org-label'
import { STATUS_TEXT } from '../../transfer-view'
import { boxesFor } from '../boxes'
import '../admin.scss'

/** The list's filter chips; follow-up has its own card above the list instead. */
type Filter = Exclude<InboxState, 'follow-up'> | 'all'
const FILTERS: Filter[] = ['pending', 'done', 'all']

/** How many of a box's transfers wait for its side, from the per-status counts. */
const pendingOf = (box: Box, counts: Partial<Inbox['counts']>) => inboxPendingStatuses(box).reduce((n, s) => n + (counts[s] ?? 0), 0)
const totalOf = (counts: Partial<Inbox['counts']>) => Object.values(counts).reduce((n, c) => n + (c ?? 0), 0)

/**
 * Township refusals the school still has steps on (escalate, keep the member): closed as 已驳回,
 * so never 待处理 by status, yet the school's work. The API picks the township refusals out of
 * all the box's rejections (`state=follow-up`); their `actions` say which still have steps left.
 */
const followUpsOf = async (): Promise<TransferView[]> =>
  (await api.inbox('outgoing', undefined, 'follow-up')).items.filter((t) => !!t.escalation?.actions.length)

/**
 * 工作台: opens on the work — the box with items waiting for this admin (转入审批 for a receiving
 * admin, 转出审批 for the college), filtered to 待处理; finished items are one tap away.
 */
/** 代为发起: resumes a start left half-done, but never a 修改申请 left unsaved (a new start is not a change). */
function startOnBehalf() {
  if (adminDraftStore.get().editing) adminDraftStore.reset()
  nav.to(ROUTES.adminStart)
}

export default function InboxPage() {
  const params = useParams()
  const [boxes, setBoxes] = useState<Box[]>([])
  const [pending, setPending] = useState<Partial<Record<Box, number>>>({})
  const [box, setBox] = useState<Box | null>((params.box as Box) || null)
  const [filter, setFilter] = useState<Filter>('pending')
  const [inbox, setInbox] = useState<Inbox | null>(null)
  const [noBox, setNoBox] = useState(false)
  const [followUps, setFollowUps] = useState<TransferView[]>([])
  const { busy, error, run } = useAction()
  const more = useAction()
  const z = zh.admin

  const fetchBox = (b: Box, f: Filter) => api.inbox(b, undefined, f === 'all' ? undefined : f)

  /** First visit: every box's pending count, then the first box with work (or the one asked for). */
  const open = useCallback(async () => {
    await run(async () => {
      const available = boxesFor((await api.me()).roles)
      setBoxes(available)
      if (!available.length) return setNoBox(true)
      const [follow, ...firsts] = await Promise.all([
        available.includes('outgoing') && filter === 'pending' ? followUpsOf() : Promise.resolve([]),
        ...available.map((b) => fetchBox(b, filter)),
      ])
      setFollowUps(follow)
      const counts = Object.fromEntries(available.map((b, i) => [b, pendingOf(b, firsts[i]!.counts)])) as Record<Box, number>
      setPending(counts)
      const asked = box && available.includes(box) ? box : null
      const chosen = asked ?? available.find((b) => counts[b] > 0) ?? available[0]!
      setBox(chosen)
      setInbox(firsts[available.indexOf(chosen)]!)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [box, filter, run])

  const load = async (b: Box, f: Filter) => {
    await run(async () => {
      // Shown beside 待处理 only (showFollowUps): no request for the other filters.
      const [follow, result] = await Promise.all([b === 'outgoing' && f === 'pending' ? followUpsOf() : null, fetchBox(b, f)])
      if (follow) setFollowUps(follow)
      setInbox(result)
      setPending((p) => ({ ...p, [b]: pendingOf(b, result.counts) }))
    })
  }

  useDidShow(() => {
    void (boxes.length && box ? load(box, filter) : open())
  })

  const pickBox = (b: Box) => {
    setBox(b)
    setFilter('pending')
    setInbox(null)
    void load(b, 'pending')
  }
  /** The next page of the list in the same order (a transfer that moved meanwhile is not shown twice). */
  const loadMore = async () => {
    if (!box || !inbox) return
    const page = await more.run(() => api.inbox(box, undefined, filter === 'all' ? undefined : filter, { offset: inbox.items.length }))
    if (page) setInbox({ items: appendNew(inbox.items, page.items, (t) => t.id), counts: page.counts })
  }
  const pickFilter = (f: Filter) => {
    setFilter(f)
    if (box) void load(box, f)
  }

  const counts: Partial<Inbox['counts']> = inbox?.counts ?? {}
  const filterCount: Record<Filter, number> = {
    pending: box ? pendingOf(box, counts) : 0,
    done: box ? totalOf(counts) - pendingOf(box, counts) : 0,
    all: totalOf(counts),
  }
  const emptyText = filter === 'pending' ? z.emptyPending : filter === 'done' ? z.emptyDone : z.empty
  // Beside the pending items only: under 已处理 / 全部 the refusals are in the list itself.
  const showFollowUps = box === 'outgoing' && filter === 'pending' && followUps.length > 0
  return (
    <View className="page inbox">
      <View className="page-title">{z.title}</View>
      {boxes.length > 1 ? (
        <View className="chips chips-row boxes">
          {boxes.map((b) => (
            <View key={b} className={`chip${b === box ? ' chip-active' : ''}`} onClick={() => pickBox(b)}>
              {z.boxes[b]}{pending[b] ? <Text className="badge">{pending[b]}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
      {box ? (
        <View className="chips chips-row statuses">
          {FILTERS.map((f) => (
            <View key={f} className={`chip${filter === f ? ' chip-active' : ''}`} onClick={() => pickFilter(f)}>
              {z.states[f]} {filterCount[f]}
            </View>
          ))}
        </View>
      ) : null}
      <ErrorBanner error={error} />
      {noBox ? <View className="notice">{z.noBox}</View> : null}
      {busy && !inbox ? <View className="muted">{zh.common.loading}</View> : null}
      {showFollowUps ? (
        <View className="card follow-ups">
          <View className="card-title">{z.followUps}</View>
          <View className="muted small">{z.followUpsHint}</View>
          {followUps.map((t) => <InboxRow key={t.id} t={t} box="outgoing" />)}
        </View>
      ) : null}
      {inbox && inbox.items.length === 0 && !showFollowUps ? <View className="muted">{emptyText}</View> : null}
      {inbox?.items.map((t) => <InboxRow key={t.id} t={t} box={box ?? ''} />)}
      {inbox ? <LoadMore left={filterCount[filter] - inbox.items.length} busy={more.busy} error={more.error} onMore={() => void loadMore()} /> : null}
      {/* Each box's own ways to start one. */}
      <View className="inbox-actions">
        {box === 'outgoing' ? (
          <Button className="btn btn-primary" onClick={startOnBehalf}>{z.startOnBehalf}</Button>
        ) : null}
        {box === 'incoming' ? (
          <Button className="btn btn-primary" onClick={() => nav.to(ROUTES.adminPullIn)}>{z.pullIn.entry}</Button>
        ) : null}
      </View>
      <Button className="btn btn-text" onClick={() => nav.relaunch(ROUTES.home)}>{zh.common.home}</Button>
    </View>
  )
}

/** The caller's own decisions on a waiting transfer; without one of them the step is someone else's. */
const DECIDING: TransferAction[] = ['approve', 'reject', 'assign']

/**
 * A transfer waiting on this box's side that this caller cannot decide: a retention the college
 * (院系团委) approves sits in a branch secretary's 待处理 too, as it does for a counsellor who watches.
 * Said on the row, so nobody opens it looking for a button that is not there.
 */
function othersStep(t: TransferView, box: string): string | null {
  if (!(box === 'outgoing' || box === 'incoming' || box === 'provincial')) return null
  if (!inboxPendingStatuses(box).includes(t.status) || t.allowedActions.some((a) => DECIDING.includes(a))) return null
  return t.path === 'retention' && t.status === 'pending-outgoing' ? zh.admin.othersStep.retention : zh.admin.othersStep.other
}

/** One transfer in a list: who, where it stands, where it goes, when. */
function InboxRow({ t, box }: { t: TransferView; box: string }) {
  const others = othersStep(t, box)
  return (
    <View className="list-item inbox-item" onClick={() => nav.to(ROUTES.adminDetail, { id: t.id, box })}>
      <View className="list-item-title">
        <Text>{t.memberName}</Text>
        <Text className="tag">{STATUS_TEXT(t.status)}</Text>
        {t.crossSystem ? <Text className="tag tag-gray">{zh.transfer.crossSystem}</Text> : null}
      </View>
      <View className="list-item-sub">→ {t.targetOrgName ? withParent(t.targetOrgName, t.targetOrgParentName) : zh.resolution.targets[t.target] ?? t.target}</View>
      <View className="list-item-sub">{formatTime(t.createdAt)}{t.stageDeadline ? ` · ${zh.transfer.deadline} ${formatTime(t.stageDeadline)}` : ''}</View>
      {others ? <View className="list-item-sub muted">{others}</View> : null}
    </View>
  )
}
