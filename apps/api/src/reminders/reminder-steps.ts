import type { LandingStatus } from '@xianjie/contract';
import { isOpen } from '@xianjie/rules';
import { factsOf, nextSteps, type NextStepRow } from '../transfers/next-steps';

export interface MemberTransfer extends NextStepRow {
  id: string;
  createdAt: string;
}

export interface LandingState {
  status: LandingStatus;
  /** The open transfer, or the latest completed one. */
  transfer: MemberTransfer | null;
  /** Not started: the latest transfer that was rejected or withdrawn, if any. */
  previous: MemberTransfer | null;
}

const newestFirst = (a: MemberTransfer, b: MemberTransfer) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/** An open transfer means in progress; else a completed one means done; else not started. */
export function landingState(transfers: MemberTransfer[]): LandingState {
  const sorted = [...transfers].sort(newestFirst);
  const open = sorted.find((t) => isOpen(t.status));
  if (open) return { status: 'in-progress', transfer: open, previous: null };
  const done = sorted.find((t) => t.status === 'completed');
  if (done) return { status: 'completed', transfer: done, previous: null };
  return { status: 'not-started', transfer: null, previous: sorted[0] ?? null };
}

const stepsOf = (t: MemberTransfer): string[] => nextSteps(factsOf(t));

export function deadlineLine(deadline: { startedBy: string; daysLeft: number } | null): string[] {
  if (!deadline) return [];
  if (deadline.daysLeft > 0) return [`学校要求在 ${deadline.startedBy} 前提交申请，还剩 ${deadline.daysLeft} 天。`];
  if (deadline.daysLeft === 0) return [`今天（${deadline.startedBy}）是学校要求的提交截止日，请尽快提交。`];
  return [`学校要求的提交截止日（${deadline.startedBy}）已过，请立即提交。`];
}

export function landingSteps(state: LandingState, deadline: { startedBy: string; daysLeft: number } | null): string[] {
  if (state.transfer) return stepsOf(state.transfer);
  const before = state.previous?.status === 'rejected' ? stepsOf(state.previous).slice(0, 1) : [];
  return [
    ...before,
    // Only ever read by the graduate, logged in (the route needs it): no "log in" step.
    '点下方“开始办理”，回答几个关于毕业去向的问题（约 1 分钟）。',
    '按提示选择接收的团组织并提交转接申请；升学、参军入伍、出国（境）等情况，系统会说明专门的办理方式。',
    ...deadlineLine(deadline),
    '提交后可以随时在“衔接”里查看审批进度。',
  ];
}
