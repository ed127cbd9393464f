import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role, RoleGrantView } from '@xianjie/contract';
import type { OrgDomain, OrgKind } from '@xianjie/rules';
import type { Membership } from '../members/membership.entity';
import type { Org } from '../orgs/org.entity';

export interface Grant {
  role: Role;
  orgId: string;
  orgName: string;
  orgKind: OrgKind;
  orgDomain: OrgDomain;
  /** The org's materialised path: its subtree is every org whose path starts with it. */
  orgPath: string;
}

/** The grants as `/me` and the login answer show them (no paths). */
export function grantViews(actor: Pick<Actor, 'grants'>): RoleGrantView[] {
  return actor.grants.map(({ role, orgId, orgName, orgKind, orgDomain }) => ({ role, orgId, orgName, orgKind, orgDomain }));
}

/** Who is calling, loaded fresh from the database on every request. */
export interface Actor {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  mustChangePassword: boolean;
  grants: Grant[];
  membership: Membership | null;
  /** The org the membership sits in, loaded with it (a submission starts from it). */
  branch?: Org | null;
  /** The session (token `sid`) this request came with. */
  sessionId?: string;
}

export const IS_PUBLIC = 'xj:public';
export const ALLOW_PENDING_PASSWORD = 'xj:allow-pending-password';
/** No login needed. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Reachable before the initial password is changed (the change itself, /me). */
export const AllowPendingPassword = () => SetMetadata(ALLOW_PENDING_PASSWORD, true);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
