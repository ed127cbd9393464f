import { useCallback, useState } from 'react'
import { View, Button } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { ok, no } from '../fit'
import type { Box, OrgView, TransferView } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { EscalationPanel } from '../../components/EscalationPanel'
import { OrgPicker } from '../../components/OrgPicker'
import { Timeline } from '../../components/Timeline'
import { TransferSummary } from '../../components/TransferSummary'
import { useAction } from '../../hooks/useAction'
import { zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import { adminDraftFrom, adminDraftStore } from '../../store/draft'
import { allows } from '../../transfer-view'
import { ActionBar, type Mode } from './ActionBar'
import { ApplicationCard } from './ApplicationCard'
import '../admin.scss'

/** 接转详情: the application, its timeline, and the caller's own step in a bar at the bottom. */
export default function DetailPage() {
  const { id = '', box = '' } = useParams()
  const [t, setT] = useState<TransferView | null>(null)
  const [mode, setMode] = useState<Mode>('view')
  const [comment, setComment] = useState('')
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState('')
  const [branch, setBranch] = useState<OrgView | null>(null)
  const [result, setResult] = useState('')
  /** undefined: not looked up; null: nothing left. */
  const [next, setNext] = useState<{ id: string; left: number } | null | undefined>(undefined)
  const load = useAction()
  const act = useAction()
  const z = zh.admin

  const refresh = useCallback(async () => {
    await load.run(async () => setT(await api.transfer(id)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])
  // On every show: back from 修改申请 the detail is the changed one.
  useDidShow(() => {
    void refresh()
  })

  /** After an action: the next item still waiting in the same box, to go on without the list. */
  const findNext = async () => {
    if (!box) return
    try {
      const pending = await api.inbox(box as Box, undefined, 'pending')
      const others = pending.items.filter((i) => i.id !== id)
      setNext(others[0] ? { id: others[0].id, left: others.length } : null)
    } catch {
      setNext(undefined)
    }
  }

  const finish = (done: TransferView | undefined, said: string) => {
    if (!done) return
    setT(done)
    setMode('view')
    setResult(said)
    void findNext()
    void refresh()
  }
  const accepting = box === 'incoming' || t?.status === 'pending-incoming'
  const approve = async () => {
    const done = await act.run(() => api.approve(id, comment.trim() || undefined))
    // A college approving a retention (study abroad) ends the transfer: there is no next step.
    finish(done, accepting ? z.result.accept : done?.status === 'completed' ? z.result.approveCompleted : z.result.approve)
  }
  const reject = async () => {
    if (!reason.trim()) return setReasonError(z.rejectReasonMissing)
    finish(await act.run(() => api.reject(id, reason.trim())), z.result.reject)
  }
  const assign = async () => {
    if (!branch) return
    finish(await act.run(() => api.assign(id, branch.id)), z.result.assign(branch.name))
  }
  const withdraw = async () => finish(await act.run(() => api.withdraw(id)), z.result.withdraw)
  const escalate = async (c: string) => finish(await act.run(() => api.escalate(id, c || undefined)), z.result.escalate)
  const retain = async (until: string) => finish(await act.run(() => api.retainPending(id, until)), z.result.retain(until))

  if (!t) {
    return (
      <View className="page">
        <ErrorBanner error={load.error} />
        {!load.error ? <View className="muted">{zh.common.loading}</View> : null}
        <Button className="btn" onClick={() => nav.back(ROUTES.adminInbox)}>{z.back}</Button>
      </View>
    )
  }
  const canApprove = allows(t, 'approve') || allows(t, 'provincial-approve')
  const canReject = allows(t, 'reject')
  const canAssign = allows(t, 'assign') && !!t.targetOrgId
  const canWithdraw = allows(t, 'withdraw')
  // The change form is 代为发起's; a pull-in (发起转入) is changed by withdrawing and pulling in again.
  const canModify = allows(t, 'modify') && t.startedBy.party === 'outgoing-admin'
  const modify = () => {
    adminDraftStore.set(adminDraftFrom(t))
    nav.to(ROUTES.adminStart)
  }
  return (
    <View className="page detail has-sticky-actions">
      <View className="page-title">{t.memberName}</View>
      <ErrorBanner error={load.error} />
      <View className="card">
        <TransferSummary transfer={t} />
      </View>
      {canAssign && (mode === 'assign' || mode === 'confirm-assign') ? (
        <View className="card">
          <View className="card-title">{z.assign}</View>
          <View className="muted">{z.assignHint}</View>
          <OrgPicker
            root={{ id: t.targetOrgId as string, name: t.targetOrgName ?? '' }}
            fits={(org) => (org.kind === 'branch' ? ok : no(z.assignHint))}
            onPick={(org) => { setBranch(org); setMode('confirm-assign') }}
          />
        </View>
      ) : null}
      <ApplicationCard transfer={t} />
      {t.status === 'rejected' && t.rejectionReason ? (
        <View className="error-banner">{zh.transfer.rejected}：{t.rejectionReason}</View>
      ) : null}
      {t.escalation ? <EscalationPanel escalation={t.escalation} busy={act.busy} onEscalate={escalate} onRetain={retain} /> : null}
      <View className="card">
        <Timeline transfer={t} reader="admin" />
      </View>
      <ActionBar
        transfer={t} mode={mode} setMode={(m) => { setMode(m); if (m !== 'view') setResult('') }} busy={act.busy} error={act.error}
        canApprove={canApprove} canReject={canReject} canAssign={canAssign} canWithdraw={canWithdraw} canModify={canModify}
        acceptWording={accepting}
        comment={comment} setComment={setComment}
        reason={reason} setReason={(v) => { setReason(v); setReasonError('') }} reasonError={reasonError}
        branch={branch} result={result} next={next}
        onApprove={() => void approve()} onReject={() => void reject()} onAssign={() => void assign()} onWithdraw={() => void withdraw()} onModify={modify}
        onNext={() => next && nav.replace(ROUTES.adminDetail, { id: next.id, box })}
        onBack={() => nav.back(ROUTES.adminInbox)}
      />
      <Button className="btn btn-text" onClick={() => nav.to(ROUTES.adminMember, { id: t.memberId })}>{zh.member.history}</Button>
      {!result ? <Button className="btn btn-text" onClick={() => nav.back(ROUTES.adminInbox)}>{z.back}</Button> : null}
    </View>
  )
}
