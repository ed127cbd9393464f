import { EntityManager } from 'typeorm';
import { Membership } from '../members/membership.entity';
import { Org } from '../orgs/org.entity';
import { Actor } from './actor';
import { Person } from './person.entity';
import { RoleGrant } from './role-grant.entity';

type Loaded = Person & { grants?: (RoleGrant & { org?: Org | null })[]; membership?: Membership | null };

/**
 * The person with their role grants, the grants' orgs and their membership, in ONE statement
 * (left joins): every authenticated request starts here, so its round trips count.
 */
export async function loadPerson(em: EntityManager, where: { id: string } | { idNumber: string }): Promise<{ person: Person; actor: Actor } | null> {
  const qb = em
    .createQueryBuilder(Person, 'p')
    .leftJoinAndMapMany('p.grants', RoleGrant, 'g', 'g.person_id = p.id')
    .leftJoinAndMapOne('g.org', Org, 'o', 'o.id = g.org_id')
    .leftJoinAndMapOne('p.membership', Membership, 'm', 'm.person_id = p.id');
  if ('id' in where) qb.where('p.id = :id', { id: where.id });
  else qb.where('p.id_number = :idNumber', { idNumber: where.idNumber });
  const person = (await qb.getOne()) as Loaded | null;
  if (!person) return null;
  const grants = (person.grants ?? []).filter((g): g is RoleGrant & { org: Org } => !!g.org);
  const actor: Actor = {
    id: person.id,
    name: person.name,
    idNumber: person.idNumber,
    phone: person.phone,
    mustChangePassword: person.mustChangePassword,
    grants: grants.map((g) => ({ role: g.role, orgId: g.orgId, orgName: g.org.name, orgPath: g.org.path })),
    membership: person.membership ?? null,
  };
  delete person.grants;
  delete person.membership;
  return { person, actor };
}
