import { Injectable } from '@nestjs/common';
import { notFound } from '../common/app-error';
import { Database } from '../database/database.service';
import { Membership } from '../members/membership.entity';
import { Org } from '../orgs/org.entity';
import { Actor } from './actor';
import { Role } from './role-grant.entity';

export const ADMIN_ROLES: Role[] = ['org-admin'];
export const WATCHER_ROLES: Role[] = ['org-admin', 'counsellor'];

/** The one place that decides whether an admin may act on an org, a member or a transfer: their own subtree only. */
@Injectable()
export class ScopeService {
  constructor(private readonly db: Database) {}

  /** Paths of the subtrees the actor holds one of these roles over. */
  scopes(actor: Actor, roles: Role[]): string[] {
    return actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.orgPath);
  }

  covers(actor: Actor, orgPath: string, roles: Role[]): boolean {
    return this.scopes(actor, roles).some((p) => orgPath.startsWith(p));
  }

  /** The org, if it lies in the actor's scope; 404 otherwise (no hint that it exists). */
  async orgInScope(actor: Actor, orgId: string, roles: Role[] = ADMIN_ROLES): Promise<Org> {
    const org = await this.db.manager.findOneBy(Org, { id: orgId });
    if (!org || !this.covers(actor, org.path, roles)) throw notFound('该组织');
    return org;
  }

  /** Whether the actor administers the branch this member sits in. */
  async memberInScope(actor: Actor, memberId: string, roles: Role[] = ADMIN_ROLES): Promise<{ membership: Membership; org: Org } | null> {
    const membership = await this.db.manager.findOneBy(Membership, { personId: memberId });
    if (!membership) return null;
    const org = await this.db.manager.findOneBy(Org, { id: membership.orgId });
    if (!org || !this.covers(actor, org.path, roles)) return null;
    return { membership, org };
  }
}
