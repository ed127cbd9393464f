import { useCallback, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { ReminderSummary, ReminderTrack } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { LoadMore } from '../../components/LoadMore'
import { useAction } from '../../hooks/useAction'
import { usePages } from '../../hooks/usePages'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import '../admin.scss'

const PAGE_SIZE = 100

/** 提醒记录: every link sent under an org — opened? started since? completed? — counted over all of them. */
export default function RemindersPage() {
  const { orgId } = useParams()
  const [loaded, setLoaded] = useState(false)
  const [summary, setSummary] = useState<ReminderSummary | null>(null)
  const list = usePages<ReminderTrack>((r) => r.id)
  const { busy, error, run } = useAction()
  const z = zh.reminders
  const scope = { orgId: orgId || undefined }

  const refresh = useCallback(async () => {
    const found = await run(() => Promise.all([api.reminderSummary(scope), api.reminders({ ...scope, limit: PAGE_SIZE })]))
    if (!found) return
    setSummary(found[0])
    list.reset(found[1])
    setLoaded(true)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [orgId, run])

  useDidShow(() => {
    void refresh()
  })

  return (
    <View className="page reminders">
      <View className="page-title">{z.title}</View>
      <ErrorBanner error={error} />
      {busy && !loaded ? <View className="muted">{zh.common.loading}</View> : null}
      {loaded && list.rows.length === 0 ? <View className="muted">{z.empty}</View> : null}
      {summary && summary.sent ? (
        <View className="muted summary">{z.summary(summary.sent, summary.opened, summary.started, summary.completed)}</View>
      ) : null}
      {list.rows.map((r) => <TrackRow key={r.id} item={r} />)}
      <LoadMore left={list.left} busy={list.more.busy} error={list.more.error}
        onMore={() => void list.loadMore((offset) => api.reminders({ ...scope, limit: PAGE_SIZE, offset }))} />
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
