import { useCallback, useEffect, useState } from 'react'
import { View, Button } from '@tarojs/components'
import { COMMENT_MAX, REJECT_REASON_MAX, type OrgView, type TransferView } from '@xianjie/contract'
import { ok, no } from '../fit'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { OrgPicker } from '../../components/OrgPicker'
import { Row } from '../../components/Row'
import { Timeline } from '../../components/Timeline'
import { TransferSummary } from '../../components/TransferSummary'
import { useAction } from '../../hooks/useAction'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import { allows } from '../../transfer-view'

type Mode = 'view' | 'reject' | 'assign'

/** 接转详情: the application, its timeline, and the caller's own step (approve / reject / assign). */
export default function DetailPage() {
  const { id = '', box = '' } = useParams()
  const [t, setT] = useState<TransferView | null>(null)
  const [mode, setMode] = useState<Mode>('view')
  const [comment, setComment] = useState('')
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState('')
  const [done, setDone] = useState(false)
  const load = useAction()
  const act = useAction()
  const z = zh.admin

  const refresh = useCallback(async () => {
    await load.run(async () => setT(await api.transfer(id)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])
  useEffect(() => {
    void refresh()
  }, [refresh])

  const finish = (next: TransferView | undefined) => {
    if (!next) return
    setT(next)
    setMode('view')
    setDone(true)
    void refresh()
  }
  const approve = async () => finish(await act.run(() => api.approve(id, comment.trim() || undefined)))
  const reject = async () => {
    if (!reason.trim()) return setReasonError(z.rejectReasonMissing)
    finish(await act.run(() => api.reject(id, reason.trim())))
  }
  const assign = async (branch: OrgView) => finish(await act.run(() => api.assign(id, branch.id)))

  if (!t) {
    return (
      <View className="page">
        <ErrorBanner error={load.error} />
        {!load.error ? <View className="muted">{zh.common.loading}</View> : null}
        <Button className="btn" onClick={() => nav.back(ROUTES.adminInbox)}>{z.back}</Button>
      </View>
    )
  }
  const app = t.application
  const canApprove = allows(t, 'approve') || allows(t, 'provincial-approve')
  const canReject = allows(t, 'reject')
  const canAssign = allows(t, 'assign') && !!t.targetOrgId
  return (
    <View className="page detail">
      <View className="page-title">{t.memberName}</View>
      {done ? <View className="success">{z.done}</View> : null}
      <ErrorBanner error={load.error} />
      <View className="card">
        <TransferSummary transfer={t} />
      </View>
      {app ? (
        <View className="card">
          <View className="card-title">{z.application}</View>
          <Row label={zh.apply.name} value={app.name} />
          <Row label={zh.apply.idNumber} value={app.idNumberMasked} />
          <Row label={zh.apply.phone} value={app.phone} />
          <Row label={z.emergency} value={app.emergencyContact ? `${app.emergencyContact.name} ${app.emergencyContact.phone}` : ''} />
          <Row label={z.outgoingBranch} value={app.outgoingBranch?.name} />
          <Row label={z.outgoingAdmin} value={app.outgoingAdmin ? `${app.outgoingAdmin.name} ${app.outgoingAdmin.phone}` : ''} />
          <Row label={z.superiorPhone} value={app.superiorPhone} />
          {app.separateSystemProvince ? <Row label={z.separateProvince} value={app.separateSystemProvince} /> : null}
          <Row label={z.reason} value={app.reason} />
          <Row label={z.receiver} value={app.receiver ?? t.targetOrgName} />
          <Row label={z.submittedAt} value={formatTime(app.submittedAt)} />
          <Row label={z.remarks} value={app.remarks || zh.common.empty} />
        </View>
      ) : null}
      {t.status === 'rejected' && t.rejectionReason ? (
        <View className="error-banner">{zh.transfer.rejected}：{t.rejectionReason}</View>
      ) : null}
      <View className="card">
        <Timeline transfer={t} />
      </View>
      <ErrorBanner error={act.error} />
      {mode === 'view' && (canApprove || canReject) ? (
        <View className="card actions">
          {canApprove ? (
            <Field label={z.approveComment} name="comment" value={comment} maxLength={COMMENT_MAX} onChange={setComment} />
          ) : null}
          <View className="btn-row">
            {canReject ? <Button className="btn btn-danger" onClick={() => setMode('reject')}>{z.reject}</Button> : null}
            {canApprove ? (
              <Button className="btn btn-primary" disabled={act.busy} onClick={approve}>
                {box === 'incoming' || t.status === 'pending-incoming' ? z.accept : z.approve}
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}
      {mode === 'reject' ? (
        <View className="card">
          <Field label={z.rejectReason} name="reason" value={reason} maxLength={REJECT_REASON_MAX} counter
            onChange={(v) => { setReason(v); setReasonError('') }} error={reasonError} />
          <View className="btn-row">
            <Button className="btn" onClick={() => setMode('view')}>{zh.common.cancel}</Button>
            <Button className="btn btn-danger" disabled={act.busy} onClick={reject}>{z.rejectConfirm}</Button>
          </View>
        </View>
      ) : null}
      {canAssign && mode !== 'reject' ? (
        mode === 'assign' ? (
          <View className="card">
            <View className="card-title">{z.assign}</View>
            <View className="muted">{z.assignHint}</View>
            <OrgPicker
              root={{ id: t.targetOrgId as string, name: t.targetOrgName ?? '' }}
              fits={(org) => (org.kind === 'branch' ? ok : no(z.assignHint))}
              onPick={(org) => void assign(org)}
            />
          </View>
        ) : (
          <Button className="btn btn-primary" onClick={() => setMode('assign')}>{z.assign}</Button>
        )
      ) : null}
      <Button className="btn btn-text" onClick={() => nav.back(ROUTES.adminInbox)}>{z.back}</Button>
    </View>
  )
}
