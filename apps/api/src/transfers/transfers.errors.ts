import { LifecycleError, RulesError, type Resolution } from '@xianjie/rules';
import type { MembershipPlace } from '@xianjie/contract';
import { AppError } from '../common/app-error';

/** The transfer workflow's failures, each with the contract's code and a sentence a person can act on. */

export const transferNotFound = () => new AppError(404, 'TRANSFER_NOT_FOUND', '该转接业务不存在或不在您的管理范围内');

export const memberNotFound = () => new AppError(404, 'MEMBER_NOT_FOUND', '该团员不存在或不在您的管理范围内');

/**
 * 已有业务正在办理: names who started the open transfer and when (Beijing time) — to a party to
 * that transfer only (`open` is null otherwise), so a stranger learns nothing about whose it is.
 */
export const transferInProgress = (open: { id: string; startedBy: { id: string; name: string; party: string }; createdAt: string } | null) =>
  new AppError(
    409,
    'TRANSFER_IN_PROGRESS',
    open
      ? `已有业务正在办理（由 ${open.startedBy.name}（${PARTY_LABELS[open.startedBy.party] ?? '发起人'}）于 ${beijingTime(open.createdAt)} 发起），请等它办结或撤回后再发起`
      : '已有业务正在办理，请等它办结或撤回后再发起',
    open ? { openTransfer: { id: open.id, startedBy: open.startedBy, createdAt: open.createdAt } } : {},
  );

export const crossSystemOutgoingOnly = () =>
  new AppError(
    403,
    'CROSS_SYSTEM_OUTGOING_ONLY',
    '转往北京、广东、福建属于跨系统转接，只能由转出组织（学校团组织）发起，并准确填写接收组织的全称',
  );

export const targetNotAllowed = (reason: string) =>
  new AppError(422, 'TARGET_NOT_ALLOWED', `接收组织不符合要求：${reason}`, { reason });

export const noTransferNeeded = (resolution: Resolution) =>
  new AppError(422, 'NO_TRANSFER_NEEDED', resolution.explanation.join(''), {
    outcome: resolution.outcome,
    explanation: resolution.explanation,
  });

export const answersInvalid = (e: RulesError) => new AppError(422, e.code, e.message, { field: e.field });

export const tooManyLookups = (seconds: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', `查询过于频繁，请 ${Math.max(1, Math.ceil(seconds / 60))} 分钟后再试`, { retryAfterSeconds: seconds });

export const pullInNotAllowed = () => new AppError(403, 'FORBIDDEN', '只有团组织管理员可以发起转入');

export const followUpOutgoingOnly = () =>
  new AppError(400, 'VALIDATION_FAILED', '“待学校跟进”只用于转出审批', { errors: [{ field: 'state', message: 'state=follow-up 只能与 box=outgoing 一起使用' }] });

export const memberNamedTwice = () =>
  new AppError(400, 'VALIDATION_FAILED', '请只用一种方式指明团员', {
    errors: [{ field: 'memberIdNumber', message: '按身份证号和姓名发起转入时，不要再填写 memberId' }],
  });

/** Changing an application that would no longer fit the stage it is in: withdraw and start again. */
export const modifyNotAllowed = (message: string) => new AppError(409, 'MODIFY_NOT_ALLOWED', message);

export const startNotAllowed = (message: string) => new AppError(403, 'START_NOT_ALLOWED', message);

/** A member whose membership has left for another province's system or the special-unit library: nothing to start here. */
export const memberLeftSystem = (place: Exclude<MembershipPlace, 'branch'>) =>
  startNotAllowed(
    place === 'other-system'
      ? '该团员的团组织关系已转入北京、广东或福建的团员管理系统，不能在本系统再次发起转接。'
      : '该团员的团组织关系已进入特殊单位专属库，由省级团委管理，不能再从原团组织发起转接。',
  );

export const memberRequired = () =>
  new AppError(400, 'VALIDATION_FAILED', '请选择要办理转接的团员', { errors: [{ field: 'memberId', message: '请选择要办理转接的团员' }] });

export const retentionApplicationRequired = () =>
  new AppError(400, 'VALIDATION_FAILED', '保留在校需要书面申请', {
    errors: [{ field: 'retention', message: '请填写书面保留申请：去哪里、去多久、国内联系人' }],
  });

/** The member's membership moved (another transfer completed, an import) between a start's read and its write. */
export const memberMoved = () =>
  new AppError(409, 'MEMBER_MOVED', '该团员的团组织关系刚刚发生了变化（另一笔转接已办结或组织关系已调整），本次没有提交，请刷新后重新发起');

/** Someone else acted between reading the transfer and writing it. */
export const transferChanged = () => new AppError(409, 'TRANSFER_CHANGED', '这笔业务刚刚被其他人处理过，请刷新后再试');

export const inboxNotAllowed = () => new AppError(403, 'FORBIDDEN', '您没有查看这个待办箱的权限');

/** The lifecycle's refusals, by its own codes: not this step's party → 403; not now → 409. */
export function lifecycleRefusal(e: LifecycleError): AppError {
  switch (e.code) {
    case 'NOT_YOUR_STEP':
      return new AppError(403, 'NOT_YOUR_STEP', e.message);
    case 'WITHDRAW_NOT_ALLOWED':
      return new AppError(409, 'WITHDRAW_NOT_ALLOWED', e.message);
    case 'MODIFY_NOT_ALLOWED':
      return new AppError(409, 'MODIFY_NOT_ALLOWED', e.message);
    case 'ACTION_NOT_ALLOWED':
      return new AppError(409, 'ACTION_NOT_ALLOWED', e.message);
  }
}

export const PARTY_LABELS: Record<string, string> = {
  member: '团员本人',
  'outgoing-admin': '转出组织',
  'receiving-admin': '转入组织',
  'provincial-reviewer': '省级团委',
  system: '系统',
};

/** `2026-07-01 10:00`, Beijing time: what a graduate reads on the phone. */
export function beijingTime(at: string): string {
  const d = new Date(Date.parse(at) + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** A batch file that cannot be read as a pull-in sheet (nothing was started). */
export const batchNotReadable = (message: string) =>
  new AppError(400, 'VALIDATION_FAILED', message, { errors: [{ field: 'file', message }] });

export const tooManyBatchRows = (seconds: number, perDay: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', `批量转入每天最多核对 ${perDay} 行，这个文件超出了今天的余量，请 ${Math.max(1, Math.ceil(seconds / 3600))} 小时后再试或分批上传`, { retryAfterSeconds: seconds });

export const unplacedMoveNotAllowed = () =>
  new AppError(403, 'FORBIDDEN', '未落实去向的毕业生由学院或学校团委统一转入流动团员团支部，团支部不能操作');

export const unplacedMoveNotOpen = (year: number, opensOn: string) =>
  new AppError(
    409,
    'UNPLACED_MOVE_NOT_OPEN',
    `${year}年7月31日后仍未落实去向的毕业生，学校才能统一转入流动团员团支部（${opensOn} 起）；在此之前请提醒他们自行办理`,
  );
