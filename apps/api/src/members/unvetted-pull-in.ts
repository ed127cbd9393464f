import type { EntityManager } from 'typeorm';
import { RoleGrant } from '../auth/role-grant.entity';
import { isWithin, isWithinAny } from '../auth/subtree';
import { Org } from '../orgs/org.entity';
import { Membership } from './membership.entity';
import { Transfer } from '../transfers/transfer.entity';

/** Who is asking: a person and the subtrees they administer (org-admin grants). */
export interface AdminCaller {
  id: string;
  adminPaths: string[];
}

/** A member's unvetted pull-ins, as `guardedAgainst` needs them: who pulled them in, their subtrees, where the member is. */
export interface PullInGuard {
  pullerIds: string[];
  /** The org-admin subtrees the pullers hold now. */
  pullerRoots: string[];
  /** The path of the org the member is in now (null: nowhere). */
  memberPath: string | null;
}

/**
 * Security review M3. An admin who pulls a member in (发起转入) types their ID number and name, and
 * when nobody on the outgoing side approves — the sweep does, after 15 silent days — nobody who
 * knows the member has looked. A password reset puts the account on the ID number's last 8
 * characters, and an ID number changed by import becomes the password at the next reset: either
 * would hand that admin a stranger's account.
 *
 * So while a member has such a pull-in anywhere in their history (a later move inside the puller's
 * org does not clear it), neither is done by the admin who pulled them in, nor by anyone whose
 * admin grants over the member all lie inside that admin's own subtrees — an admin they could have
 * appointed. The admin above them can.
 *
 * The member's guard, read once (null when there is no such pull-in: one statement, the usual case).
 */
export async function unvettedPullIn(em: EntityManager, personId: string): Promise<PullInGuard | null> {
  const pullers: { id: string }[] = await em
    .createQueryBuilder(Transfer, 't')
    .select('DISTINCT t.started_by_id', 'id')
    .where('t.member_id = :personId', { personId })
    .andWhere("t.status = 'completed' AND t.started_by_party = 'receiving-admin'")
    .andWhere("EXISTS (SELECT 1 FROM transfer_events e WHERE e.transfer_id = t.id AND e.action = 'auto-approve' AND e.from_status = 'pending-outgoing')")
    .getRawMany();
  if (pullers.length === 0) return null;
  const pullerIds = pullers.map((p) => p.id);
  const [place, theirs] = await Promise.all([
    em.createQueryBuilder(Membership, 'm').innerJoin(Org, 'o', 'o.id = m.org_id').select('o.path', 'path').where('m.person_id = :personId', { personId }).getRawOne<{ path: string }>(),
    em
      .createQueryBuilder(RoleGrant, 'g')
      .innerJoin(Org, 'o', 'o.id = g.org_id')
      .select('o.path', 'path')
      .where('g.person_id IN (:...ids)', { ids: pullerIds })
      .andWhere("g.role = 'org-admin'")
      .getRawMany<{ path: string }>(),
  ]);
  return { pullerIds, pullerRoots: theirs.map((r) => r.path), memberPath: place?.path ?? null };
}

/** Whether the guard holds this caller back: a puller, or an admin whose grants over the member all lie inside a puller's. */
export function guardedAgainst(guard: PullInGuard, caller: AdminCaller): boolean {
  if (guard.pullerIds.includes(caller.id)) return true;
  const memberPath = guard.memberPath;
  if (memberPath === null) return false;
  const covering = caller.adminPaths.filter((root) => isWithin(memberPath, root));
  return covering.length > 0 && covering.every((path) => isWithinAny(path, guard.pullerRoots));
}

/** `unvettedPullIn` and `guardedAgainst` for one caller. */
export async function heldByUnvettedPuller(em: EntityManager, personId: string, caller: AdminCaller): Promise<boolean> {
  const guard = await unvettedPullIn(em, personId);
  return guard !== null && guardedAgainst(guard, caller);
}
