import { graduationDay, parseDateString } from '@xianjie/rules';
import type { EntityManager } from 'typeorm';
import { GraduationMark } from '../graduation/graduation-mark.entity';
import type { Membership } from './membership.entity';

/**
 * The day this member graduates, as the school holds it (domain §7): the mark on the branch their
 * cohort is anchored at, when it is for their year, else June 30 of their graduation year. Null
 * for a member with no graduation year. Retention clocks run from it, never from the graduate's word.
 */
export async function graduationDateOf(em: EntityManager, m: Pick<Membership, 'graduationYear' | 'graduatingOrgId' | 'orgId'>): Promise<Date | null> {
  if (m.graduationYear === null) return null;
  const mark = await em.findOneBy(GraduationMark, { branchId: m.graduatingOrgId ?? m.orgId });
  const date = mark?.graduationDate ?? null;
  return graduationDay(m.graduationYear, date && parseDateString(date).year === m.graduationYear ? date : null);
}
