import { useCallback, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { ReminderSummary, ReminderTrack } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAction } from '../../hooks/useAction'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import '../admin.scss'

const PAGE_SIZE = 100

/** 提醒记录: every link sent under an org — opened? started since? completed? — counted over all of them. */
export default function RemindersPage() {
  const { orgId } = useParams()
  const [items, setItems] = useState<ReminderTrack[] | null>(null)
  const [total, setTotal] = useState(0)
  const [summary, setSummary] = useState<ReminderSummary | null>(null)
  const { busy, error, run } = useAction()
  const more = useAction()
  const z = zh.reminders
  const scope = { orgId: orgId || undefined }

  const refresh = useCallback(async () => {
    const found = await run(() => Promise.all([api.reminderSummary(scope), api.reminders({ ...scope, limit: PAGE_SIZE })]))
    if (!found) return
    setSummary(found[0])
    setItems(found[1].items)
    setTotal(found[1].total)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [orgId, run])

  /** The next page; a link made meanwhile shifts the pages, so one already shown is not shown twice. */
  const loadMore = async () => {
    if (!items) return
    const page = await more.run(() => api.reminders({ ...scope, limit: PAGE_SIZE, offset: items.length }))
    if (!page) return
    const shown = new Set(items.map((r) => r.id))
    setItems([...items, ...page.items.filter((r) => !shown.has(r.id))])
    setTotal(page.total)
  }

  useDidShow(() => {
    void refresh()
  })

  return (
    <View className="page reminders">
      <View className="page-title">{z.title}</View>
      <ErrorBanner error={error} />
      {busy && !items ? <View className="muted">{zh.common.loading}</View> : null}
      {items && items.length === 0 ? <View className="muted">{z.empty}</View> : null}
      {summary && summary.sent ? (
        <View className="muted summary">{z.summary(summary.sent, summary.opened, summary.started, summary.completed)}</View>
      ) : null}
      {items?.map((r) => <TrackRow key={r.id} item={r} />)}
      <ErrorBanner error={more.error} />
      {items && items.length < total ? (
        <Button className="btn" disabled={more.busy} onClick={loadMore}>{more.busy ? zh.common.loading : z.loadMore(total - items.length)}</Button>
      ) : null}
      <Button className="btn" disabled={busy} onClick={() => void refresh()}>{zh.transfer.refresh}</Button>
      <Button className="btn btn-text" onClick={() => nav.back(ROUTES.adminCampaign)}>{zh.share.back}</Button>
    </View>
  )
}

function TrackRow({ item: r }: { item: ReminderTrack }) {
  const z = zh.reminders
  const started = r.startedAt ? (r.startedAfterReminder ? z.started : z.startedBefore) : z.notStarted
  return (
    <View className="list-item track-row" data-member-id={r.memberId}>
      <View className="list-item-title">{r.memberName} <Text className="muted small">{r.orgName}</Text></View>
      <View className="list-item-sub">{z.sentAt(formatTime(r.createdAt), r.createdBy?.name)}</View>
      <View className="tags">
        <Text className={`tag ${r.openedAt ? 'tag-ok' : 'tag-gray'}`}>{r.openedAt ? z.opened(r.openCount) : z.notOpened}</Text>
        <Text className={`tag ${r.startedAt ? 'tag-ok' : 'tag-warn'}`}>{started}</Text>
        {r.completedAt ? <Text className="tag tag-ok">{z.completed}</Text> : null}
        <Text className={`tag ${r.expired ? 'tag-gray' : ''}`}>{r.expired ? z.expired : z.validUntil(formatTime(r.expiresAt))}</Text>
      </View>
    </View>
  )
}
