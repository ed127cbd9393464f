/** `/transfers` and `/members/:id/transfers`: applications, their events and the inboxes. */
import type { Answers, EscalationAction, EscalationLevel, TargetKind, TransferAction, TransferEventAction, TransferPath, TransferStatus } from '@xianjie/rules';
import type { OrgRef } from './common';
import type { PageQuery } from './paging';

export interface EmergencyContact {
  name: string;
  /** An 11-digit mainland mobile. */
  phone: string;
}

/** 书面保留申请 (study abroad): where, how long, a contact at home. */
export interface RetentionApplication {
  where: string;
  /** Whole months, within `RETENTION_MONTHS`. */
  months: number;
  domesticContact: string;
}

/** The application's own fields, the same for a start and a change (修改申请). */
export interface ApplicationBodyFields {
  targetOrgId?: string;
  /** The receiver's full official name, typed (cross-system transfers only). */
  targetOrgName?: string;
  remarks?: string;
  emergencyContact?: EmergencyContact;
  retention?: RetentionApplication;
}

/**
 * `POST /transfers`. The member themselves sends neither member field; an outgoing admin names
 * `memberId`; a receiving admin pulling a member in names them by `memberIdNumber` + `memberName`.
 */
export interface StartTransferBody extends ApplicationBodyFields {
  memberId?: string;
  memberIdNumber?: string;
  memberName?: string;
  answers: Answers;
}

/** `PATCH /transfers/:id` (or `POST …/modify`): absent fields stay as they are; never whom it is for. */
export interface ModifyTransferBody extends ApplicationBodyFields {
  answers?: Answers;
}

/** `POST /transfers/pull-in/lookup`: the two facts a pull-in names the member by. */
export interface PullInLookupBody {
  memberIdNumber: string;
  memberName: string;
}

/** What the receiving admin sees before answering for the member (发起转入: 核对身份). */
export interface PullInCandidate {
  name: string;
  idNumberMasked: string;
  phoneMasked: string;
  /** The member's school when they are at one, else their branch: "whom did I find". */
  orgName: string;
  transferOpen: boolean;
}

/** A batch pull-in row's answer (批量转入). */
export type PullInRowStatus = 'started' | 'not-found' | 'in-progress' | 'not-fitting' | 'invalid';
export const PULL_IN_ROW_STATUSES: readonly PullInRowStatus[] = ['started', 'not-found', 'in-progress', 'not-fitting', 'invalid'];

export interface PullInBatchRow {
  /** The row number in the sheet (the header is row 1). */
  row: number;
  memberName: string;
  idNumberMasked: string;
  status: PullInRowStatus;
  transferId?: string;
  message: string;
}

/** `POST /transfers/pull-in/batch` (an `.xlsx` as raw bytes): every row answered, each its own atomic pull-in. */
export interface PullInBatchResult {
  total: number;
  counts: Record<PullInRowStatus, number>;
  rows: PullInBatchRow[];
}

/** At most this many waiting graduates a page (`limit`'s ceiling and default). */
export const WAITING_PAGE_MAX = 200;

/** `GET /transfers/pull-in/waiting?limit=&offset=`: by new-students org, then member; `X-Total-Count` says how many in all. */
export type WaitingQuery = PageQuery;

/** `GET /transfers/pull-in/waiting`: a further-study graduate who named a school whose new-students org the caller runs (masked). */
export interface WaitingGraduate {
  memberId: string;
  name: string;
  idNumberMasked: string;
  phoneMasked: string;
  /** Where their membership is now (the old school's branch). */
  orgName: string;
  /** The admitted school as they typed it in their destination report. */
  typedSchoolName: string;
  newStudentsOrg: OrgRef;
  notifiedAt: string | null;
}

export interface ApproveBody {
  comment?: string;
}

export interface RejectBody {
  reason: string;
}

export interface WithdrawBody {
  comment?: string;
}

/** 分配团支部 */
export interface AssignBody {
  branchId: string;
}

export type Box = 'outgoing' | 'incoming' | 'provincial';
export const BOXES: readonly Box[] = ['outgoing', 'incoming', 'provincial'];

/** `GET /transfers?box=&status=&limit=&offset=` */
export interface InboxQuery extends PageQuery {
  box: Box;
  status?: TransferStatus;
  /** 待处理 (waiting for this box's side), 已处理 (everything else), or follow-up (outgoing only). */
  state?: InboxState;
}

/** The application snapshot of domain §4 (接转申请), taken once at submission. */
export interface ApplicationView {
  name: string;
  idNumberMasked: string;
  /** Masked unless the caller may see the member's contacts. */
  phone: string;
  emergencyContact: EmergencyContact | null;
  outgoingBranch: OrgRef;
  /**
   * The outgoing branch's orgs by name, from its school down to the branch (楚天大学团委 › 计算机学院团委
   * › 计算机2201班团支部; outside a school, its last three levels): the receiver sees where the member
   * comes from. Absent on applications submitted before it was recorded.
   */
  outgoingOrgPath?: string[];
  outgoingAdmin: { name: string; phone: string } | null;
  superiorPhone: string | null;
  /** beijing | guangdong | fujian when the receiver is in a separate-system province. */
  separateSystemProvince: string | null;
  reason: string;
  receiver: string | null;
  submittedAt: string;
  remarks: string | null;
  /** Study abroad: the written retention application (its contact masked like a phone). */
  retention: RetentionApplication | null;
  /**
   * A transfer to a township (target township-org) only: the 户籍所在地 and 现居住地 the member had
   * reported (`PUT /me/destination`) when applying or last changing the application — what the
   * township decides by (户籍 or residence there); null when nothing was reported. Full views only.
   */
  reportedHome?: ReportedHome | null;
}

/** One step of a transfer's history. `actorId` is `system` for the sweep. */
export interface TransferEventView {
  at: string;
  actorId: string;
  actorName: string;
  /** A lifecycle action, or a township-refusal step (`escalate`, `retain-pending`) that keeps the status. */
  action: TransferEventAction;
  comment: string | null;
  fromStatus: TransferStatus | null;
  toStatus: TransferStatus;
}

/** Who started a transfer, and as which party. */
export type StarterParty = 'member' | 'outgoing-admin' | 'receiving-admin';

/** Who rejected a transfer, for the member to call: the admin and the org they rejected for. */
export interface RejectedBy {
  step: TransferStatus;
  orgName: string | null;
  adminName: string;
  adminPhone: string;
}

/**
 * A transfer as JSON (the API's entity is `Transfer`). Lists carry the summary: no `answers`, no
 * `events`, phones masked; `GET /transfers/:id` and a write's answer carry the full view.
 */
export interface TransferView {
  id: string;
  memberId: string;
  memberName: string;
  status: TransferStatus;
  path: TransferPath;
  target: TargetKind;
  targetOrgId: string | null;
  targetOrgName: string | null;
  crossSystem: boolean;
  receiverProvince: string | null;
  receiverIsBranch: boolean;
  /** The branch the receiving org placed the member in (分配团支部), once it has. */
  assignedBranchId: string | null;
  /** The assigned branch by name. */
  assignedBranchName: string | null;
  /** The receiving org's parent, for "东风智造集团 › 研发中心团支部"; null when typed or a root. */
  targetOrgParentName: string | null;
  startedBy: { id: string; name: string; party: StarterParty };
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** When the current stage is auto-approved if nobody acts (15 days). */
  stageDeadline: string | null;
  remarks: string | null;
  /** Full view only. */
  answers?: Answers;
  application: ApplicationView;
  rejectionReason: string | null;
  /** Rejected, full view: the step it stopped at and whom to call about it (the rejecting org's admin). */
  rejectedBy?: RejectedBy;
  /** Plain-Chinese sentences: what happens next. */
  nextSteps: string[];
  /** Full view only, oldest first. */
  events?: TransferEventView[];
  /** What the caller may do now (buttons). */
  allowedActions: TransferAction[];
  /** A township's refusal: the path level by level (absent on every other transfer). */
  escalation?: EscalationView;
}

/** What a member reported as their home: where a graduate without a receiving org belongs. */
export interface ReportedHome {
  householdRegistration: string | null;
  residence: string | null;
}

/** An org on a township refusal's path, and whom to call there (its admins). */
export interface EscalationOrgView {
  level: EscalationLevel;
  orgId: string;
  orgName: string;
  contacts: { name: string; phone: string }[];
}

export interface EscalationView {
  /** The level being asked now. */
  level: EscalationLevel;
  next: EscalationLevel | null;
  /** Every level the tree has, with when it was reached (null: not yet). */
  levels: (EscalationOrgView & { reachedAt: string | null })[];
  /** Whom to call now. */
  current: EscalationOrgView | null;
  /** The county floating branch, offered as the receiver of last resort. */
  floatingBranch: OrgRef | null;
  /** Until when the school keeps the member meanwhile, if it does. */
  retainedUntil: string | null;
  /** The steps this caller may take now. */
  actions: EscalationAction[];
}

/** `POST /transfers/:id/escalate` */
export interface EscalateBody {
  comment?: string;
}

/** `POST /transfers/:id/retain-pending`: the last day (YYYY-MM-DD, Beijing), at most 6 months away. */
export interface RetainPendingBody {
  until: string;
  comment?: string;
}

/** `GET /transfers?box=`: a page of summaries and how many of each status the box holds. */
export interface Inbox {
  items: TransferView[];
  counts: Record<TransferStatus, number>;
}

/**
 * The inbox filter: 待处理 (the box's own step, see @xianjie/rules inboxPendingStatuses) or 已处理;
 * and, in the outgoing box only, 待学校跟进 — the township refusals (closed as 已驳回), whatever
 * the school has done about them so far (@xianjie/rules TOWNSHIP_REFUSAL; each item's
 * `escalation.actions` says which steps are left).
 */
export type InboxState = 'pending' | 'done' | 'follow-up';
export const INBOX_STATES: readonly InboxState[] = ['pending', 'done', 'follow-up'];
