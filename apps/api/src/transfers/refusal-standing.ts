import { Not, type EntityManager } from 'typeorm';
import { isWithin } from '../auth/subtree';
import { Membership } from '../members/membership.entity';
import { Org } from '../orgs/org.entity';
import { schoolOfOrg } from '../orgs/school-branches';
import { RetentionRecord } from './retention-record.entity';
import { Transfer } from './transfer.entity';

/** Which steps a township's refusal still allows, as far as the member's situation goes. */
export interface RefusalStanding {
  /** Still at the school, and no other way out under way but being kept there: the school may ask up the chain. */
  escalate: boolean;
  /** Still in the branch they applied from with nothing newer under way: the school may keep them meanwhile. */
  retainPending: boolean;
}

/**
 * A township refused; the school asks up the chain and may keep the member meanwhile (domain §4).
 * That stays the member's situation while they are still at the school. Kept there by a retention
 * of their own (暂时保留在学校), or by an earlier refusal kept, the refusal may still be escalated —
 * not kept a second time. Gone from the school, or with a transfer elsewhere under way, neither.
 */
export async function refusalStanding(em: EntityManager, t: Pick<Transfer, 'memberId' | 'outgoingOrgId'>): Promise<RefusalStanding> {
  const [membership, open, outgoing, kept] = await Promise.all([
    em.findOneBy(Membership, { personId: t.memberId }),
    em.findOne(Transfer, { where: { openMemberId: t.memberId }, select: { id: true, path: true } }),
    em.findOneBy(Org, { id: t.outgoingOrgId }),
    // Already kept at school (an earlier refusal kept, say): one ledger line at a time.
    em.existsBy(RetentionRecord, { memberId: t.memberId, state: Not('closed') }),
  ]);
  if (!membership || membership.place !== 'branch' || !outgoing) return { escalate: false, retainPending: false };
  const stayed = membership.orgId === outgoing.id;
  return {
    escalate: (stayed || (await movedWithinSchool(em, membership.orgId, outgoing))) && (!open || open.path === 'retention'),
    retainPending: stayed && !open && !kept,
  };
}

/** Moved from the branch they applied from, but still inside its school (its floating branch, say). */
async function movedWithinSchool(em: EntityManager, orgId: string, outgoing: Org): Promise<boolean> {
  const [where, school] = await Promise.all([em.findOneBy(Org, { id: orgId }), schoolOfOrg(em, outgoing)]);
  return !!where && isWithin(where.path, (school ?? outgoing).path);
}
