import { stagesOf } from './lifecycle';
import { ESCALATION_ACTION_LABELS, type EscalationAction } from './escalation';
import type { TransferAction, TransferShape, TransferStatus } from './lifecycle';

/** What the screens call each status and action. */
export const STATUS_LABELS: Record<TransferStatus, string> = {
  'pending-outgoing': '待转出组织审批',
  'pending-provincial': '待省级团委审核',
  'pending-incoming': '待转入组织审批',
  'pending-assignment': '待分配团支部',
  completed: '已办结',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

export const ACTION_LABELS: Record<TransferAction, string> = {
  submit: '提交申请',
  approve: '同意',
  reject: '驳回',
  withdraw: '撤回',
  assign: '分配团支部',
  'auto-approve': '超时自动通过',
  'provincial-approve': '省级团委审核通过',
  modify: '修改申请',
};

export interface TimelineStep {
  /** The status the transfer has as soon as this step is done (several steps may share one). */
  status: TransferStatus;
  label: string;
}

export type StepState = 'done' | 'current' | 'todo';

const STEP_LABELS: Partial<Record<TransferStatus, string>> = {
  'pending-outgoing': '转出组织审批',
  'pending-provincial': '省级团委审核',
  'pending-incoming': '转入组织审批',
  'pending-assignment': '分配团支部',
};

/**
 * The steps of a transfer of this shape, for the progress timeline: 提交申请 first, then each
 * stage, then the end. A step is done once the transfer's status is its `status` or later.
 */
export function timeline(shape: TransferShape): TimelineStep[] {
  const stages = stagesOf(shape);
  const steps: TimelineStep[] = [{ status: 'pending-outgoing', label: '提交申请' }];
  stages.forEach((stage, i) => {
    const label = shape.path === 'retention' ? '院系团委审批' : (STEP_LABELS[stage] as string);
    steps.push({ status: stages[i + 1] ?? 'completed', label });
  });
  steps.push({ status: 'completed', label: END_LABELS[endOf(shape)] });
  return steps;
}

type End = 'library' | 'retained' | 'other-system' | 'done';
const END_LABELS: Record<End, string> = {
  library: '进入特殊单位专属库',
  retained: '保留在校',
  'other-system': '移交对方系统接收',
  done: '办结',
};

function endOf(shape: TransferShape): End {
  if (shape.path === 'special-unit') return 'library';
  if (shape.path === 'retention') return 'retained';
  return shape.crossSystem ? 'other-system' : 'done';
}

/**
 * Each step marked done / current / todo for an open or completed transfer. A rejected or
 * withdrawn one stopped somewhere only its events tell; pass the status it was in then
 * (`stoppedAt`) to mark the steps before it done, otherwise only 提交申请 counts as done.
 */
export function timelineStates(
  shape: TransferShape, status: TransferStatus, stoppedAt?: TransferStatus,
): (TimelineStep & { state: StepState })[] {
  const closedEarly = status === 'rejected' || status === 'withdrawn';
  const reached = closedEarly ? stoppedAt ?? 'pending-outgoing' : status;
  const order = [...stagesOf(shape), 'completed'];
  const at = order.indexOf(reached);
  let currentGiven = closedEarly; // a closed transfer has no current step
  return timeline(shape).map((step) => {
    if (order.indexOf(step.status) <= at) return { ...step, state: 'done' as const };
    if (currentGiven) return { ...step, state: 'todo' as const };
    currentGiven = true;
    return { ...step, state: 'current' as const };
  });
}

/** Every action a history event may carry: the lifecycle's, plus the township-refusal steps. */
export type TransferEventAction = TransferAction | EscalationAction;
export const EVENT_ACTION_LABELS: Record<TransferEventAction, string> = { ...ACTION_LABELS, ...ESCALATION_ACTION_LABELS };
