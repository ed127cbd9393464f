import { Injectable } from '@nestjs/common';
import type { RejectedBy, TransferView } from '@xianjie/contract';
import type { TransferStatus } from '@xianjie/rules';
import { EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Person } from '../auth/person.entity';
import { Database } from '../database/database.service';
import { Org } from '../orgs/org.entity';
import { escalationJson, type EscalationJson } from './escalation-view';
import { factsOf, nextSteps, type NextStepFacts } from './next-steps';
import { refusalStanding } from './refusal-standing';
import { loadTownshipPath, maskedPath, type TownshipPath } from './township-path';
import { callerActions, canSee, partiesOf, type CallerFacts, type Parties, type TransferFacts } from './transfer-parties';
import { RoleGrant } from '../auth/role-grant.entity';
import { transferJson } from './transfer-view';
import { TransferEvent } from './transfer-event.entity';
import { Transfer } from './transfer.entity';
import { transferNotFound } from './transfers.errors';

const targetParentOf = (t: Transfer, orgs: Map<string, Org>): string | null => (t.targetOrgId ? orgs.get(t.targetOrgId)?.parentId ?? null : null);

export interface FactsContext {
  orgs: Map<string, Org>;
  closedFrom: Map<string, TransferStatus>;
}

/**
 * The member's own numbers (mobile, emergency contact, contact at home) are for the member and
 * the school side over them; the receiving org and a starter from elsewhere see them masked.
 */
function seesContacts(p: Parties): boolean {
  return p.member || p.outgoing || p.watcher || p.provincial;
}

/** Loads what deciding "who is this caller to that transfer" and showing it needs, in a few queries per batch. */
@Injectable()
export class TransferReader {
  constructor(private readonly db: Database) {}

  /** The caller, with the provinces of their reviewer grants (a grant carries its org's path, not its province). */
  async caller(actor: Actor, em: EntityManager = this.db.manager): Promise<CallerFacts> {
    const reviewerOrgIds = actor.grants.filter((g) => g.role === 'provincial-reviewer').map((g) => g.orgId);
    const orgs = reviewerOrgIds.length ? await em.find(Org, { where: { id: In(reviewerOrgIds) }, select: { id: true, province: true } }) : [];
    return { id: actor.id, grants: actor.grants, reviewerProvinces: [...new Set(orgs.map((o) => o.province))] };
  }

  async orgsOf(transfers: Transfer[], em: EntityManager = this.db.manager): Promise<Map<string, Org>> {
    const ids = [...new Set(transfers.flatMap((t) => [t.outgoingOrgId, t.targetOrgId].filter((x): x is string => !!x)))];
    const orgs = ids.length ? await em.findBy(Org, { id: In(ids) }) : [];
    return new Map(orgs.map((o) => [o.id, o]));
  }

  /** Names of the assigned branches and of the receivers' parents (the rest is in `orgs` already). */
  async orgNamesOf(transfers: Transfer[], orgs: Map<string, Org>, em: EntityManager = this.db.manager): Promise<Map<string, string>> {
    const wanted = [...new Set(transfers.flatMap((t) => [t.assignedBranchId, targetParentOf(t, orgs)].filter((x): x is string => !!x)))];
    const names = new Map([...orgs.values()].map((o) => [o.id, o.name]));
    const missing = wanted.filter((id) => !names.has(id));
    if (missing.length) {
      for (const o of await em.find(Org, { where: { id: In(missing) }, select: { id: true, name: true } })) names.set(o.id, o.name);
    }
    return names;
  }

  /**
   * For the rejected and withdrawn ones: the status each closed from, so the receiving side
   * sees only what got to it (libs/rules `reachedReceiver`).
   */
  async closedFromOf(transfers: Transfer[], em: EntityManager = this.db.manager): Promise<Map<string, TransferStatus>> {
    const ids = transfers.filter((t) => t.status === 'rejected' || t.status === 'withdrawn').map((t) => t.id);
    if (ids.length === 0) return new Map();
    const closing = await em.find(TransferEvent, {
      where: { transferId: In(ids), toStatus: In(['rejected', 'withdrawn']) },
      select: { transferId: true, fromStatus: true, toStatus: true },
    });
    // Steps taken on a closed transfer (escalating a township's refusal) stay in its status: not where it closed.
    const closedHere = closing.filter((e) => e.fromStatus && e.fromStatus !== e.toStatus);
    return new Map(closedHere.map((e) => [e.transferId, e.fromStatus as TransferStatus]));
  }

  /** What deciding the caller's parties to these transfers needs, loaded once per batch. */
  async context(transfers: Transfer[], em: EntityManager = this.db.manager): Promise<FactsContext> {
    const [orgs, closedFrom] = await Promise.all([this.orgsOf(transfers, em), this.closedFromOf(transfers, em)]);
    return { orgs, closedFrom };
  }

  facts(t: Transfer, ctx: FactsContext): TransferFacts {
    const { orgs } = ctx;
    const outgoing = orgs.get(t.outgoingOrgId);
    const target = t.targetOrgId ? orgs.get(t.targetOrgId) : undefined;
    return {
      memberId: t.memberId,
      startedById: t.startedById,
      startedByParty: t.startedByParty,
      path: t.path,
      status: t.status,
      crossSystem: !!t.crossSystem,
      receiverIsBranch: !!t.receiverIsBranch,
      // An outgoing org deleted since (graduating branches may be) still belongs to nobody's subtree.
      outgoingOrg: outgoing ? { path: outgoing.path, province: outgoing.province } : { path: '\u0000', province: '' },
      targetOrg: target ? { path: target.path } : null,
      closedFrom: ctx.closedFrom.get(t.id) ?? null,
    };
  }

  /** The transfer with the caller's parties to it; 404 when they are none of them. */
  async visible(actor: Actor, id: string, em: EntityManager = this.db.manager): Promise<{ transfer: Transfer; facts: TransferFacts; parties: Parties }> {
    const transfer = await em.findOneBy(Transfer, { id });
    if (!transfer) throw transferNotFound();
    const facts = this.facts(transfer, await this.context([transfer], em));
    const parties = partiesOf(await this.caller(actor, em), facts);
    if (!canSee(parties)) throw transferNotFound();
    return { transfer, facts, parties };
  }

  /** Transfers as JSON for this caller: `full` with answers and events, `summary` for lists. */
  async views(actor: Actor, transfers: Transfer[], mode: 'full' | 'summary'): Promise<TransferView[]> {
    if (transfers.length === 0) return [];
    const em = this.db.manager;
    const caller = await this.caller(actor);
    const ctx = await this.context(transfers);
    const orgNames = await this.orgNamesOf(transfers, ctx.orgs);
    const ids = transfers.map((t) => t.id);
    const rejected = transfers.filter((t) => t.status === 'rejected').map((t) => t.id);
    const wanted = mode === 'full' ? ids : rejected;
    const events = wanted.length
      ? await em.find(TransferEvent, { where: { transferId: In(wanted) }, order: { transferId: 'ASC', seq: 'ASC' } })
      : [];
    const byTransfer = new Map<string, TransferEvent[]>();
    for (const e of events) byTransfer.set(e.transferId, [...(byTransfer.get(e.transferId) ?? []), e]);

    const personIds = [...new Set([...transfers.flatMap((t) => [t.memberId, t.startedById]), ...events.map((e) => e.actorId)])];
    const people = await em.find(Person, { where: { id: In(personIds) }, select: { id: true, name: true } });
    const names = new Map(people.map((p) => [p.id, p.name]));

    const townships = new Map<string, Promise<TownshipPath>>();
    const out: TransferView[] = [];
    for (const t of transfers) {
      const facts = this.facts(t, ctx);
      const parties = partiesOf(caller, facts);
      const own = byTransfer.get(t.id) ?? [];
      const rejectedAt = [...own].reverse().find((e) => e.toStatus === 'rejected' && e.fromStatus !== 'rejected')?.fromStatus ?? null;
      const steps = factsOf(t, rejectedAt);
      let escalation: EscalationJson | null = null;
      if (t.status === 'rejected' && t.target === 'township-org' && t.targetOrgId) {
        const key = t.targetOrgId;
        if (!townships.has(key)) townships.set(key, loadTownshipPath(em, key));
        const path = (await townships.get(key))!;
        escalation = escalationJson({
          status: t.status, target: t.target, rejectedAt, events: own, retainedUntil: t.retentionExpiresAt,
          path: seesContacts(parties) ? path : maskedPath(path),
          party: parties.outgoingAboveBranch ? 'school' : parties.member ? 'member' : 'other',
        });
        // Offered only while the member is still where the refusal left them (escalation.service holds to the same).
        if (escalation?.actions.length) {
          const standing = await refusalStanding(em, t);
          escalation = { ...escalation, actions: escalation.actions.filter((a) => (a === 'escalate' ? standing.escalate : standing.retainPending)) };
        }
        steps.township = townshipFacts(path, escalation);
      }
      const json = transferJson(
        {
          transfer: t, names, orgNames, targetParentId: targetParentOf(t, ctx.orgs),
          events: mode === 'full' ? own : null, nextSteps: nextSteps(steps), allowedActions: callerActions(facts, parties),
        },
        mode,
        seesContacts(parties),
      );
      if (mode === 'full' && t.status === 'rejected') {
        const rejection = [...own].reverse().find((e) => e.toStatus === 'rejected' && e.fromStatus !== 'rejected');
        const by = rejection && rejectedAt ? await this.rejectedBy(rejection.actorId, rejectedAt, facts) : null;
        if (by) json.rejectedBy = by;
      }
      out.push(escalation ? { ...json, escalation } : json);
    }
    return out;
  }

  /**
   * Whom a graduate calls about a rejection: the admin who rejected it (name and mobile, as the
   * application form already prints the outgoing admin's), and the org they rejected for — their
   * grant over the stage's org (the outgoing branch, or the receiver), or their reviewer org.
   */
  private async rejectedBy(actorId: string, step: TransferStatus, facts: TransferFacts): Promise<RejectedBy | null> {
    const em = this.db.manager;
    const person = await em.findOne(Person, { where: { id: actorId }, select: { id: true, name: true, phone: true } });
    if (!person) return null;
    const grants = await em.findBy(RoleGrant, { personId: actorId });
    const orgs = grants.length ? await em.findBy(Org, { id: In(grants.map((g) => g.orgId)) }) : [];
    const stageOrgPath = step === 'pending-outgoing' ? facts.outgoingOrg.path : facts.targetOrg?.path ?? null;
    const wanted = step === 'pending-provincial' ? 'provincial-reviewer' : 'org-admin';
    const org = grants
      .filter((g) => g.role === wanted)
      .map((g) => orgs.find((o) => o.id === g.orgId))
      .filter((o): o is Org => !!o && (stageOrgPath === null || stageOrgPath.startsWith(o.path)))
      .sort((a, b) => b.depth - a.depth)[0];
    return { step, orgName: org?.name ?? null, adminName: person.name, adminPhone: person.phone };
  }

  /**
   * A transfer just started, as its starter sees it, from the rows the start already holds
   * (orgs, names, its first event): the same JSON `views` gives, without reading anything back.
   */
  async written(actor: Actor, t: Transfer, events: TransferEvent[], orgs: Map<string, Org>, names: Map<string, string>): Promise<TransferView> {
    const caller = await this.caller(actor);
    // Just written, so not closed at any stage.
    const facts = this.facts(t, { orgs, closedFrom: new Map() });
    const parties = partiesOf(caller, facts);
    const orgNames = await this.orgNamesOf([t], orgs);
    return transferJson(
      {
        transfer: t, names, orgNames, targetParentId: targetParentOf(t, orgs),
        events, nextSteps: nextSteps(factsOf(t, null)), allowedActions: callerActions(facts, parties),
      },
      'full',
      seesContacts(parties),
    );
  }
}

/** What the next-step sentences need from the township path and where the escalation stands. */
function townshipFacts(path: TownshipPath, e: EscalationJson | null): NonNullable<NextStepFacts['township']> {
  const name = (level: string | null | undefined) => path.levels.find((l) => l.level === level)?.orgName ?? null;
  return {
    superiorName: name('county'),
    countyFloatingBranchName: path.floatingBranch?.name ?? null,
    levelName: e && e.level !== 'township' ? name(e.level) : null,
    nextName: name(e?.next),
    retainedUntil: e?.retainedUntil ?? null,
  };
}
