import { currentCampaignYear } from '@xianjie/rules';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { inChunks } from '../common/sql';
import { iso } from '../common/time';
import { Membership } from './membership.entity';

/**
 * Where a member's cohort is anchored (domain §7 "Cohorts move with the member"):
 * `memberships.graduating_org_id`, the branch they graduate from. It is set as soon as the
 * graduation year is known — at import, at a branch mark, at the June 1 flip — and a transfer's
 * completion never overwrites it, so a graduate who has left still counts where they graduated,
 * whatever order import, flip, transfer and sweep come in. Only a suspended student rejoining a
 * class moves with that class (see completion.ts).
 */

/** A completed transfer took the member away from their branch; rejoining a class is the cohort moving, not leaving. */
export const movedAway = (memberships: string) => `EXISTS (SELECT 1 FROM transfers mv WHERE mv.member_id = ${memberships}.person_id
  AND mv.status = 'completed' AND mv.target <> 'school-rejoined-class-branch')`;

/**
 * Brings the anchor up to date for these members (all members when `personIds` is null), and
 * flips those whose June 1 has passed at `now` into graduates (毕业生团员). Set-based; a second
 * run changes nothing. Returns how many became graduates.
 */
export async function anchorCohort(em: EntityManager, personIds: string[] | null, now: Date): Promise<number> {
  if (personIds === null) return anchorSome(em, '', {}, now);
  let flipped = 0;
  for (const ids of inChunks(personIds)) flipped += await anchorSome(em, ' AND person_id IN (:...ids)', { ids }, now);
  return flipped;
}

async function anchorSome(em: EntityManager, scope: string, ids: ObjectLiteral, now: Date): Promise<number> {
  const at = iso(now);
  const update = async (set: Partial<Record<keyof Membership, unknown>>, where: string, params: ObjectLiteral = {}) =>
    (await em.createQueryBuilder().update(Membership).set({ ...set, updatedAt: at } as never).where(where + scope, { ...ids, ...params }).execute()).affected ?? 0;
  // Members added to a marked branch later are its graduates.
  await update(
    { graduationYear: () => '(SELECT o.graduation_year FROM orgs o WHERE o.id = memberships.org_id)' },
    "graduation_year IS NULL AND place = 'branch' AND org_id IN (SELECT o.id FROM orgs o WHERE o.graduation_year IS NOT NULL)",
  );
  // Until they graduate and while they have not moved, the branch they sit in is the one they graduate from.
  await update(
    { graduatingOrgId: () => 'org_id' },
    `graduation_year IS NOT NULL AND is_graduate = :no AND place = 'branch'
      AND (graduating_org_id IS NULL OR graduating_org_id <> org_id) AND NOT ${movedAway('memberships')}`,
    { no: false },
  );
  // Moved before any anchor was written (a graduation year given after the move): the branch they left.
  await update(
    {
      graduatingOrgId: () => `(SELECT mv.outgoing_org_id FROM transfers mv WHERE mv.member_id = memberships.person_id
        AND mv.status = 'completed' AND mv.target <> 'school-rejoined-class-branch' ORDER BY mv.closed_at, mv.id LIMIT 1)`,
    },
    `graduation_year IS NOT NULL AND graduating_org_id IS NULL AND ${movedAway('memberships')}`,
  );
  return update(
    { isGraduate: true },
    'graduation_year IS NOT NULL AND graduation_year <= :year AND is_graduate = :no AND graduating_org_id IS NOT NULL',
    { year: currentCampaignYear(now), no: false },
  );
}
