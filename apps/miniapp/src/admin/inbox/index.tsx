import { useCallback, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { TRANSFER_STATUSES, type TransferStatus } from '@xianjie/rules'
import type { Box, Inbox } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAction } from '../../hooks/useAction'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import { STATUS_TEXT } from '../../transfer-view'
import { boxesFor } from '../boxes'

/** 工作台: the outgoing / incoming / provincial inbox with counts per status. */
export default function InboxPage() {
  const params = useParams()
  const [boxes, setBoxes] = useState<Box[]>([])
  const [box, setBox] = useState<Box | null>((params.box as Box) || null)
  const [status, setStatus] = useState<TransferStatus | ''>('')
  const [inbox, setInbox] = useState<Inbox | null>(null)
  const [noBox, setNoBox] = useState(false)
  const { busy, error, run } = useAction()
  const z = zh.admin

  const load = useCallback(
    async (wantBox: Box | null, wantStatus: TransferStatus | '') => {
      await run(async () => {
        let available = boxes
        if (!available.length) {
          available = boxesFor((await api.me()).roles)
          setBoxes(available)
        }
        const chosen = wantBox && available.includes(wantBox) ? wantBox : available[0]
        if (!chosen) return setNoBox(true)
        setBox(chosen)
        setInbox(await api.inbox(chosen, wantStatus || undefined))
      })
    },
    [boxes, run],
  )

  useDidShow(() => {
    void load(box, status)
  })

  const pickBox = (b: Box) => {
    setStatus('')
    setInbox(null)
    void load(b, '')
  }
  const pickStatus = (s: TransferStatus | '') => {
    setStatus(s)
    void load(box, s)
  }

  const counts: Partial<Inbox['counts']> = inbox?.counts ?? {}
  const total = Object.values(counts).reduce((n, c) => n + (c ?? 0), 0)
  return (
    <View className="page inbox">
      <View className="page-title">{z.title}</View>
      {boxes.length > 1 ? (
        <View className="chips boxes">
          {boxes.map((b) => (
            <View key={b} className={`chip${b === box ? ' chip-active' : ''}`} onClick={() => pickBox(b)}>{z.boxes[b]}</View>
          ))}
        </View>
      ) : null}
      <View className="chips statuses">
        <View className={`chip${status === '' ? ' chip-active' : ''}`} onClick={() => pickStatus('')}>
          {z.all} {total}
        </View>
        {TRANSFER_STATUSES.filter((s) => counts[s]).map((s) => (
          <View key={s} className={`chip${status === s ? ' chip-active' : ''}`} onClick={() => pickStatus(s)}>
            {STATUS_TEXT(s)} {counts[s]}
          </View>
        ))}
      </View>
      <ErrorBanner error={error} />
      {noBox ? <View className="notice">{z.noBox}</View> : null}
      {busy && !inbox ? <View className="muted">{zh.common.loading}</View> : null}
      {inbox && inbox.items.length === 0 ? <View className="muted">{z.empty}</View> : null}
      {inbox?.items.map((t) => (
        <View key={t.id} className="list-item inbox-item" onClick={() => nav.to(ROUTES.adminDetail, { id: t.id, box: box ?? '' })}>
          <View className="list-item-title">
            <Text>{t.memberName}</Text>
            <Text className="tag">{STATUS_TEXT(t.status)}</Text>
            {t.crossSystem ? <Text className="tag tag-gray">{zh.transfer.crossSystem}</Text> : null}
          </View>
          <View className="list-item-sub">→ {t.targetOrgName ?? zh.resolution.targets[t.target] ?? t.target}</View>
          <View className="list-item-sub">{formatTime(t.createdAt)}{t.stageDeadline ? ` · ${zh.transfer.deadline} ${formatTime(t.stageDeadline)}` : ''}</View>
        </View>
      ))}
      {box === 'outgoing' ? (
        <Button className="btn btn-primary" onClick={() => nav.to(ROUTES.adminStart)}>{z.startOnBehalf}</Button>
      ) : null}
      <Button className="btn btn-text" onClick={() => nav.relaunch(ROUTES.home)}>{zh.common.home}</Button>
    </View>
  )
}
