import {
  escalationOrgs, ESCALATION_LEVELS, maskMobile, type EscalationLevel,
} from '@xianjie/rules';
import { EntityManager, In } from 'typeorm';
import { LIKE_ESCAPE, likePrefix } from '../common/sql';
import { Org } from '../orgs/org.entity';

export interface ContactJson {
  name: string;
  phone: string;
}

export interface LevelJson {
  level: EscalationLevel;
  orgId: string;
  orgName: string;
  /** Its org-admins: whom to call at this level. */
  contacts: ContactJson[];
}

/** The orgs and people a township refusal leads to, read once per township receiver. */
export interface TownshipPath {
  levels: LevelJson[];
  /** The county floating branch (流动团员团支部): the receiver of last resort. */
  floatingBranch: { id: string; name: string } | null;
}

const pathIds = (path: string) => path.split('/').filter(Boolean);

/**
 * Reads the receiver's chain, who stands at each escalation level (libs/rules decides), their
 * admins' names and phones, and a floating branch under the county (else the nearest leading
 * organ) that is not the receiver itself. Three queries.
 */
export async function loadTownshipPath(em: EntityManager, targetOrgId: string): Promise<TownshipPath> {
  const target = await em.findOneBy(Org, { id: targetOrgId });
  if (!target) return { levels: [], floatingBranch: null };
  const ids = pathIds(target.path);
  const byId = new Map((await em.findBy(Org, { id: In(ids) })).map((o) => [o.id, o]));
  const chain = ids.map((id) => byId.get(id)).filter((o): o is Org => !!o);
  const at = escalationOrgs(chain);
  const orgs = ESCALATION_LEVELS.map((level) => ({ level, org: at[level] })).filter((x): x is { level: EscalationLevel; org: Org } => !!x.org);
  const contacts = orgs.length
    ? await em
        .createQueryBuilder()
        .select(['g.org_id AS org_id', 'p.name AS name', 'p.phone AS phone'])
        .from('role_grants', 'g')
        .innerJoin('people', 'p', 'p.id = g.person_id')
        .where("g.role = 'org-admin' AND g.org_id IN (:...ids)", { ids: orgs.map((x) => x.org.id) })
        .orderBy('p.name', 'ASC')
        .getRawMany<{ org_id: string; name: string; phone: string }>()
    : [];
  const organ = at.county ?? [...chain].reverse().find((o) => o.kind === 'leading-organ') ?? null;
  const floating = organ
    ? await em
        .createQueryBuilder(Org, 'o')
        .where(`o.path LIKE :p ${LIKE_ESCAPE}`, { p: likePrefix(organ.path) })
        .andWhere("o.purpose = 'floating' AND o.domain <> 'school' AND o.id <> :self", { self: target.id })
        .orderBy('o.depth', 'ASC')
        .addOrderBy('o.id', 'ASC')
        .getOne()
    : null;
  return {
    levels: orgs.map(({ level, org }) => ({
      level,
      orgId: org.id,
      orgName: org.name,
      contacts: contacts.filter((c) => c.org_id === org.id).map((c) => ({ name: c.name, phone: c.phone })),
    })),
    floatingBranch: floating ? { id: floating.id, name: floating.name } : null,
  };
}

/** The same path with every phone masked, for a party who may not see the numbers. */
export function maskedPath(p: TownshipPath): TownshipPath {
  return { ...p, levels: p.levels.map((l) => ({ ...l, contacts: l.contacts.map((c) => ({ name: c.name, phone: maskMobile(c.phone) })) })) };
}
