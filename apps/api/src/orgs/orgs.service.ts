import { Injectable } from '@nestjs/common';
import { ORG_SEARCH_RESULTS_MAX, type OrgQuery, type OrgRef, type OrgView } from '@xianjie/contract';
import { targetFits } from '@xianjie/rules';
import { In, IsNull, type EntityManager } from 'typeorm';
import { LIKE_ESCAPE, likeContains } from '../common/sql';
import { Database } from '../database/database.service';
import { NAME_BIGRAMS, nameBigrams } from './name-bigrams';
import { Org } from './org.entity';
import { orgNotFound, searchTooShort } from './orgs.errors';
import { subtreeWhere } from '../auth/subtree';

export const pathIds = (org: Pick<Org, 'path'>): string[] => org.path.split('/').filter(Boolean);

/** The names of every org on these orgs' paths, by id, in one read. */
export async function pathNames(em: EntityManager, orgs: Pick<Org, 'path'>[]): Promise<Map<string, string>> {
  const ids = [...new Set(orgs.flatMap(pathIds))];
  if (ids.length === 0) return new Map();
  const found = await em.find(Org, { where: { id: In(ids) }, select: { id: true, name: true } });
  return new Map(found.map((a) => [a.id, a.name]));
}

/** Root … the org itself, as the screens name them ("湖北 › 楚天大学团委 › …"). */
export const pathRefs = (org: Pick<Org, 'path'>, names: Map<string, string>): OrgRef[] => pathIds(org).map((id) => ({ id, name: names.get(id) ?? id }));

@Injectable()
export class OrgsService {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<OrgView> {
    const org = await this.db.manager.findOneBy(Org, { id });
    if (!org) throw orgNotFound();
    return (await this.views([org]))[0];
  }

  async list(query: OrgQuery): Promise<OrgView[]> {
    const em = this.db.manager;
    let orgs: Org[];
    if (query.q !== undefined && query.q.trim() !== '') {
      const q = query.q.trim();
      if ([...q].length < 2) throw searchTooShort();
      const qb = em
        .createQueryBuilder(Org, 'o')
        .where(`o.name LIKE :q ${LIKE_ESCAPE}`, { q: likeContains(q) })
        .andWhere('o.deleted_at IS NULL');
      // PostgreSQL: the candidates from the bigram index, the LIKE above decides (name-bigrams.ts).
      if (this.db.isPostgres) qb.andWhere(`${NAME_BIGRAMS}(o.name) @> CAST(:grams AS text[])`, { grams: nameBigrams(q) });
      if (query.parentId) {
        const parent = await em.findOneBy(Org, { id: query.parentId });
        if (!parent) throw orgNotFound();
        qb.andWhere(...subtreeWhere('o.path', parent.path));
      }
      if (query.province) qb.andWhere('o.province = :province', { province: query.province });
      orgs = await qb.orderBy('o.depth', 'ASC').addOrderBy('o.name', 'ASC').take(ORG_SEARCH_RESULTS_MAX).getMany();
    } else {
      if (query.parentId && !(await em.existsBy(Org, { id: query.parentId }))) throw orgNotFound();
      orgs = await em.find(Org, {
        where: { parentId: query.parentId ? query.parentId : IsNull(), deletedAt: IsNull(), ...(query.province ? { province: query.province } : {}) },
        order: { name: 'ASC' },
      });
    }
    const views = await this.views(orgs);
    if (!query.fits) return views;
    const target = query.fits;
    return views.map((v) => ({ ...v, fits: targetFits(target, v) }));
  }

  /** Turn orgs into views with their paths and child flags in two queries, whatever the count. */
  async views(orgs: Org[]): Promise<OrgView[]> {
    if (orgs.length === 0) return [];
    const em = this.db.manager;
    const names = await pathNames(em, orgs);
    const rows: { parentId: string }[] = await em
      .createQueryBuilder(Org, 'o')
      .select('o.parent_id', 'parentId')
      .where('o.parent_id IN (:...ids)', { ids: orgs.map((o) => o.id) })
      .andWhere('o.deleted_at IS NULL')
      .groupBy('o.parent_id')
      .getRawMany();
    const withChildren = new Set(rows.map((r) => r.parentId));
    return orgs.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      domain: o.domain,
      province: o.province,
      purpose: o.purpose,
      isTownship: !!o.isTownship,
      parentId: o.parentId,
      parentName: o.parentId ? names.get(o.parentId) ?? null : null,
      hasChildren: withChildren.has(o.id),
      path: pathRefs(o, names),
    }));
  }
}
