import { useCallback, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { ReminderTrack } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAction } from '../../hooks/useAction'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import '../admin.scss'

/** 提醒记录: every link sent under an org — opened? started since? completed? */
export default function RemindersPage() {
  const { orgId } = useParams()
  const [items, setItems] = useState<ReminderTrack[] | null>(null)
  const { busy, error, run } = useAction()
  const z = zh.reminders

  const refresh = useCallback(async () => {
    const list = await run(() => api.reminders({ orgId: orgId || undefined, limit: 200 }))
    if (list) setItems(list)
  }, [orgId, run])

  useDidShow(() => {
    void refresh()
  })

  const count = (pick: (r: ReminderTrack) => boolean) => (items ?? []).filter(pick).length
  return (
    <View className="page reminders">
      <View className="page-title">{z.title}</View>
      <ErrorBanner error={error} />
      {busy && !items ? <View className="muted">{zh.common.loading}</View> : null}
      {items && items.length === 0 ? <View className="muted">{z.empty}</View> : null}
      {items && items.length ? (
        <View className="muted summary">
          {z.summary(items.length, count((r) => !!r.openedAt), count((r) => !!r.startedAt), count((r) => !!r.completedAt))}
        </View>
      ) : null}
      {items?.map((r) => <TrackRow key={r.id} item={r} />)}
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
