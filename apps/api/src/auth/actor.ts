import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@xianjie/contract';
import type { Membership } from '../members/membership.entity';

export interface Grant {
  role: Role;
  orgId: string;
  orgName: string;
  /** The org's materialised path: its subtree is every org whose path starts with it. */
  orgPath: string;
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
