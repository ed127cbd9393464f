import { maskMobile, type Answers, type TargetKind, type TransferAction, type TransferPath, type TransferStatus } from '@xianjie/rules';
import type { RetentionApplication } from './retention-plan';
import type { Transfer } from './transfer.entity';
import type { TransferEvent } from './transfer-event.entity';

/** The application snapshot of domain §4 (接转申请), taken once at submission. */
export interface ApplicationJson {
  name: string;
  idNumberMasked: string;
  phone: string;
  emergencyContact: { name: string; phone: string } | null;
  outgoingBranch: { id: string; name: string };
  outgoingAdmin: { name: string; phone: string } | null;
  superiorPhone: string | null;
  /** beijing | guangdong | fujian when the receiver is in a separate-system province. */
  separateSystemProvince: string | null;
  reason: string;
  receiver: string | null;
  submittedAt: string;
  remarks: string | null;
  /** Study abroad: the written retention application. */
  retention: RetentionApplication | null;
}

export interface EventJson {
  at: string;
  actorId: string;
  actorName: string;
  action: TransferAction;
  comment: string | null;
  fromStatus: TransferStatus | null;
  toStatus: TransferStatus;
}

export interface TransferJson {
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
  assignedBranchId: string | null;
  startedBy: { id: string; name: string; party: string };
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  stageDeadline: string | null;
  remarks: string | null;
  answers?: Answers;
  application: ApplicationJson;
  rejectionReason: string | null;
  /** Rejected, full view: the step it stopped at and whom to call about it (the rejecting org's admin). */
  rejectedBy?: RejectedByJson;
  nextSteps: string[];
  events?: EventJson[];
  allowedActions: TransferAction[];
}

export interface RejectedByJson {
  step: TransferStatus;
  orgName: string | null;
  adminName: string;
  adminPhone: string;
}

export const SYSTEM_ACTOR = 'system';
const SYSTEM_NAME = '系统';

export interface ViewInput {
  transfer: Transfer;
  names: Map<string, string>;
  events: TransferEvent[] | null;
  nextSteps: string[];
  allowedActions: TransferAction[];
}

/**
 * One transfer as the mini program reads it. Summaries (inbox lists) leave out answers and
 * events and mask phones; so does a full view for a caller who may not see the member's contacts.
 */
export function transferJson(v: ViewInput, mode: 'full' | 'summary', seesContacts: boolean): TransferJson {
  const t = v.transfer;
  const name = (id: string) => (id === SYSTEM_ACTOR ? SYSTEM_NAME : v.names.get(id) ?? '');
  const application = JSON.parse(t.application) as ApplicationJson;
  const json: TransferJson = {
    id: t.id,
    memberId: t.memberId,
    memberName: name(t.memberId),
    status: t.status,
    path: t.path,
    target: t.target,
    targetOrgId: t.targetOrgId,
    targetOrgName: t.targetOrgName,
    crossSystem: !!t.crossSystem,
    receiverProvince: t.receiverProvince,
    receiverIsBranch: !!t.receiverIsBranch,
    assignedBranchId: t.assignedBranchId,
    startedBy: { id: t.startedById, name: name(t.startedById), party: t.startedByParty },
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    closedAt: t.closedAt,
    stageDeadline: t.stageDeadline,
    remarks: t.remarks,
    application: mode === 'full' ? (seesContacts ? application : masked(application)) : summaryOf(application),
    rejectionReason: t.rejectionReason,
    nextSteps: v.nextSteps,
    allowedActions: v.allowedActions,
  };
  if (mode === 'full') {
    json.answers = JSON.parse(t.answers) as Answers;
    json.events = (v.events ?? []).map((e) => ({
      at: e.at,
      actorId: e.actorId,
      actorName: name(e.actorId),
      action: e.action,
      comment: e.comment,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
    }));
  }
  return json;
}

/**
 * Lists carry no full phone of anyone (the member's, nor the admins' printed on the form);
 * the detail view shows the admins' numbers to the parties, who may need to call the school.
 */
function summaryOf(a: ApplicationJson): ApplicationJson {
  return {
    ...masked(a),
    outgoingAdmin: a.outgoingAdmin ? { name: a.outgoingAdmin.name, phone: maskMobile(a.outgoingAdmin.phone) } : null,
    superiorPhone: a.superiorPhone ? maskMobile(a.superiorPhone) : null,
  };
}

function masked(a: ApplicationJson): ApplicationJson {
  return {
    ...a,
    phone: maskMobile(a.phone),
    emergencyContact: a.emergencyContact ? { name: a.emergencyContact.name, phone: maskMobile(a.emergencyContact.phone) } : null,
    retention: a.retention ? { ...a.retention, domesticContact: '***' } : null,
  };
}
