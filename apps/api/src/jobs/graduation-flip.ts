import { currentCampaignYear } from '@xianjie/rules';
import { EntityManager } from 'typeorm';
import { iso } from '../common/time';
import { Membership } from '../members/membership.entity';

/**
 * June 1 of the graduation year: members of that year become graduates (毕业生团员), and the branch
 * they graduate from is kept so progress counts them wherever they go. Set-based; a second run is a no-op.
 */
export async function flipGraduates(em: EntityManager, now: Date): Promise<number> {
  const year = currentCampaignYear(now);
  const result = await em
    .createQueryBuilder()
    .update(Membership)
    .set({ isGraduate: true, graduatingOrgId: () => 'org_id', updatedAt: iso(now) })
    .where('graduation_year IS NOT NULL AND graduation_year <= :year AND is_graduate = :no', { year, no: false })
    .execute();
  return result.affected ?? 0;
}
