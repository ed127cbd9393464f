import type { PreparationCheck } from '@xianjie/contract';
import type { EntityManager } from 'typeorm';
import { LIKE_ESCAPE, likePrefix } from '../common/sql';
import { StatisticsFiling } from '../graduation/statistics-filing.entity';
import { Org } from '../orgs/org.entity';

const LISTED = 200;

export async function preparationCheck(
  em: EntityManager,
  school: Pick<Org, 'id' | 'path'>,
  year: number,
  due: { dueBy: string; daysLeft: number },
  graduates: number,
): Promise<PreparationCheck> {
  const unmarked = em
    .createQueryBuilder(Org, 'b')
    .leftJoin('graduation_marks', 'gm', 'gm.branch_id = b.id')
    .where(`b.path LIKE :p ${LIKE_ESCAPE}`, { p: likePrefix(school.path) })
    .andWhere("b.kind = 'branch' AND b.domain = 'school' AND b.deleted_at IS NULL AND gm.branch_id IS NULL");
  const count = await unmarked.clone().getCount();
  const list = count ? await unmarked.clone().select(['b.id', 'b.name']).orderBy('b.path', 'ASC').limit(LISTED).getMany() : [];
  const filing = await em.findOneBy(StatisticsFiling, { orgId: school.id, year });
  const dataEntered = graduates > 0;
  return {
    ...due,
    dataEntered,
    unmarkedBranches: count,
    unmarkedBranchList: list.map((b) => ({ id: b.id, name: b.name })),
    statisticsFiled: !!filing,
    statisticsFiledAt: filing?.filedAt ?? null,
    ready: dataEntered && count === 0 && !!filing,
  };
}
