import { useCallback, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { isOpen } from '@xianjie/rules'
import type { TransferView } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { EscalationPanel } from '../../components/EscalationPanel'
import { RejectionCard } from '../../components/RejectionCard'
import { SubscribeButton } from '../../components/SubscribeButton'
import { Timeline } from '../../components/Timeline'
import { TransferSummary } from '../../components/TransferSummary'
import { useAction } from '../../hooks/useAction'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import { draftFrom, draftStore, redoFrom } from '../../store/draft'
import { allows, memberIdOf, nextStepsBesideReason, STATUS_TEXT } from '../../transfer-view'

/** 我的接转: where the current transfer stands, what to do next, and every earlier one. */
export default function TransferPage() {
  const params = useParams()
  const [current, setCurrent] = useState<TransferView | null>(null)
  const [history, setHistory] = useState<TransferView[]>([])
  const [loaded, setLoaded] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [expanded, setExpanded] = useState<string | null>(null)
  const load = useAction()
  const act = useAction()
  const z = zh.transfer

  const refresh = useCallback(async () => {
    await load.run(async () => {
      const me = await api.me()
      const list = await api.memberTransfers(memberIdOf(me))
      const head = list[0] ? await api.transfer(list[0].id) : null
      setCurrent(head)
      setHistory(list.slice(1))
      setLoaded(true)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useDidShow(() => {
    void refresh()
  })

  // A new application, not a change to the last one left half-edited.
  const startNew = () => {
    draftStore.update((d) => ({ ...d, editing: undefined }))
    nav.to(ROUTES.questionnaire)
  }

  // 申请已提交 / 申请已修改 speak of the application the form just sent (its id in the query, which
  // stays in the address after a withdrawal or a reload): said while it is on top and still open.
  const sent = (id: string | undefined) => !!id && current?.id === id && isOpen(current.status)

  const withdraw = async () => {
    if (!current) return
    const done = await act.run(() => api.withdraw(current.id))
    setConfirming(false)
    if (done) await refresh()
  }

  // A rejected one: the card states the reason once, with the way on right under it.
  const rejected = current?.status === 'rejected'
  const steps = current ? nextStepsBesideReason(current) : []

  return (
    <View className="page transfer">
      <View className="page-title">{z.title}</View>
      {sent(params.submitted) ? <View className="success">{zh.apply.submitted}</View> : null}
      {sent(params.modified) ? <View className="success">{z.modified}</View> : null}
      <ErrorBanner error={load.error} onRetry={() => void refresh()} />
      {!loaded && !load.error ? <View className="muted">{zh.common.loading}</View> : null}
      {loaded && !current ? (
        <View className="card">
          <View className="muted">{z.none}</View>
          <Button className="btn btn-primary" onClick={startNew}>{z.start}</Button>
        </View>
      ) : null}
      {current ? (
        <View className="card">
          <TransferSummary transfer={current} />
          {rejected ? <RejectionCard transfer={current} onRedo={() => { draftStore.set(redoFrom(current)); nav.to(ROUTES.apply) }} /> : null}
          {steps.length ? (
            <View className="next-steps">
              <View className="section-title">{z.nextSteps}</View>
              <View className="bullets">
                {steps.map((s) => <View className="bullet" key={s}><Text>{s}</Text></View>)}
              </View>
            </View>
          ) : null}
          {current.escalation ? <EscalationPanel escalation={current.escalation} /> : null}
          <Timeline transfer={current} reasonShown={rejected} />
          {isOpen(current.status) ? <SubscribeButton /> : null}
          <ErrorBanner error={act.error} />
          {allows(current, 'modify') ? (
            <Button className="btn" onClick={() => { draftStore.set(draftFrom(current)); nav.to(ROUTES.apply) }}>{z.modify}</Button>
          ) : null}
          {allows(current, 'withdraw') ? (
            confirming ? (
              <View className="notice">
                <View>{z.withdrawConfirm}</View>
                <View className="btn-row">
                  <Button className="btn" onClick={() => setConfirming(false)}>{zh.common.cancel}</Button>
                  <Button className="btn btn-danger" disabled={act.busy} onClick={withdraw}>{z.withdrawYes}</Button>
                </View>
              </View>
            ) : (
              <Button className="btn btn-danger" onClick={() => setConfirming(true)}>{z.withdraw}</Button>
            )
          ) : null}
          {current.status === 'withdrawn' ? (
            <Button className="btn btn-primary" onClick={startNew}>{z.restart}</Button>
          ) : null}
        </View>
      ) : null}
      {history.length ? (
        <View>
          <View className="section-title">{z.history}</View>
          {history.map((t) => (
            <View key={t.id} className="list-item" onClick={() => setExpanded(expanded === t.id ? null : t.id)}>
              <View className="list-item-title">{STATUS_TEXT(t.status)} · {t.targetOrgName ?? zh.resolution.targets[t.target] ?? ''}</View>
              <View className="list-item-sub">{formatTime(t.createdAt)} · {t.startedBy?.name}</View>
              {expanded === t.id ? <Timeline transfer={t} /> : null}
            </View>
          ))}
        </View>
      ) : null}
      <Button className="btn" onClick={() => void refresh()}>{z.refresh}</Button>
      <Button className="btn btn-text" onClick={() => nav.relaunch(ROUTES.home)}>{zh.common.home}</Button>
    </View>
  )
}
