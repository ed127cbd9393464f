import { actorFor, TRANSFER_STATUSES, type Party, type TransferShape, type TransferStatus } from './lifecycle';

/** The admin inboxes (工作台): transfers leaving one's orgs, arriving at them, or for the provincial review. */
export type InboxBox = 'outgoing' | 'incoming' | 'provincial';

const PARTY: Record<InboxBox, Party> = {
  outgoing: 'outgoing-admin',
  incoming: 'receiving-admin',
  provincial: 'provincial-reviewer',
};

const SHAPES: TransferShape[] = (['standard', 'special-unit', 'retention'] as const).flatMap((path) =>
  [true, false].flatMap((crossSystem) => [true, false].map((receiverIsBranch) => ({ path, crossSystem, receiverIsBranch }))),
);

/**
 * 待处理: the statuses in which a transfer waits for this box's party, whatever its shape —
 * derived from the lifecycle's own "whose step is it", not listed by hand.
 */
export function inboxPendingStatuses(box: InboxBox): TransferStatus[] {
  return TRANSFER_STATUSES.filter((s) => SHAPES.some((shape) => actorFor(s, shape) === PARTY[box]));
}
