import type { Box, RoleGrantView } from '@xianjie/contract'
import { isOrgAdmin } from '../roles'

/** Which inboxes a person's roles open (the API scopes each to their subtree). */
export function boxesFor(roles: RoleGrantView[]): Box[] {
  const boxes: Box[] = []
  if (isOrgAdmin(roles)) boxes.push('outgoing', 'incoming')
  if (roles.some((r) => r.role === 'provincial-reviewer')) boxes.push('provincial')
  return boxes
}
