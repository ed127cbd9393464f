import type { ApplicationView, RetentionApplication } from '@xianjie/contract';
import { answerLabel, maskIdNumber, type Answers, type Resolution } from '@xianjie/rules';
import { iso } from '../common/time';
import type { ReceiverChoice } from './receiver';

export interface ApplicationInput {
  person: { name: string; idNumber: string; phone: string };
  branch: { id: string; name: string };
  /** Root … branch. */
  chain: { id: string; name: string }[];
  /** Org-admins on the chain, nearest the branch first. */
  admins: { orgId: string; name: string; phone: string }[];
  resolution: Resolution;
  answers: Answers;
  receiver: ReceiverChoice;
  now: Date;
  remarks: string | null;
  emergencyContact: { name: string; phone: string } | null;
  retention: RetentionApplication | null;
}

/**
 * The application (接转申请) as domain §4 lists it, snapshotted at submission so later changes
 * to people or orgs do not rewrite what was applied for. The ID number is kept masked only.
 */
export function buildApplication(i: ApplicationInput): ApplicationView {
  const depth = new Map(i.chain.map((o, n) => [o.id, n]));
  const outgoingAdmin = i.admins[0] ?? null;
  const adminDepth = outgoingAdmin ? depth.get(outgoingAdmin.orgId) ?? 0 : i.chain.length;
  const superior = i.admins.find((a) => (depth.get(a.orgId) ?? 0) < adminDepth) ?? null;
  return {
    name: i.person.name,
    idNumberMasked: maskIdNumber(i.person.idNumber),
    phone: i.person.phone,
    emergencyContact: i.emergencyContact ? { name: i.emergencyContact.name, phone: i.emergencyContact.phone } : null,
    outgoingBranch: { id: i.branch.id, name: i.branch.name },
    outgoingOrgPath: i.chain.map((o) => o.name),
    outgoingAdmin: outgoingAdmin ? { name: outgoingAdmin.name, phone: outgoingAdmin.phone } : null,
    superiorPhone: superior?.phone ?? null,
    separateSystemProvince: i.resolution.crossSystem ? i.receiver.receiverProvince : null,
    reason: reasonOf(i.resolution, i.answers),
    receiver: i.receiver.targetOrgName ?? (i.resolution.target === 'special-unit-library' ? '特殊单位专属库' : null),
    submittedAt: iso(i.now),
    remarks: i.remarks,
    retention: i.retention,
  };
}

/** 转接原因, in the words the graduate picked. */
export function reasonOf(resolution: Resolution, answers: Answers): string {
  const destination = answerLabel('destination', answers.destination) ?? answers.destination;
  if (resolution.target === 'special-unit-library') return `转往特殊单位团组织（${destination}）`;
  if (resolution.outcome === 'retain') return `保留在校（${destination}）`;
  return destination;
}
