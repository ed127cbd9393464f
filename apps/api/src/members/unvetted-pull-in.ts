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
 */
export async function heldByUnvettedPuller(em: EntityManager, personId: string, caller: AdminCaller): Promise<boolean> {
  const pullers: { id: string }[] = await em
    .createQueryBuilder(Transfer, 't')
    .select('DISTINCT t.started_by_id', 'id')
    .where('t.member_id = :personId', { personId })
    .andWhere("t.status = 'completed' AND t.started_by_party = 'receiving-admin'")
    .andWhere("EXISTS (SELECT 1 FROM transfer_events e WHERE e.transfer_id = t.id AND e.action = 'auto-approve' AND e.from_status = 'pending-outgoing')")
    .getRawMany();
  if (pullers.length === 0) return false;
  const ids = pullers.map((p) => p.id);
  if (ids.includes(caller.id)) return true;
  const place: { path: string } | undefined = await em
    .createQueryBuilder(Membership, 'm')
    .innerJoin(Org, 'o', 'o.id = m.org_id')
    .select('o.path', 'path')
    .where('m.person_id = :personId', { personId })
    .getRawOne();
  if (!place) return false;
  const covering = caller.adminPaths.filter((root) => isWithin(place.path, root));
  if (covering.length === 0) return false;
  const theirs: { path: string }[] = await em
    .createQueryBuilder(RoleGrant, 'g')
    .innerJoin(Org, 'o', 'o.id = g.org_id')
    .select('o.path', 'path')
    .where('g.person_id IN (:...ids)', { ids })
    .andWhere("g.role = 'org-admin'")
    .getRawMany();
  const roots = theirs.map((r) => r.path);
  return covering.every((path) => isWithinAny(path, roots));
}
