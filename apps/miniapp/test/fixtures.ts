import type {
  ApplicationView, CreatedReminder, Me, MemberCard, NotStartedGraduate, OrgProgress, OrgView, ProgressReport, ReminderLanding, ReminderTrack,
  RoleGrantView, SpecialUnitRow, TransferView, UnplacedMoveResult, UnplacedMoveRow, UnplacedMoveView,
} from '@xianjie/contract'
import { UNPLACED_MOVE_STATUSES } from '@xianjie/contract'
import { ApiError } from '../src/api'

/** One role grant as `/me` shows it; the org a school's committee unless said otherwise. */
export function grant(role: RoleGrantView['role'], orgId: string, orgName: string, org: Partial<Pick<RoleGrantView, 'orgKind' | 'orgDomain'>> = {}): RoleGrantView {
  return { role, orgId, orgName, orgKind: 'committee', orgDomain: 'school', ...org }
}

export const apiError = (status: number, code: string, message: string, errors?: { field: string; message: string }[]) =>
  new ApiError(status, { code, message, errors })

export const networkError = () => apiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试。')

export const graduate: Me = {
  id: 'm-1',
  name: '李明',
  idNumberMasked: '420***********0011',
  phone: '13800000001',
  roles: [],
  member: {
    orgId: 'b-class-1',
    orgName: '计算机学院2021级1班团支部',
    orgPath: [{ id: 'hubei', name: '共青团湖北省委' }, { id: 'b-class-1', name: '计算机学院2021级1班团支部' }],
    place: 'branch',
    graduationYear: 2025,
    isGraduate: true,
    isLeagueMember: true,
  },
  mustChangePassword: false,
  abroadReport: null,
}

export const collegeAdmin: Me = {
  id: 'a-1',
  name: '王老师',
  idNumberMasked: '420***********0022',
  phone: '13800000002',
  roles: [grant('org-admin', 'c-cs', '计算机学院团委')],
  member: null,
  mustChangePassword: false,
  abroadReport: null,
}

export function org(partial: Partial<OrgView> & Pick<OrgView, 'id' | 'name'>): OrgView {
  return {
    kind: 'committee',
    domain: 'enterprise',
    province: 'hubei',
    purpose: null,
    isTownship: false,
    parentId: null,
    parentName: null,
    hasChildren: false,
    path: [{ id: partial.id, name: partial.name }],
    ...partial,
  }
}

/** The application snapshot as a party to the transfer sees it (contacts in full). */
export function application(partial: Partial<ApplicationView> = {}): ApplicationView {
  return {
    name: '李明',
    idNumberMasked: '420***********0011',
    phone: '13800000001',
    emergencyContact: null,
    outgoingBranch: { id: 'b-class-1', name: '计算机学院2021级1班团支部' },
    outgoingAdmin: null,
    superiorPhone: null,
    separateSystemProvince: null,
    reason: '就业',
    receiver: '光谷科技有限公司团支部',
    submittedAt: '2025-07-01T02:00:00Z',
    remarks: null,
    retention: null,
    ...partial,
  }
}

export function transfer(partial: Partial<TransferView> = {}): TransferView {
  return {
    id: 't-1',
    memberId: 'm-1',
    memberName: '李明',
    status: 'pending-outgoing',
    path: 'standard',
    target: 'employer-org',
    targetOrgId: 'e-branch',
    targetOrgName: '光谷科技有限公司团支部',
    crossSystem: false,
    receiverProvince: 'hubei',
    receiverIsBranch: true,
    assignedBranchId: null,
    assignedBranchName: null,
    targetOrgParentName: null,
    startedBy: { id: 'm-1', name: '李明', party: 'member' },
    createdAt: '2025-07-01T02:00:00Z',
    updatedAt: '2025-07-01T02:00:00Z',
    closedAt: null,
    stageDeadline: '2025-07-16T02:00:00Z',
    remarks: null,
    application: application(),
    events: [
      { at: '2025-07-01T02:00:00Z', actorId: 'm-1', actorName: '李明', action: 'submit', comment: null, fromStatus: null, toStatus: 'pending-outgoing' },
    ],
    allowedActions: ['withdraw'],
    rejectionReason: null,
    nextSteps: [],
    ...partial,
  }
}

// ---- campaign, reminders (issue 7) ----

export const counsellor: Me = {
  id: 'a-cs-counsellor',
  name: '陈老师',
  idNumberMasked: '420102********5052',
  phone: '13927000005',
  roles: [grant('counsellor', 'chutian-cs', '楚天大学计算机学院团委')],
  member: null,
  mustChangePassword: false,
  abroadReport: null,
}

export function orgProgress(partial: Partial<OrgProgress> & Pick<OrgProgress, 'orgId' | 'orgName'>): OrgProgress {
  return {
    kind: 'committee',
    purpose: null,
    year: 2026,
    graduates: 10,
    started: 4,
    completed: 1,
    retained: 1,
    specialUnit: 0,
    startedRate: 0.4,
    completedRate: 0.1,
    notStarted: 6,
    settled: 2,
    settledRate: 0.2,
    retainedByReason: { floating: 1, studyAbroad: 0, delayedGraduation: 0 },
    target: { graduates: 8, started: 3, excludedFurtherStudy: 1, excludedMilitary: 1 },
    startedTargetRate: 0.375,
    campaignOrgId: 'chutian',
    deadlines: { startedBy: '2026-08-31', receivedBy: '2026-09-30', furtherStudyBy: '2026-10-31' },
    daysLeft: { startedBy: 12, receivedBy: 42, furtherStudyBy: 73 },
    ...partial,
  }
}

export function progressReport(partial: Partial<ProgressReport> = {}): ProgressReport {
  return {
    ...orgProgress({ orgId: 'chutian-cs', orgName: '楚天大学计算机学院团委' }),
    children: [
      orgProgress({ orgId: 'chutian-cs-2201', orgName: '计算机2201班团支部', kind: 'branch', purpose: 'class', graduates: 6,
        started: 3, notStarted: 3, target: { graduates: 5, started: 2, excludedFurtherStudy: 1, excludedMilitary: 0 }, startedTargetRate: 0.4 }),
      orgProgress({ orgId: 'chutian-cs-2202', orgName: '计算机2202班团支部', kind: 'branch', purpose: 'class', graduates: 4,
        started: 1, notStarted: 3, target: { graduates: 3, started: 1, excludedFurtherStudy: 0, excludedMilitary: 1 }, startedTargetRate: 0.3333 }),
    ],
    ...partial,
  }
}

export function notStartedGraduate(partial: Partial<NotStartedGraduate> & Pick<NotStartedGraduate, 'id' | 'name'>): NotStartedGraduate {
  return {
    idNumberMasked: '420111********1019',
    // A list: the API masks every phone in it.
    phone: '138****0001',
    phoneMasked: true,
    orgId: 'chutian-cs-2201',
    orgName: '计算机2201班团支部',
    graduatingOrgId: 'chutian-cs-2201',
    destination: null,
    lastReminder: null,
    deadlineGroup: null,
    dueBy: null,
    ...partial,
  }
}

/** `GET /members/:id` as someone over the member's current branch sees it (full phone). */
export function memberCard(partial: Partial<MemberCard> & Pick<MemberCard, 'id' | 'name'>): MemberCard {
  return {
    idNumberMasked: '420111********1019',
    phone: '13827000001',
    phoneMasked: false,
    orgId: 'chutian-cs-2201',
    orgName: '计算机2201班团支部',
    graduationYear: 2026,
    graduatingOrgId: 'chutian-cs-2201',
    isGraduate: true,
    place: 'branch',
    ...partial,
  }
}

export const TOKEN = 'z_3HisPVXnqphyWoS-59pTh0VDs266bjVo8my6WBy5k'

export function createdReminder(memberId: string, token = TOKEN): CreatedReminder {
  return {
    memberId,
    token,
    code: `c0de${memberId}`.replace(/[^A-Za-z0-9_-]/g, '_').padEnd(24, 'x').slice(0, 24),
    url: `http://127.0.0.1:3000/#/pages/reminder/index?token=${token}`,
    expiresAt: '2026-12-06T00:46:07.168Z',
    delivery: 'log',
  }
}

export function reminderTrack(partial: Partial<ReminderTrack> & Pick<ReminderTrack, 'id' | 'memberId' | 'memberName'>): ReminderTrack {
  return {
    orgId: 'chutian-cs-2201',
    orgName: '计算机2201班团支部',
    graduatingOrgId: 'chutian-cs-2201',
    createdAt: '2026-11-20T02:00:00Z',
    createdBy: { id: 'a-cs-counsellor', name: '陈老师' },
    expiresAt: '2026-12-04T02:00:00Z',
    expired: false,
    openedAt: null,
    openCount: 0,
    delivery: 'log',
    startedAt: null,
    startedAfterReminder: false,
    completedAt: null,
    ...partial,
  }
}

export function landing(partial: Partial<ReminderLanding> = {}): ReminderLanding {
  return {
    memberId: 'm-cs2201-3',
    name: '张伟',
    status: 'not-started',
    steps: ['点下方“开始办理”，回答几个关于毕业去向的问题（约 1 分钟）。', '提交后可以随时在“衔接”里查看审批进度。'],
    deadline: { startedBy: '2026-08-31', daysLeft: 9 },
    expiresAt: '2026-12-06T00:46:07.168Z',
    ...partial,
  }
}

// ---- 未落实去向转入流动团员团支部 (domain §7) ----

/** The college's view after August 1: the school's two floating branches, the year's own suggested. */
export function unplacedMoveView(partial: Partial<UnplacedMoveView> = {}): UnplacedMoveView {
  return {
    orgId: 'chutian-cs',
    year: 2026,
    opensOn: '2026-08-01',
    open: true,
    canMove: true,
    branches: [
      { id: 'chutian-floating-2026', name: '2026届毕业生流动团员团支部', forYear: true },
      { id: 'chutian-floating', name: '楚天大学流动团员团支部', forYear: false },
    ],
    suggestedBranchId: 'chutian-floating-2026',
    reportedUnplaced: 2,
    unreported: 1,
    ...partial,
  }
}

/** The API's answer for these rows, counted by status. */
export function unplacedMoveResult(rows: UnplacedMoveRow[]): UnplacedMoveResult {
  const counts = Object.fromEntries(UNPLACED_MOVE_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])) as UnplacedMoveResult['counts']
  return { total: rows.length, counts, rows }
}

// ---- 特殊单位专属库 ----

/** 邓老师: reviews the province's special-unit transfers; watches no cohort. */
export const provincialReviewer: Me = {
  id: 'a-hubei-reviewer',
  name: '邓老师',
  idNumberMasked: '420102********5091',
  phone: '13927000009',
  roles: [grant('provincial-reviewer', 'hubei', '共青团湖北省委', { orgKind: 'leading-organ', orgDomain: 'government' })],
  member: null,
  mustChangePassword: false,
  abroadReport: null,
}

export function specialUnitRow(partial: Partial<SpecialUnitRow> & Pick<SpecialUnitRow, 'memberId' | 'name' | 'transferId'>): SpecialUnitRow {
  return {
    idNumberMasked: '420111********1019',
    graduatingOrgId: 'chutian-cs-2201',
    graduatingOrgName: '计算机2201班团支部',
    graduatingOrgPath: [
      { id: 'hubei', name: '共青团湖北省委' }, { id: 'chutian', name: '楚天大学团委' },
      { id: 'chutian-cs', name: '楚天大学计算机学院团委' }, { id: 'chutian-cs-2201', name: '计算机2201班团支部' },
    ],
    destination: 'military',
    state: 'library',
    since: '2026-07-01T02:00:00.000Z',
    ...partial,
  }
}
