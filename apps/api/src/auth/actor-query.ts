import { EntityManager } from 'typeorm';
import { hotQuery, hydrate, placeholder, selectColumns } from '../database/raw-rows';
import { Membership } from '../members/membership.entity';
import { Org } from '../orgs/org.entity';
import { Actor, Grant } from './actor';
import { Person } from './person.entity';
import type { Role } from '@xianjie/contract';
import type { OrgDomain, OrgKind } from '@xianjie/rules';

/**
 * The person with their role grants, the grants' orgs, their membership and the branch it sits
 * in, in ONE statement (left joins): every authenticated request starts here, so its round trips
 * count — and its CPU (plain SQL, see database/raw-rows.ts). A submission reuses the branch.
 */
export async function loadPerson(em: EntityManager, where: { id: string } | { idNumber: string }): Promise<{ person: Person; actor: Actor } | null> {
  const ds = em.connection;
  const sql =
    `SELECT ${selectColumns(ds, Person, 'p')}, g.role AS g_role, g.org_id AS g_org_id, o.name AS o_name, o.kind AS o_kind, o.domain AS o_domain, o.path AS o_path, ` +
    `${selectColumns(ds, Membership, 'm')}, ${selectColumns(ds, Org, 'b')} ` +
    'FROM people p ' +
    'LEFT JOIN role_grants g ON g.person_id = p.id ' +
    'LEFT JOIN orgs o ON o.id = g.org_id ' +
    'LEFT JOIN memberships m ON m.person_id = p.id ' +
    'LEFT JOIN orgs b ON b.id = m.org_id ' +
    `WHERE ${'id' in where ? 'p.id' : 'p.id_number'} = ${placeholder(ds, 1)} ` +
    'ORDER BY g.role, g.org_id';
  const rows = await hotQuery(em, sql, ['id' in where ? where.id : where.idNumber]);
  if (rows.length === 0) return null;
  const person = hydrate(ds, Person, rows[0], 'p')!;
  const grants: Grant[] = rows
    .filter((r) => r.g_role !== null && r.o_path !== null)
    .map((r) => ({
      role: r.g_role as Role,
      orgId: r.g_org_id as string,
      orgName: r.o_name as string,
      orgKind: r.o_kind as OrgKind,
      orgDomain: r.o_domain as OrgDomain,
      orgPath: r.o_path as string,
    }));
  const membership = hydrate(ds, Membership, rows[0], 'm');
  const actor: Actor = {
    id: person.id,
    name: person.name,
    idNumber: person.idNumber,
    phone: person.phone,
    mustChangePassword: person.mustChangePassword,
    grants,
    membership,
    branch: membership ? hydrate(ds, Org, rows[0], 'b') : null,
  };
  return { person, actor };
}
