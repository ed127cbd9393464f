import type { EscalationView } from '@xianjie/contract';
import {
  escalationActions, escalationState, ESCALATION_LEVELS, type EscalationLevel, type EscalationParty, type TargetKind, type TransferStatus,
} from '@xianjie/rules';
import type { TransferEvent } from './transfer-event.entity';
import type { TownshipPath } from './township-path';

/** The township-refusal path of one rejected transfer, as its parties see it (issue #12): the contract's shape. */
export type EscalationJson = EscalationView;

export interface EscalationInput {
  status: TransferStatus;
  target: TargetKind;
  rejectedAt: TransferStatus | null;
  events: Pick<TransferEvent, 'action' | 'at' | 'toStatus'>[];
  retainedUntil: string | null;
  path: TownshipPath;
  party: EscalationParty;
}

/** Null for every transfer that is not a township refusal. Pure. */
export function escalationJson(i: EscalationInput): EscalationJson | null {
  const escalated = i.events.filter((e) => e.action === 'escalate');
  const have = new Set(i.path.levels.map((l) => l.level));
  const orgs = Object.fromEntries(ESCALATION_LEVELS.map((l) => [l, have.has(l)])) as Record<EscalationLevel, boolean>;
  const state = escalationState({
    status: i.status, target: i.target, rejectedAt: i.rejectedAt, escalations: escalated.length,
    retainedUntil: i.retainedUntil ? new Date(i.retainedUntil) : null, orgs,
  });
  if (!state) return null;
  const rejectedAt = [...i.events].reverse().find((e) => e.toStatus === 'rejected' && e.action !== 'escalate' && e.action !== 'retain-pending')?.at ?? null;
  const reached: Record<EscalationLevel, string | null> = { township: rejectedAt, county: escalated[0]?.at ?? null, city: escalated[1]?.at ?? null };
  return {
    level: state.level,
    next: state.next,
    levels: i.path.levels.map((l) => ({ ...l, reachedAt: reached[l.level] })),
    current: i.path.levels.find((l) => l.level === state.level) ?? null,
    floatingBranch: i.path.floatingBranch,
    retainedUntil: i.retainedUntil,
    actions: escalationActions(state, i.party),
  };
}
