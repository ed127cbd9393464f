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
  stageDeadline?: string | null
  remarks?: string | null
  answers?: Answers
  application?: Application
  rejectionReason?: string | null
  nextSteps?: string[]
  events?: TransferEvent[]
  allowedActions?: TransferAction[]
}

export type Box = 'outgoing' | 'incoming' | 'provincial'

export interface Inbox {
  items: Transfer[]
  counts: Partial<Record<TransferStatus, number>>
}

export interface MemberSummary {
  id: string
  name: string
  idNumberMasked: string
  phone: string
  orgId: string
  orgName: string
  graduationYear: number | null
}

export interface FieldError {
  field: string
  message: string
}

export interface ErrorBody {
  code: string
  message: string
  errors?: FieldError[]
}
