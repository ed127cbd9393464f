import type { Resolution } from './types';

/**
 * The transfer state machine (接转业务): every status, every move, and who may make it.
 * The API calls `nextStatus` and never sets a status by hand; the mini program calls
 * `allowedActions` to show only the buttons that would work. Both come from `decide`,
 * so a button is shown exactly when the API would accept it.
 */

export type TransferStatus =
  | 'pending-outgoing' | 'pending-provincial' | 'pending-incoming' | 'pending-assignment'
  | 'completed' | 'rejected' | 'withdrawn';
export type TransferAction =
  | 'submit' | 'approve' | 'reject' | 'withdraw' | 'assign' | 'auto-approve' | 'provincial-approve' | 'modify';
export type Party = 'member' | 'outgoing-admin' | 'receiving-admin' | 'provincial-reviewer' | 'system';
/** standard: to a named org; special-unit: to the 特殊单位专属库; retention: kept at school. */
export type TransferPath = 'standard' | 'special-unit' | 'retention';

/**
 * What decides the steps. `crossSystem` and `receiverIsBranch` only matter on the standard
 * path: a special-unit or retention transfer never leaves the system and never needs a
 * branch assigned, whatever those flags say.
 */
export interface TransferShape {
  path: TransferPath;
  crossSystem: boolean;
  receiverIsBranch: boolean;
}

export interface LifecycleOptions {
  /** The acting admin started this transfer (the member always may withdraw their own). */
  isStarterOrMember?: boolean;
  /** The acting admin is the transfer's member: nobody judges their own transfer. */
  isMember?: boolean;
}

export type LifecycleErrorCode = 'ACTION_NOT_ALLOWED' | 'WITHDRAW_NOT_ALLOWED' | 'MODIFY_NOT_ALLOWED' | 'NOT_YOUR_STEP';

export class LifecycleError extends Error {
  readonly code: LifecycleErrorCode;

  constructor(code: LifecycleErrorCode, message: string) {
    super(message);
    this.name = 'LifecycleError';
    this.code = code;
  }
}

export const TRANSFER_STATUSES: readonly TransferStatus[] = [
  'pending-outgoing', 'pending-provincial', 'pending-incoming', 'pending-assignment',
  'completed', 'rejected', 'withdrawn',
];
export const TRANSFER_ACTIONS: readonly TransferAction[] = [
  'submit', 'approve', 'reject', 'withdraw', 'assign', 'auto-approve', 'provincial-approve', 'modify',
];
export const PARTIES: readonly Party[] = ['member', 'outgoing-admin', 'receiving-admin', 'provincial-reviewer', 'system'];
export const OPEN_STATUSES: readonly TransferStatus[] = [
  'pending-outgoing', 'pending-provincial', 'pending-incoming', 'pending-assignment',
];

/** Each approval stage has 15 days; then the sweep approves it automatically. */
export const STAGE_DEADLINE_DAYS = 15;

export function isOpen(s: TransferStatus): boolean {
  return OPEN_STATUSES.includes(s);
}

/** Which path a resolution starts, or null when nothing can be started now. */
export function pathFor(resolution: Resolution): TransferPath | null {
  if (resolution.outcome === 'retain') return 'retention';
  if (resolution.outcome !== 'transfer') return null;
  return resolution.target === 'special-unit-library' ? 'special-unit' : 'standard';
}

/** The shape of the transfer a resolution starts; the API knows whether the picked org is a branch. */
export function shapeFor(resolution: Resolution, receiverIsBranch: boolean): TransferShape | null {
  const path = pathFor(resolution);
  return path && { path, crossSystem: resolution.crossSystem, receiverIsBranch };
}

export function initialStatus(_shape: TransferShape): TransferStatus {
  return 'pending-outgoing';
}

const isCross = (shape: TransferShape): boolean => shape.path === 'standard' && shape.crossSystem;

/** The open statuses a transfer of this shape passes through, in order. */
export function stagesOf(shape: TransferShape): TransferStatus[] {
  if (shape.path === 'special-unit') return ['pending-outgoing', 'pending-provincial'];
  // Cross-system: the other province's own system does the receiving.
  if (shape.path === 'retention' || isCross(shape)) return ['pending-outgoing'];
  return shape.receiverIsBranch
    ? ['pending-outgoing', 'pending-incoming']
    : ['pending-outgoing', 'pending-incoming', 'pending-assignment'];
}

/** The graduate, the outgoing org or the receiving org may start; some shapes narrow that. */
export function canStart(party: Party, shape: TransferShape): boolean {
  // The receiving org of a cross-system transfer is not in this system at all.
  if (isCross(shape)) return party === 'outgoing-admin';
  // The library and a school's own special branch have no receiving admin to start it.
  if (shape.path !== 'standard') return party === 'member' || party === 'outgoing-admin';
  return party === 'member' || party === 'outgoing-admin' || party === 'receiving-admin';
}

const STAGE_ACTOR: Partial<Record<TransferStatus, Party>> = {
  'pending-outgoing': 'outgoing-admin',
  'pending-provincial': 'provincial-reviewer',
  'pending-incoming': 'receiving-admin',
  'pending-assignment': 'receiving-admin',
};

/** Whose step it is; null once closed or in a status this shape never passes through. */
export function actorFor(status: TransferStatus, shape: TransferShape): Party | null {
  return stagesOf(shape).includes(status) ? (STAGE_ACTOR[status] as Party) : null;
}

/** Approval stages only: assignment waits for a person, the receiver having already accepted. */
export function isAutoApprovable(status: TransferStatus): boolean {
  return status === 'pending-outgoing' || status === 'pending-provincial' || status === 'pending-incoming';
}

export function stageDeadline(enteredAt: Date): Date {
  return new Date(enteredAt.getTime() + STAGE_DEADLINE_DAYS * 24 * 3600 * 1000);
}

/** The sweep's test: an approval stage untouched for 15 days. */
export function isOverdue(status: TransferStatus, enteredAt: Date, now: Date): boolean {
  return isAutoApprovable(status) && now.getTime() >= stageDeadline(enteredAt).getTime();
}

type Decision = { ok: true; next: TransferStatus } | { ok: false; code: LifecycleErrorCode; message: string };

const refuse = (code: LifecycleErrorCode, message: string): Decision => ({ ok: false, code, message });
const go = (next: TransferStatus): Decision => ({ ok: true, next });
/** A branch secretary who is also a graduate of the branch must not judge his own transfer. */
const OWN_TRANSFER = refuse('NOT_YOUR_STEP', '不能审批或办理自己的转接申请，请由其他管理员办理。');

/**
 * The whole rule book. First: can this action happen in this status at all (else
 * ACTION_NOT_ALLOWED, or WITHDRAW_NOT_ALLOWED for a withdrawal)? Then: is it this party's
 * to make (else NOT_YOUR_STEP)?
 */
function decide(
  status: TransferStatus, action: TransferAction, shape: TransferShape, party: Party, opts: LifecycleOptions,
): Decision {
  const stages = stagesOf(shape);
  const actor = actorFor(status, shape);
  if (action === 'withdraw') return decideWithdraw(status, shape, party, opts);
  if (action === 'modify') return decideModify(status, shape, party, opts);
  if (actor === null) return refuse('ACTION_NOT_ALLOWED', isOpen(status) ? '这笔业务不会处于这一环节。' : '这笔业务已经结束，不能再操作。');
  const after = stages[stages.indexOf(status) + 1] ?? 'completed';
  switch (action) {
    case 'submit':
      return refuse('ACTION_NOT_ALLOWED', '申请已经提交，不能重复提交。');
    case 'assign':
      if (status !== 'pending-assignment') return refuse('ACTION_NOT_ALLOWED', '现在还不到分配团支部的环节。');
      if (party === actor && opts.isMember === true) return OWN_TRANSFER;
      return party === actor ? go('completed') : refuse('NOT_YOUR_STEP', '只有转入组织可以分配团支部。');
    case 'provincial-approve':
      if (status !== 'pending-provincial') return refuse('ACTION_NOT_ALLOWED', '现在不是省级团委审核环节。');
      if (party === actor && opts.isMember === true) return OWN_TRANSFER;
      return party === actor ? go('completed') : refuse('NOT_YOUR_STEP', '只有省级团委可以审核。');
    case 'auto-approve':
      if (!isAutoApprovable(status)) return refuse('ACTION_NOT_ALLOWED', '分配团支部环节不会自动通过。');
      return party === 'system' ? go(after) : refuse('NOT_YOUR_STEP', '只有系统可以超时自动通过。');
    case 'approve':
    case 'reject':
      // The receiver accepted already; what is left is placing the member, not judging.
      if (status === 'pending-assignment') return refuse('ACTION_NOT_ALLOWED', '转入组织已经同意接收，请分配团支部。');
      if (party !== actor) return refuse('NOT_YOUR_STEP', `现在是${STAGE_NAMES[status]}环节，不该由你办理。`);
      if (opts.isMember === true) return OWN_TRANSFER;
      return go(action === 'approve' ? after : 'rejected');
  }
}

const STAGE_NAMES: Partial<Record<TransferStatus, string>> = {
  'pending-outgoing': '转出组织审批',
  'pending-provincial': '省级团委审核',
  'pending-incoming': '转入组织审批',
};

/** Only while the receiving side has not acted, never cross-system, by the member or the starter. */
function decideWithdraw(status: TransferStatus, shape: TransferShape, party: Party, opts: LifecycleOptions): Decision {
  if (!isOpen(status)) return refuse('WITHDRAW_NOT_ALLOWED', '这笔业务已经结束，不能撤回。');
  if (isCross(shape)) return refuse('WITHDRAW_NOT_ALLOWED', '跨系统转接提交后不能撤回。');
  if (!stagesOf(shape).includes(status) || status === 'pending-assignment') {
    return refuse('WITHDRAW_NOT_ALLOWED', '接收方已经同意接收，不能撤回。');
  }
  const mayWithdraw =
    party === 'member' || ((party === 'outgoing-admin' || party === 'receiving-admin') && opts.isStarterOrMember === true);
  return mayWithdraw ? go('withdrawn') : refuse('NOT_YOUR_STEP', '只有申请人或团员本人可以撤回。');
}

/**
 * Changing an application (修改申请) follows withdrawal exactly: by the member or the starter,
 * while the receiving side has not acted, never cross-system — only in its own words.
 */
function decideModify(status: TransferStatus, shape: TransferShape, party: Party, opts: LifecycleOptions): Decision {
  const w = decideWithdraw(status, shape, party, opts);
  if (w.ok) return go(status);
  if (w.code === 'NOT_YOUR_STEP') return refuse('NOT_YOUR_STEP', '只有申请人或团员本人可以修改申请。');
  if (!isOpen(status)) return refuse('MODIFY_NOT_ALLOWED', '这笔业务已经结束，不能修改。');
  if (isCross(shape)) return refuse('MODIFY_NOT_ALLOWED', '跨系统转接提交后不能修改。');
  return refuse('MODIFY_NOT_ALLOWED', '接收方已经同意接收，不能修改申请。');
}

/**
 * Whether the receiving side has had this transfer before it: it reached 转入组织审批 (or went
 * past it), or closed there — rejected by the receiver, or withdrawn while waiting for it.
 * What never got that far is none of the receiver's business (not listed, not readable).
 * `closedFrom`: the status a rejected or withdrawn transfer was in when it closed.
 */
export function reachedReceiver(status: TransferStatus, shape: TransferShape, closedFrom: TransferStatus | null): boolean {
  if (shape.path !== 'standard' || isCross(shape)) return false;
  if (status === 'pending-incoming' || status === 'pending-assignment' || status === 'completed') return true;
  if (status === 'rejected' || status === 'withdrawn') return closedFrom === 'pending-incoming' || closedFrom === 'pending-assignment';
  return false;
}

/** The actions that would succeed, in a stable order: the buttons to show. */
export function allowedActions(
  status: TransferStatus, shape: TransferShape, party: Party, opts: LifecycleOptions = {},
): TransferAction[] {
  return TRANSFER_ACTIONS.filter((a) => decide(status, a, shape, party, opts).ok);
}

/**
 * The status after `action`, or a LifecycleError saying why not. Admins withdrawing must
 * pass `{ isStarterOrMember: true }` when they started the transfer; without it they are refused.
 */
export function nextStatus(
  status: TransferStatus, action: TransferAction, shape: TransferShape, party: Party, opts: LifecycleOptions = {},
): TransferStatus {
  const d = decide(status, action, shape, party, opts);
  if (!d.ok) throw new LifecycleError(d.code, d.message);
  return d.next;
}

/** Whether the transfer may still be withdrawn at all (by its member or starter). */
export function canWithdraw(status: TransferStatus, shape: TransferShape): boolean {
  return decide(status, 'withdraw', shape, 'member', {}).ok;
}
