import { useState, type ReactNode } from 'react'
import { View, Button } from '@tarojs/components'
import { COMMENT_MAX, REJECT_REASON_MAX, type OrgView, type TransferView } from '@xianjie/contract'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import type { ApiError } from '../../api'
import { zh } from '../../i18n/zh'

export type Mode = 'view' | 'reject' | 'assign' | 'confirm-assign' | 'withdraw'

export interface BarProps {
  transfer: TransferView
  mode: Mode
  setMode: (m: Mode) => void
  busy: boolean
  error: ApiError | null
  canApprove: boolean
  canReject: boolean
  canAssign: boolean
  /** The admin started it (代为发起, 发起转入): they may take their own mistake back while the lifecycle allows. */
  canWithdraw: boolean
  /** The same admin may change it before the receiver has acted (domain §7). */
  canModify: boolean
  acceptWording: boolean
  comment: string
  setComment: (v: string) => void
  reason: string
  setReason: (v: string) => void
  reasonError: string
  branch: OrgView | null
  /** What the last action did, said where the thumb is; with the next pending item. */
  result: string
  next: { id: string; left: number } | null | undefined
  onApprove: () => void
  onReject: () => void
  onAssign: () => void
  onWithdraw: () => void
  onModify: () => void
  onNext: () => void
  onBack: () => void
  /** Other helpers' actions on this transfer (e.g. escalation) join the bar here. */
  extra?: ReactNode
}

/**
 * The sticky bar at the bottom of the detail: the caller's own step (approve / reject / assign,
 * each confirm in place), then the result and the next pending item — all within the thumb's reach.
 */
export function ActionBar(p: BarProps) {
  const z = zh.admin
  // Only the buttons stay pinned: a field open for good took half the screen, more with the keyboard up.
  const [commenting, setCommenting] = useState(false)
  const step = (() => {
    if (p.mode === 'reject') {
      return (
        <>
          <Field label={z.rejectReason} name="reason" value={p.reason} maxLength={REJECT_REASON_MAX} counter multiline focus
            onChange={p.setReason} error={p.reasonError} />
          <View className="btn-row">
            <Button className="btn" onClick={() => p.setMode('view')}>{zh.common.cancel}</Button>
            <Button className="btn btn-danger" disabled={p.busy} onClick={p.onReject}>{z.rejectConfirm}</Button>
          </View>
        </>
      )
    }
    if (p.mode === 'confirm-assign' && p.branch) {
      return (
        <>
          <View className="confirm-title">{z.assignConfirm(p.branch.name)}</View>
          <View className="muted small">{z.assignConfirmHint}</View>
          <View className="btn-row">
            <Button className="btn" onClick={() => p.setMode('assign')}>{zh.common.cancel}</Button>
            <Button className="btn btn-primary" disabled={p.busy} onClick={p.onAssign}>{z.assignGo}</Button>
          </View>
        </>
      )
    }
    if (p.mode === 'withdraw') {
      return (
        <>
          <View className="confirm-title">{z.withdrawConfirm}</View>
          <View className="btn-row">
            <Button className="btn" onClick={() => p.setMode('view')}>{zh.common.cancel}</Button>
            <Button className="btn btn-danger" disabled={p.busy} onClick={p.onWithdraw}>{zh.transfer.withdrawYes}</Button>
          </View>
        </>
      )
    }
    const withdraw = p.mode === 'view' && (p.canWithdraw || p.canModify) ? (
      <View className="btn-row">
        {p.canModify ? <Button className="btn" onClick={p.onModify}>{zh.transfer.modify}</Button> : null}
        {p.canWithdraw ? <Button className="btn btn-text" onClick={() => p.setMode('withdraw')}>{zh.transfer.withdraw}</Button> : null}
      </View>
    ) : null
    if (p.mode === 'view' && (p.canApprove || p.canReject)) {
      return (
        <>
          {!p.canApprove ? null : commenting || p.comment ? (
            <Field label={z.approveComment} name="comment" value={p.comment} maxLength={COMMENT_MAX} counter multiline focus={commenting} onChange={p.setComment} />
          ) : (
            <Button className="btn btn-text btn-small action-comment" onClick={() => setCommenting(true)}>{z.approveCommentOpen}</Button>
          )}
          <View className="btn-row">
            {p.canReject ? <Button className="btn btn-danger" onClick={() => p.setMode('reject')}>{z.reject}</Button> : null}
            {p.canApprove ? (
              <Button className="btn btn-primary" disabled={p.busy} onClick={p.onApprove}>{p.acceptWording ? z.accept : z.approve}</Button>
            ) : null}
          </View>
          {withdraw}
        </>
      )
    }
    if (p.mode === 'view' && p.canAssign) {
      return <Button className="btn btn-primary" onClick={() => p.setMode('assign')}>{z.assign}</Button>
    }
    return withdraw
  })()
  // Done with this one: the result, then the caller's next step on it (accepted → assign), else the next item.
  const after = p.result ? (
    <>
      <View className="success" role="status">{p.result}</View>
      {step ? null : p.next ? (
        <Button className="btn btn-primary" onClick={p.onNext}>{z.nextPending(p.next.left)}</Button>
      ) : p.next === null ? (
        <View className="muted">{z.noMorePending}</View>
      ) : null}
      {step ? null : <Button className="btn" onClick={p.onBack}>{z.back}</Button>}
    </>
  ) : null
  if (!step && !after && !p.extra && !p.error) return null
  return (
    <View className="sticky-actions action-bar">
      <ErrorBanner error={p.error} keepsInput />
      {after}
      {step}
      {p.extra}
    </View>
  )
}
