import type { ApplicationView, TransferView } from '@xianjie/contract';
import { maskMobile, type Answers, type TransferAction } from '@xianjie/rules';
import type { Transfer } from './transfer.entity';
import type { TransferEvent } from './transfer-event.entity';

export const SYSTEM_ACTOR = 'system';
const SYSTEM_NAME = '系统';

export interface ViewInput {
  transfer: Transfer;
  names: Map<string, string>;
  /** Names of the orgs a view mentions beyond the transfer's own columns (assigned branch, receiver's parent). */
  orgNames: Map<string, string>;
  /** The receiving org's parent id, when it has one. */
  targetParentId: string | null;
  events: TransferEvent[] | null;
  nextSteps: string[];
  allowedActions: TransferAction[];
}

/**
 * One transfer as the mini program reads it. Summaries (inbox lists) leave out answers and
 * events and mask phones; so does a full view for a caller who may not see the member's contacts.
 */
export function transferJson(v: ViewInput, mode: 'full' | 'summary', seesContacts: boolean): TransferView {
  const t = v.transfer;
  const name = (id: string) => (id === SYSTEM_ACTOR ? SYSTEM_NAME : v.names.get(id) ?? '');
  const application = JSON.parse(t.application) as ApplicationView;
  const json: TransferView = {
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
    assignedBranchName: t.assignedBranchId ? v.orgNames.get(t.assignedBranchId) ?? null : null,
    targetOrgParentName: v.targetParentId ? v.orgNames.get(v.targetParentId) ?? null : null,
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
function summaryOf(a: ApplicationView): ApplicationView {
  // The member's reported home is for the detail only.
  const { reportedHome: _home, ...rest } = masked(a);
  return {
    ...rest,
    outgoingAdmin: a.outgoingAdmin ? { name: a.outgoingAdmin.name, phone: maskMobile(a.outgoingAdmin.phone) } : null,
    superiorPhone: a.superiorPhone ? maskMobile(a.superiorPhone) : null,
  };
}

function masked(a: ApplicationView): ApplicationView {
  return {
    ...a,
    phone: maskMobile(a.phone),
    emergencyContact: a.emergencyContact ? { name: a.emergencyContact.name, phone: maskMobile(a.emergencyContact.phone) } : null,
    retention: a.retention ? { ...a.retention, domesticContact: '***' } : null,
  };
}
