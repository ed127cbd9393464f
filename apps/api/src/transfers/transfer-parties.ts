import {
  allowedActions, LifecycleError, nextStatus, reachedReceiver,
  type Party, type TransferAction, type TransferPath, type TransferShape, type TransferStatus,
} from '@xianjie/rules';
import type { Grant } from '../auth/actor';
import { isWithin } from '../auth/subtree';

/**
 * Who the caller is to one transfer. Pure: the service loads the facts, this decides.
 * Every route goes through here, so "a party to it" means the same thing everywhere.
 */

export interface TransferFacts {
  memberId: string;
  startedById: string;
  startedByParty: string;
  path: TransferPath;
  status: TransferStatus;
  crossSystem: boolean;
  receiverIsBranch: boolean;
  /** The member's branch at submission and its province (the school's province). */
  outgoingOrg: { path: string; province: string };
  /** The receiving org when it is in this system. */
  targetOrg: { path: string } | null;
  /** Rejected or withdrawn: the status it closed from (did it get to the receiver first?). */
  closedFrom: TransferStatus | null;
}

export interface CallerFacts {
  id: string;
  grants: Pick<Grant, 'role' | 'orgPath'>[];
  /** Provinces of the orgs the caller holds provincial-reviewer grants on. */
  reviewerProvinces: string[];
}

export interface Parties {
  member: boolean;
  starter: boolean;
  /** An org-admin whose subtree holds the outgoing branch (the branch secretary included). */
  outgoing: boolean;
  /** The same, above the branch itself: the college committee (院系团委) that approves retention. */
  outgoingAboveBranch: boolean;
  /** An org-admin over the receiver, once the transfer has reached the receiving side (never before). */
  receiving: boolean;
  provincial: boolean;
  /** Sees it without a step of their own: a counsellor over the outgoing branch. */
  watcher: boolean;
}

const under = (grants: CallerFacts['grants'], role: Grant['role'], path: string) =>
  grants.filter((g) => g.role === role && isWithin(path, g.orgPath));

export function partiesOf(caller: CallerFacts, t: TransferFacts): Parties {
  const outgoingGrants = under(caller.grants, 'org-admin', t.outgoingOrg.path);
  const overTarget = t.targetOrg !== null && under(caller.grants, 'org-admin', t.targetOrg.path).length > 0;
  // An admin who started it stays its starter only while they are still that side: a member who
  // sends a pull-in elsewhere takes it — and what the application now holds — away from them.
  const stillTheirSide = t.startedByParty === 'receiving-admin' ? overTarget : t.startedByParty === 'outgoing-admin' ? outgoingGrants.length > 0 : true;
  return {
    member: caller.id === t.memberId,
    starter: caller.id === t.startedById && stillTheirSide,
    outgoing: outgoingGrants.length > 0,
    outgoingAboveBranch: outgoingGrants.some((g) => g.orgPath !== t.outgoingOrg.path),
    receiving: overTarget && reachedReceiver(t.status, shapeOf(t), t.closedFrom),
    provincial: t.path === 'special-unit' && caller.reviewerProvinces.includes(t.outgoingOrg.province),
    watcher: under(caller.grants, 'counsellor', t.outgoingOrg.path).length > 0,
  };
}

/** May read it at all; everyone else gets 404, so nothing tells them it exists. */
export function canSee(p: Parties): boolean {
  return p.member || p.starter || p.outgoing || p.receiving || p.provincial || p.watcher;
}

export const shapeOf = (t: Pick<TransferFacts, 'path' | 'crossSystem' | 'receiverIsBranch'>): TransferShape => ({
  path: t.path,
  crossSystem: !!t.crossSystem,
  receiverIsBranch: !!t.receiverIsBranch,
});

/** The parties that may judge a stage. Retention is approved by the college, not the branch itself. */
function judgingParties(p: Parties, path: TransferPath): Party[] {
  const out: Party[] = [];
  if (path === 'retention' ? p.outgoingAboveBranch : p.outgoing) out.push('outgoing-admin');
  if (p.receiving) out.push('receiving-admin');
  if (p.provincial) out.push('provincial-reviewer');
  return out;
}

export type Step = 'approve' | 'reject' | 'assign' | 'withdraw' | 'modify';

/** Who may take this step and what it does: the lifecycle's verdict for this caller (not the lifecycle's own `decide`). */
export interface StepPermission {
  party: Party;
  /** The lifecycle action recorded in the event (approve at provincial review is 'provincial-approve'). */
  action: TransferAction;
  next: TransferStatus;
}

/**
 * The lifecycle's answer for this caller, or its LifecycleError. With several parties (an admin
 * over both ends of a transfer inside one school), the one whose step it is acts.
 */
export function authorizeStep(step: Step, t: TransferFacts, p: Parties): StepPermission {
  const shape = shapeOf(t);
  if (step === 'withdraw' || step === 'modify') {
    const { party, opts } = withdrawer(t, p);
    return { party, action: step, next: nextStatus(t.status, step, shape, party, opts) };
  }
  const action: TransferAction = step === 'approve' && t.status === 'pending-provincial' ? 'provincial-approve' : step;
  // A caller without a stage of their own still gets the lifecycle's verdict (closed → 409,
  // otherwise NOT_YOUR_STEP): the member never judges a stage, so it stands in for them.
  const candidates = judgingParties(p, t.path);
  let first: LifecycleError | null = null;
  for (const party of candidates.length ? candidates : (['member'] as Party[])) {
    try {
      return { party, action, next: nextStatus(t.status, action, shape, party, { isMember: p.member }) };
    } catch (e) {
      if (!(e instanceof LifecycleError)) throw e;
      first ??= e;
    }
  }
  throw first as LifecycleError;
}

/** The member withdraws (or changes) as themself; a starting admin as the party they started as. */
function withdrawer(t: TransferFacts, p: Parties): { party: Party; opts: { isStarterOrMember: boolean } } {
  if (p.member) return { party: 'member', opts: { isStarterOrMember: true } };
  if (p.starter && (t.startedByParty === 'outgoing-admin' || t.startedByParty === 'receiving-admin')) {
    return { party: t.startedByParty, opts: { isStarterOrMember: true } };
  }
  if (p.outgoing) return { party: 'outgoing-admin', opts: { isStarterOrMember: false } };
  if (p.receiving) return { party: 'receiving-admin', opts: { isStarterOrMember: false } };
  // Reviewers and watchers never withdraw; the lifecycle says so in its own words.
  return { party: 'provincial-reviewer', opts: { isStarterOrMember: false } };
}

const ROUTE_ACTIONS: Step[] = ['approve', 'reject', 'withdraw', 'modify', 'assign'];

/** The buttons this caller would see: exactly the routes that would accept them now. */
export function callerActions(t: TransferFacts, p: Parties): TransferAction[] {
  const shape = shapeOf(t);
  const possible = new Set<TransferAction>();
  for (const party of judgingParties(p, t.path)) {
    for (const a of allowedActions(t.status, shape, party, { isMember: p.member })) possible.add(a === 'provincial-approve' ? 'approve' : a);
  }
  const w = withdrawer(t, p);
  for (const a of allowedActions(t.status, shape, w.party, w.opts)) if (a === 'withdraw' || a === 'modify') possible.add(a);
  return ROUTE_ACTIONS.filter((a) => possible.has(a));
}
