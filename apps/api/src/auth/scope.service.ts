import { Injectable } from '@nestjs/common';
import type { Role } from '@xianjie/contract';
import { EntityManager, In } from 'typeorm';
import { notFound } from '../common/app-error';
import { Database } from '../database/database.service';
import { Membership } from '../members/membership.entity';
import { Org } from '../orgs/org.entity';
import { Actor } from './actor';
import { Person } from './person.entity';
import { RoleGrant } from './role-grant.entity';
import { isWithin, isWithinAny } from './subtree';

export const ADMIN_ROLES: Role[] = ['org-admin'];
export const WATCHER_ROLES: Role[] = ['org-admin', 'counsellor'];

const CHUNK = 500;
const chunks = <T>(xs: T[]): T[][] => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * For each of these person ids that exists: whether the person lies entirely inside the subtrees
 * `within` — their membership (at a branch, not handed on to the library or another system) and
 * every grant. A branch admin holds a member of the branch, but not the school admin who also sits
 * there as a member, nor anyone holding a role above or beside the subtree (security issue #10):
 * the one rule for changing another person's identity or password. A person with neither a
 * membership nor a grant is held by nobody. Ids that do not exist are left out of the map.
 */
export async function peopleWithin(em: EntityManager, ids: string[], within: string[]): Promise<Map<string, boolean>> {
  const held = new Map<string, boolean>();
  for (const part of chunks([...new Set(ids)])) {
    const people = await em.find(Person, { where: { id: In(part) }, select: { id: true } });
    if (people.length === 0) continue;
    const found = people.map((p) => p.id);
    const memberships = await em.find(Membership, { where: { personId: In(found) } });
    const grants = await em.find(RoleGrant, { where: { personId: In(found) } });
    const orgIds = [...new Set([...memberships.map((m) => m.orgId), ...grants.map((g) => g.orgId)])];
    const orgPaths = new Map<string, string>();
    for (const orgPart of chunks(orgIds)) for (const o of await em.find(Org, { where: { id: In(orgPart) }, select: { id: true, path: true } })) orgPaths.set(o.id, o.path);
    const ok = new Map<string, boolean>();
    const judge = (personId: string, fits: boolean) => ok.set(personId, (ok.get(personId) ?? true) && fits);
    for (const m of memberships) judge(m.personId, m.place === 'branch' && isWithinAny(orgPaths.get(m.orgId), within));
    for (const g of grants) judge(g.personId, g.role !== 'provincial-reviewer' && isWithinAny(orgPaths.get(g.orgId), within));
    for (const id of found) held.set(id, ok.get(id) ?? false);
  }
  return held;
}

/** The one place that decides whether an admin may act on an org, a member or a transfer: their own subtree only. */
@Injectable()
export class ScopeService {
  constructor(private readonly db: Database) {}

  /** Paths of the subtrees the actor holds one of these roles over. */
  scopes(actor: Actor, roles: Role[]): string[] {
    return actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.orgPath);
  }

  covers(actor: Actor, orgPath: string, roles: Role[]): boolean {
    return isWithinAny(orgPath, this.scopes(actor, roles));
  }

  /**
   * Whether the actor holds one of these roles over the org from above the branch level: on a
   * committee or general branch, or on an org above the branch asked about. A grant on the branch
   * itself (团支书, usually a fellow student) is not enough for what the college decides or sees.
   */
  coversAboveBranch(actor: Actor, org: Pick<Org, 'path' | 'kind'>, roles: Role[]): boolean {
    return actor.grants.some((g) => roles.includes(g.role) && isWithin(org.path, g.orgPath) && (org.kind !== 'branch' || g.orgPath !== org.path));
  }

  /** The org, if it lies in the actor's scope; 404 otherwise (no hint that it exists). */
  async orgInScope(actor: Actor, orgId: string, roles: Role[] = ADMIN_ROLES): Promise<Org> {
    const org = await this.db.manager.findOneBy(Org, { id: orgId });
    if (!org || !this.covers(actor, org.path, roles)) throw notFound('该组织');
    return org;
  }

  /** Whether the actor administers the branch this member sits in (reading about them, not changing who they are). */
  async memberInScope(actor: Actor, memberId: string, roles: Role[] = ADMIN_ROLES): Promise<{ membership: Membership; org: Org } | null> {
    const membership = await this.db.manager.findOneBy(Membership, { personId: memberId });
    if (!membership) return null;
    const org = await this.db.manager.findOneBy(Org, { id: membership.orgId });
    if (!org || !this.covers(actor, org.path, roles)) return null;
    return { membership, org };
  }

  /** Whether this person lies entirely inside the actor's subtrees (see `peopleWithin`). */
  async personWithin(actor: Actor, personId: string, roles: Role[] = ADMIN_ROLES): Promise<boolean> {
    return (await peopleWithin(this.db.manager, [personId], this.scopes(actor, roles))).get(personId) === true;
  }
}
