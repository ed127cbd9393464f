/**
 * The API's shapes (shared/spec/contract.md §2 and the lead's additions), as the phone sees
 * them. Status and action names come from the rules library, so both sides speak one vocabulary.
 */
import type { Answers, TransferAction, TransferStatus } from '@xianjie/rules'

export type RoleName = 'org-admin' | 'counsellor' | 'provincial-reviewer'

export interface Role {
  role: RoleName
  orgId: string
  orgName?: string
}

export interface SessionUser {
  id: string
  name: string
  roles: Role[]
}

export interface LoginResult {
  token: string
  mustChangePassword: boolean
  user: SessionUser
}

export interface OrgRef {
  id: string
  name: string
}

export interface Me {
  id: string
  name: string
  idNumberMasked: string
  phone: string
  roles: Role[]
  member: null | {
    /** The member record's id when it differs from the account's (`id` otherwise). */
    id?: string
    orgId: string
    orgName: string
    orgPath: OrgRef[]
    graduationYear: number | null
    isGraduate: boolean
    /** The own school's special branches by purpose (kept at school: named, never searched). */
    schoolBranches?: Partial<Record<'floating' | 'study-abroad' | 'delayed-graduation', OrgRef>>
  }
}

export type OrgKind = 'leading-organ' | 'committee' | 'working-committee' | 'general-branch' | 'branch'
export type OrgDomain = 'school' | 'township' | 'enterprise' | 'government' | 'other'

export interface Org {
  id: string
  name: string
  kind: OrgKind
  domain: OrgDomain
  province: string
  purpose: string | null
  isTownship: boolean
  parentId: string | null
  hasChildren: boolean
  /** root … self */
  path: OrgRef[]
}

export interface EmergencyContact {
  name: string
  phone: string
}

export interface Retention {
  where: string
  months: number
  domesticContact: string
}

export interface StartTransferBody {
  memberId?: string
  answers: Answers
  targetOrgId?: string
  targetOrgName?: string
  remarks?: string
  emergencyContact?: EmergencyContact
  retention?: Retention
}

/** 修改申请: the same fields as a start, for the member or the starter (never who it is for). */
export type ModifyTransferBody = Omit<StartTransferBody, 'memberId'>

export interface TransferEvent {
  at: string
  actorId: string
  actorName?: string
  action: string
  comment: string | null
  fromStatus?: TransferStatus | null
  toStatus?: TransferStatus | null
}

export interface Application {
  name: string
  idNumberMasked: string
  phone: string
  emergencyContact: EmergencyContact | null
  outgoingBranch: OrgRef | null
  outgoingAdmin: { name: string; phone: string } | null
  superiorPhone: string | null
  separateSystemProvince: string | null
  reason: string
  receiver: string | null
  submittedAt: string
  remarks: string | null
  retention?: Retention | null
}

export type TransferPath = 'standard' | 'special-unit' | 'retention'

export interface Transfer {
  id: string
  memberId: string
  memberName: string
  status: TransferStatus
  path: TransferPath
  target: string
  targetOrgId: string | null
  targetOrgName: string | null
  crossSystem: boolean
  receiverProvince?: string | null
  receiverIsBranch?: boolean
  startedBy: { id: string; name: string; party?: string }
  createdAt: string
  updatedAt?: string
  closedAt?: string | null
  stageDeadline?: string | null
  remarks?: string | null
  answers?: Answers
  application?: Application
  rejectionReason?: string | null
  /** Rejected (full view): the step it stopped at and the rejecting org's admin to call. */
  rejectedBy?: { step: TransferStatus; orgName: string | null; adminName: string; adminPhone: string }
  nextSteps?: string[]
  events?: TransferEvent[]
  allowedActions?: TransferAction[]
}

export type Box = 'outgoing' | 'incoming' | 'provincial'

export interface Inbox {
  items: Transfer[]
  counts: Partial<Record<TransferStatus, number>>
}

/** A roster row (`GET /members`): a list, so the phone is always masked. */
export interface MemberSummary {
  id: string
  name: string
  idNumberMasked: string
  phone: string
  phoneMasked: boolean
  orgId: string
  orgName: string
  graduationYear: number | null
}

export type MembershipPlace = 'branch' | 'special-unit-library' | 'other-system'

/**
 * One member's card (`GET /members/:id`): the phone in full only for org-admins and counsellors
 * over the member's current branch (`phoneMasked: false`); those over the branch they graduated
 * from get it masked. The ID number is always masked.
 */
export interface MemberCard extends MemberSummary {
  graduatingOrgId: string | null
  isGraduate: boolean
  place: MembershipPlace
}

export interface FieldError {
  field: string
  message: string
}

export interface ErrorBody {
  code: string
  message: string
  errors?: FieldError[]
  /** 422 IMPORT_INVALID: every bad row of an import file. */
  problems?: ImportProblem[]
}

// ---- Importing a roster (contract §3, issue 11) ----
export interface ImportProblem {
  row: string
  field: string
  message: string
  /** e.g. "members 表第 12 行「手机号」" */
  where?: string
}
export interface ImportTally {
  created: number
  updated: number
  unchanged: number
}
export interface ImportReport {
  orgs: ImportTally
  members: ImportTally
  admins: ImportTally
}

// ---- The campaign (domain §5): progress, not-started graduates, reminder links (issue 7) ----

export interface CampaignDeadlines {
  /** Beijing days, `YYYY-MM-DD`. */
  startedBy: string
  receivedBy: string
  furtherStudyBy: string
}

/** Progress of one org's graduating cohort (毕业生团员转接进度). Rates are fractions 0..1. */
export interface OrgProgress {
  orgId: string
  orgName: string
  kind: OrgKind
  purpose: string | null
  year: number
  graduates: number
  started: number
  completed: number
  retained: number
  specialUnit: number
  startedRate: number
  completedRate: number
  notStarted: number
  settled: number
  settledRate: number
  retainedByReason: { floating: number; studyAbroad: number; delayedGraduation: number }
  /** The 100 % started target: graduates not going to further study nor to the military. */
  target: { graduates: number; started: number; excludedFurtherStudy: number; excludedMilitary: number }
  startedTargetRate: number
  campaignOrgId: string | null
  deadlines: CampaignDeadlines
  /** Whole days to each deadline: 0 on the day, negative once passed. */
  daysLeft: Record<keyof CampaignDeadlines, number>
}

/** The May 15 preparation check (domain §7), on the school's own progress only. */
export interface PreparationCheck {
  dueBy: string
  daysLeft: number
  dataEntered: boolean
  unmarkedBranches: number
  unmarkedBranchList: { id: string; name: string }[]
  statisticsFiled: boolean
  statisticsFiledAt: string | null
  ready: boolean
}

export interface ProgressReport extends OrgProgress {
  children: OrgProgress[]
  preparation?: PreparationCheck
}

export type DeadlineGroup = 'employed-unplaced' | 'postgraduate-civil-servant' | 'further-study'

/** A school's campaign dates, per group too (domain §7). */
export interface CampaignDates extends CampaignDeadlines {
  preparationBy: string
  employedUnplacedBy: string
  postgraduateCivilServantBy: string
}

export interface Campaign extends CampaignDates {
  orgId: string
  orgName: string
  year: number
  custom: boolean
  daysLeft: Record<keyof CampaignDates, number>
  groups: { group: DeadlineGroup; dueBy: string; daysLeft: number }[]
}

export type RetentionKind = 'floating' | 'study-abroad' | 'delayed-graduation'
export type RetentionState = 'active' | 'follow-up' | 'overdue' | 'closed'

/** One line of the retention ledger (保留台账). */
export interface RetentionRow {
  id: string
  memberId: string
  name: string
  idNumberMasked: string
  phone: string
  phoneMasked: boolean
  kind: RetentionKind
  state: RetentionState
  branchId: string
  branchName: string
  graduatingOrgId: string
  graduatingOrgName: string
  graduationYear: number | null
  since: string
  followUpAt: string | null
  until: string | null
  dueAt: string | null
  transferId: string
  closedAt: string | null
}

export interface StatisticsFigures {
  graduatingClasses: number
  graduatingBranches: number
  graduates: number
  graduatingMembers: number
}

/** The yearly statistics table (年度统计表). */
export interface StatisticsTable extends StatisticsFigures {
  orgId: string
  orgName: string
  year: number
  rows: (StatisticsFigures & { orgId: string; orgName: string })[]
  filedAt: string | null
}

export interface LastReminder {
  createdAt: string
  openedAt: string | null
  expiresAt: string
  openCount: number
}

/** A graduate who has not started a transfer (未发起). */
export interface NotStartedGraduate {
  id: string
  name: string
  idNumberMasked: string
  /** Masked, as in every list; the full number is on the member's card (`api.member`). */
  phone: string
  phoneMasked: boolean
  orgId: string
  orgName: string
  graduatingOrgId: string
  lastReminder: LastReminder | null
  /** The group whose date applies (civil servants and postgraduates the later one); null for the military. */
  deadlineGroup?: DeadlineGroup | null
  dueBy?: string | null
}

export interface Page<T> {
  items: T[]
  /** How many there are in all (`X-Total-Count`). */
  total: number
}

/** A reminder link (提醒链接) just created: the token is shown this once. */
export interface CreatedReminder {
  memberId: string
  token: string
  url: string
  expiresAt: string
  delivery: string
}

/** One link in the tracking list: opened? started? completed? */
export interface ReminderTrack {
  id: string
  memberId: string
  memberName: string
  orgId?: string
  orgName: string
  createdAt: string
  createdBy?: { id: string; name: string | null }
  expiresAt: string
  expired: boolean
  openedAt: string | null
  openCount: number
  delivery: string | null
  startedAt: string | null
  startedAfterReminder: boolean
  completedAt: string | null
}

export type LandingStatus = 'not-started' | 'in-progress' | 'completed'

/** What the graduate sees on opening their reminder link. */
export interface ReminderLanding {
  memberId: string
  name: string
  status: LandingStatus
  transfer?: { id: string; status: TransferStatus; path: TransferPath; targetOrgName: string | null }
  previous?: { id: string; status: TransferStatus }
  steps: string[]
  deadline: { startedBy: string; daysLeft: number } | null
  expiresAt: string
}

/** `POST /auth/forgot-password`: how a reset works and whom to ask (phones masked). */
export interface PasswordHelp {
  howItWorks: string
  contacts: { name: string; phoneMasked: string; orgName: string }[]
}
