import type { ApplicationView, ReportedHome, RetentionApplication } from '@xianjie/contract';
import { answerLabel, maskIdNumber, type Answers, type Resolution } from '@xianjie/rules';
import { iso } from '../common/time';
import type { ReceiverChoice } from './receiver';

export interface ApplicationInput {
  person: { name: string; idNumber: string; phone: string };
  branch: { id: string; name: string };
  /** Root … branch. */
  chain: { id: string; name: string }[];
  /** The member's school on that chain, if any (receiver `schoolOf`). */
  school: { id: string } | null;
  /** What the member reported as home, read for a transfer to a township only. */
  reportedHome?: ReportedHome | null;
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
    outgoingOrgPath: outgoingPath(i.chain, i.school),
    outgoingAdmin: outgoingAdmin ? { name: outgoingAdmin.name, phone: outgoingAdmin.phone } : null,
    superiorPhone: superior?.phone ?? null,
    separateSystemProvince: i.resolution.crossSystem ? i.receiver.receiverProvince : null,
    reason: reasonOf(i.resolution, i.answers),
    receiver: i.receiver.targetOrgName ?? (i.resolution.target === 'special-unit-library' ? '特殊单位专属库' : null),
    submittedAt: iso(i.now),
    remarks: i.remarks,
    retention: i.retention,
    ...(i.resolution.target === 'township-org' ? { reportedHome: i.reportedHome ?? null } : {}),
  };
}

/** How many levels of a chain outside any school the application names: employer › department › branch. */
const PATH_LEVELS_OUTSIDE_SCHOOL = 3;

/** The chain's names from the school down to the branch; outside a school, its last levels. */
function outgoingPath(chain: { id: string; name: string }[], school: { id: string } | null): string[] {
  const from = school ? chain.findIndex((o) => o.id === school.id) : -1;
  return (from >= 0 ? chain.slice(from) : chain.slice(-PATH_LEVELS_OUTSIDE_SCHOOL)).map((o) => o.name);
}

/** 转接原因, in the words the graduate picked. */
export function reasonOf(resolution: Resolution, answers: Answers): string {
  const destination = answerLabel('destination', answers.destination) ?? answers.destination;
  if (resolution.target === 'special-unit-library') return `转往特殊单位团组织（${destination}）`;
  if (resolution.outcome === 'retain') return `保留在校（${destination}）`;
  return destination;
}
