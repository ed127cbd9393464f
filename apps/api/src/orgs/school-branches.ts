import { isFloatingBranchFor } from '@xianjie/rules';
import { In, type EntityManager } from 'typeorm';
import { subtreeWhere } from '../auth/subtree';
import { schoolOf } from '../transfers/receiver';
import { Org } from './org.entity';
import { pathIds } from './orgs.service';

/** A school's special branches (流动团员 / 出国(境)学习研究 / 延迟毕业): where a graduate kept at school sits. */
export const SCHOOL_BRANCH_PURPOSES = ['floating', 'study-abroad', 'delayed-graduation'] as const;
export type SchoolBranchPurpose = (typeof SCHOOL_BRANCH_PURPOSES)[number];

/**
 * An org a school's league org may sit under (its top, that is): a leading organ (团省委, 团市委,
 * 区县团委) or a government working committee (省直机关团工委, 教育工委) — never an employer's or a
 * township's org. A school's new-students org lists the graduates who typed its name.
 */
export function holdsSchools(org: Pick<Org, 'kind' | 'domain'>): boolean {
  return org.kind === 'leading-organ' || (org.kind === 'working-committee' && org.domain === 'government');
}

/** The school an org belongs to (receiver.ts `schoolOf` over its chain), or null outside any school. */
export async function schoolOfOrg(em: EntityManager, org: Pick<Org, 'path'>): Promise<Org | null> {
  const chain = await em.findBy(Org, { id: In(pathIds(org)) });
  const byId = new Map(chain.map((o) => [o.id, o]));
  return schoolOf(pathIds(org).flatMap((id) => byId.get(id) ?? []));
}

/**
 * The school's special branches of these purposes, by id; never a deleted one. Only the school
 * committee's own, right under it (where an admin's import puts them): one deeper down — a college's,
 * stored before that rule — is never the whole school's default, nor offered for a move.
 */
export function specialBranches(em: EntityManager, school: Pick<Org, 'path' | 'depth'>, purposes: readonly SchoolBranchPurpose[]): Promise<Org[]> {
  return em
    .createQueryBuilder(Org, 'o')
    .where(...subtreeWhere('o.path', school.path))
    .andWhere("o.purpose IN (:...purposes) AND o.kind = 'branch' AND o.domain = 'school' AND o.deleted_at IS NULL AND o.depth = :depth", {
      purposes, depth: school.depth + 1,
    })
    .orderBy('o.id', 'ASC')
    .getMany();
}

/**
 * Where a graduate of `year` kept at school goes, by purpose, when they name no branch: the
 * floating branch kept for their year ("2026届…", domain §7: the school keeps the years apart)
 * first, else the first branch of the purpose. `branches` in specialBranches' order.
 */
export function pickSchoolBranches(branches: readonly Org[], year: number | null): Partial<Record<SchoolBranchPurpose, Org>> {
  const out: Partial<Record<SchoolBranchPurpose, Org>> = {};
  const ownYear = year === null ? undefined : branches.find((o) => o.purpose === 'floating' && isFloatingBranchFor(o.name, year));
  if (ownYear) out.floating = ownYear;
  for (const o of branches) out[o.purpose as SchoolBranchPurpose] ??= o;
  return out;
}
