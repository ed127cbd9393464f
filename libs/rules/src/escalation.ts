import { addMonths, FLOATING_RETENTION_MONTHS } from './calendar';
import type { TransferStatus } from './lifecycle';
import type { OrgDomain, OrgKind } from './org';
import type { TargetKind } from './types';

/**
 * A township that refuses a graduate (domain §4): not a dead end but a path taken level by level.
 * The graduate and the school first contact the township itself; then the school escalates
 * (反映) to the township's superior, the 区县 committee, then to the city committee. Meanwhile
 * the school may keep the member for at most 6 months, and the county's floating branch
 * (流动团员团支部) is offered as the receiver of last resort. Pure: the API counts the events.
 */

export type EscalationLevel = 'township' | 'county' | 'city';
export const ESCALATION_LEVELS: readonly EscalationLevel[] = ['township', 'county', 'city'];
export const ESCALATION_LEVEL_LABELS: Record<EscalationLevel, string> = {
  township: '乡镇（街道）团组织',
  county: '区县团委',
  city: '市级团委',
};

/** The history's words for these steps; they never change a transfer's status. */
export type EscalationAction = 'escalate' | 'retain-pending';
export const ESCALATION_ACTIONS: readonly EscalationAction[] = ['escalate', 'retain-pending'];
export const ESCALATION_ACTION_LABELS: Record<EscalationAction, string> = {
  escalate: '向上级团组织反映',
  'retain-pending': '学校暂时保留',
};

/** How long the school may keep a member while the township question is open. */
export const PENDING_RETENTION_MONTHS = FLOATING_RETENTION_MONTHS.usual;

export interface ChainOrg {
  id: string;
  name: string;
  kind: OrgKind;
  domain: OrgDomain;
}

/** Who stands at each level above a township receiver; null where the tree has nobody. */
export type EscalationOrgs<T extends ChainOrg = ChainOrg> = Record<EscalationLevel, T | null>;

/**
 * The orgs to contact, from the receiver's chain (root first, the receiver last): the township org
 * is the topmost of the township-domain orgs the receiver sits in (its transition branch's parent);
 * the county is the nearest leading organ above it, the city the next leading organ above that.
 */
export function escalationOrgs<T extends ChainOrg>(chain: readonly T[]): EscalationOrgs<T> {
  let i = chain.length - 1;
  if (i < 0 || chain[i].domain !== 'township') return { township: null, county: null, city: null };
  while (i > 0 && chain[i - 1].domain === 'township') i--;
  const organs = chain.slice(0, i).filter((o) => o.kind === 'leading-organ').reverse();
  return { township: chain[i], county: organs[0] ?? null, city: organs[1] ?? null };
}

export interface EscalationFacts {
  status: TransferStatus;
  target: TargetKind;
  /** The status the transfer was in when it was rejected. */
  rejectedAt: TransferStatus | null;
  /** How many `escalate` events it already has. */
  escalations: number;
  /** The date a `retain-pending` step set, if any. */
  retainedUntil: Date | null;
  /** Which levels have an org in the tree (a missing city cannot be escalated to). */
  orgs: Record<EscalationLevel, boolean>;
}

export interface EscalationState {
  /** The level being asked now: township first, then county, then city. */
  level: EscalationLevel;
  /** Where an escalation goes next, or null at the top (or where the tree has nobody higher). */
  next: EscalationLevel | null;
  /** The school has not yet set a pending retention: it may. */
  canRetain: boolean;
  /** The county floating branch is offered as the receiver of last resort, at every level. */
  offersFloatingBranch: true;
}

/** A refusal by the township at its receiving step: the only refusal with this path. */
export const TOWNSHIP_REFUSAL = { status: 'rejected', target: 'township-org', rejectedAt: 'pending-incoming' } as const satisfies Pick<EscalationFacts, 'status' | 'target' | 'rejectedAt'>;

export function isTownshipRefusal(f: Pick<EscalationFacts, 'status' | 'target' | 'rejectedAt'>): boolean {
  return f.status === TOWNSHIP_REFUSAL.status && f.target === TOWNSHIP_REFUSAL.target && f.rejectedAt === TOWNSHIP_REFUSAL.rejectedAt;
}

/** Where the path stands; null for every transfer that is not a township refusal. */
export function escalationState(f: EscalationFacts): EscalationState | null {
  if (!isTownshipRefusal(f)) return null;
  const level = ESCALATION_LEVELS[Math.min(f.escalations, ESCALATION_LEVELS.length - 1)];
  const after = ESCALATION_LEVELS[ESCALATION_LEVELS.indexOf(level) + 1];
  const next = after && f.orgs[after] ? after : null;
  return { level, next, canRetain: f.retainedUntil === null, offersFloatingBranch: true };
}

/** The school's steps: only an org-admin of the school above the member's branch takes them. */
export type EscalationParty = 'school' | 'member' | 'other';

export function escalationActions(state: EscalationState | null, party: EscalationParty): EscalationAction[] {
  if (!state || party !== 'school') return [];
  const out: EscalationAction[] = [];
  if (state.next) out.push('escalate');
  if (state.canRetain) out.push('retain-pending');
  return out;
}

export type RetainRefusal = 'not-after-today' | 'beyond-limit';

/** The latest day a pending retention may run to: 6 months from now. */
export function latestPendingRetention(now: Date): Date {
  return addMonths(now, PENDING_RETENTION_MONTHS);
}

/** A pending retention must end after now and at most 6 months from now. */
export function pendingRetentionRefusal(until: Date, now: Date): RetainRefusal | null {
  if (until.getTime() <= now.getTime()) return 'not-after-today';
  if (until.getTime() > latestPendingRetention(now).getTime()) return 'beyond-limit';
  return null;
}
