/**
 * Reading a transfer for the screens, through the rules library's lifecycle and labels.
 * No rule is decided here: steps, states and withdrawability all come from @xianjie/rules.
 */
import {
  EVENT_ACTION_LABELS, STATUS_LABELS, canWithdraw, offlineDuties, timelineStates, type OfflineReader,
  type StepState, type TransferAction, type TransferShape, type TransferStatus,
} from '@xianjie/rules'
import type { Me, TransferView } from '@xianjie/contract'

/** The member record a graduate acts on: a membership is keyed by its person, so the account's id. */
export function memberIdOf(me: Me): string {
  return me.id
}

export function STATUS_TEXT(status: TransferStatus): string {
  return STATUS_LABELS[status] ?? status
}

export function actionText(action: string): string {
  return (EVENT_ACTION_LABELS as Record<string, string>)[action] ?? action
}

export function shapeOf(t: TransferView): TransferShape {
  return { path: t.path, crossSystem: t.crossSystem, receiverIsBranch: t.receiverIsBranch ?? true }
}

/** For a rejected or withdrawn transfer: the step it was at when it stopped. */
export function stoppedAt(t: TransferView): TransferStatus | undefined {
  if (t.status !== 'rejected' && t.status !== 'withdrawn') return undefined
  // Steps that keep the status (escalating a township's refusal) are not where it closed.
  const closing = [...(t.events ?? [])].reverse().find((e) => e.toStatus === t.status && e.fromStatus !== t.status)
  return closing?.fromStatus ?? undefined
}

export interface StepView {
  status: TransferStatus
  label: string
  /** `rejected`: the step a rejected transfer stopped at. */
  state: StepState | 'rejected'
}

export function stepsOf(t: TransferView): StepView[] {
  const steps: StepView[] = timelineStates(shapeOf(t), t.status, stoppedAt(t))
  if (t.status !== 'rejected') return steps
  // The first step not done is the one whose approver said no.
  const at = steps.findIndex((s) => s.state !== 'done')
  return steps.map((s, i) => (i === at ? { ...s, state: 'rejected' } : s))
}

/** The caller's buttons: the API says which actions it would accept from this caller. */
export function allows(t: TransferView, action: TransferAction): boolean {
  if (t.allowedActions) return t.allowedActions.includes(action)
  return action === 'withdraw' ? canWithdraw(t.status, shapeOf(t)) : false
}

/** What the graduate must do on paper beside this transfer (lost files, enlistment papers): libs/rules' words. */
export function offlineDutiesOf(t: TransferView, reader: OfflineReader = 'member'): string[] {
  if (!t.answers || t.status === 'withdrawn') return []
  return offlineDuties({ outcome: t.path === 'retention' ? 'retain' : 'transfer', offlinePaperwork: t.path === 'special-unit' }, t.answers.destination, reader)
}

/**
 * The API's next steps, on a page whose rejection card already states the reason: the steps'
 * `驳回原因：…` (a line of its own, or closing a township's `…没有接收。`) is taken out rather than
 * said twice. The wording is the API's (apps/api/src/transfers/next-steps.ts, `rejected`); should
 * it change, the reason shows twice again, and nothing is lost.
 */
export function nextStepsBesideReason(t: TransferView): string[] {
  const steps = t.nextSteps ?? []
  if (t.status !== 'rejected' || !t.rejectionReason) return steps
  const said = `驳回原因：${t.rejectionReason}`
  return steps.map((s) => s.replace(said, '').trim()).filter((s) => s !== '')
}
