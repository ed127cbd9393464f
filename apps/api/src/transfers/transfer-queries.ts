import { Injectable } from '@nestjs/common';
import type { Inbox, TransferView } from '@xianjie/contract';
import { inboxPendingStatuses, OPEN_STATUSES, reachedReceiver, TOWNSHIP_REFUSAL, TRANSFER_STATUSES, type TransferShape, type TransferStatus } from '@xianjie/rules';
import type { Actor } from '../auth/actor';
import { ADMIN_ROLES, ScopeService, WATCHER_ROLES } from '../auth/scope.service';
import { underAny } from '../common/sql';
import { Database } from '../database/database.service';
import { Membership } from '../members/membership.entity';
import { Org } from '../orgs/org.entity';
import type { InboxQueryDto } from './dto';
import { canSee, partiesOf } from './transfer-parties';
import { TransferReader } from './transfer-reader';
import { Transfer } from './transfer.entity';
import { followUpOutgoingOnly, inboxNotAllowed, memberNotFound } from './transfers.errors';

const DEFAULT_LIMIT = 100;

// The incoming box in SQL, derived from libs/rules' `reachedReceiver` rather than listed by hand.
const IN_SYSTEM: TransferShape = { path: 'standard', crossSystem: false, receiverIsBranch: false };
const REACHED = TRANSFER_STATUSES.filter((s) => reachedReceiver(s, IN_SYSTEM, null));
const CLOSED = TRANSFER_STATUSES.filter((s) => !REACHED.includes(s) && OPEN_STATUSES.some((f) => reachedReceiver(s, IN_SYSTEM, f)));
const CLOSED_THERE = OPEN_STATUSES.filter((f) => CLOSED.some((s) => reachedReceiver(s, IN_SYSTEM, f)));
const REACHED_RECEIVER_SQL =
  '(t.status IN (:...reached) OR (t.status IN (:...closed) AND EXISTS (' +
  'SELECT 1 FROM transfer_events ce WHERE ce.transfer_id = t.id AND ce.to_status = t.status AND ce.from_status IN (:...closedThere))))';

/** libs/rules' `isTownshipRefusal` in SQL: refused at the receiving step, by a township receiver. */
const TOWNSHIP_REFUSAL_SQL =
  't.status = :refusedStatus AND t.target = :refusedTarget AND EXISTS (' +
  'SELECT 1 FROM transfer_events re WHERE re.transfer_id = t.id AND re.to_status = t.status AND re.from_status = :refusedAt)';

/** The reads: one transfer, the admin inboxes, a member's history — each scoped to the caller. */
@Injectable()
export class TransferQueries {
  constructor(
    private readonly db: Database,
    private readonly scope: ScopeService,
    private readonly reader: TransferReader,
  ) {}

  async get(actor: Actor, id: string): Promise<TransferView> {
    const { transfer } = await this.reader.visible(actor, id);
    return (await this.reader.views(actor, [transfer], 'full'))[0];
  }

  /**
   * outgoing: transfers out of branches in the caller's subtree (org-admins and counsellors);
   * incoming: in-system transfers to orgs in the caller's subtree (org-admins) that reached them;
   * provincial: special-unit transfers from schools in the reviewer's province.
   */
  async inbox(actor: Actor, q: InboxQueryDto): Promise<Inbox> {
    if (q.state === 'follow-up' && q.box !== 'outgoing') throw followUpOutgoingOnly();
    const qb = this.db.manager.createQueryBuilder(Transfer, 't');
    if (q.box === 'provincial') {
      const provinces = (await this.reader.caller(actor)).reviewerProvinces;
      if (provinces.length === 0) throw inboxNotAllowed();
      qb.innerJoin(Org, 'o', 'o.id = t.outgoing_org_id')
        .where("t.path = 'special-unit'")
        .andWhere('o.province IN (:...provinces)', { provinces });
    } else {
      const scopes = this.scope.scopes(actor, q.box === 'outgoing' ? WATCHER_ROLES : ADMIN_ROLES);
      if (scopes.length === 0) throw inboxNotAllowed();
      const within = underAny('o.path', scopes);
      if (q.box === 'outgoing') {
        qb.innerJoin(Org, 'o', 'o.id = t.outgoing_org_id').where(within.sql, within.params);
      } else {
        qb.innerJoin(Org, 'o', 'o.id = t.target_org_id')
          .where(within.sql, within.params)
          .andWhere("t.path = 'standard'")
          .andWhere(REACHED_RECEIVER_SQL, { reached: REACHED, closed: CLOSED, closedThere: CLOSED_THERE });
      }
    }
    const rows: { status: TransferStatus; n: number | string }[] = await qb
      .clone()
      .select('t.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('t.status')
      .getRawMany();
    const counts = Object.fromEntries(TRANSFER_STATUSES.map((s) => [s, 0])) as Record<TransferStatus, number>;
    for (const r of rows) counts[r.status] = Number(r.n);

    if (q.status) qb.andWhere('t.status = :status', { status: q.status });
    if (q.state === 'follow-up') {
      qb.andWhere(TOWNSHIP_REFUSAL_SQL, { refusedStatus: TOWNSHIP_REFUSAL.status, refusedTarget: TOWNSHIP_REFUSAL.target, refusedAt: TOWNSHIP_REFUSAL.rejectedAt });
    } else if (q.state) {
      qb.andWhere(`t.status ${q.state === 'pending' ? 'IN' : 'NOT IN'} (:...boxPending)`, { boxPending: inboxPendingStatuses(q.box) });
    }
    if (q.state === 'pending') {
      // A to-do list: the nearest deadline first (the sweep decides those next), then the steps with
      // no deadline, oldest first — so the most urgent are on the first page however many wait.
      qb.addSelect('CASE WHEN t.stage_deadline IS NULL THEN 1 ELSE 0 END', 'no_deadline')
        .orderBy('no_deadline', 'ASC')
        .addOrderBy('t.stage_deadline', 'ASC')
        .addOrderBy('t.created_at', 'ASC');
    } else {
      qb.orderBy('t.created_at', 'DESC');
    }
    const transfers = await qb
      .addOrderBy('t.id', 'ASC')
      .offset(q.offset ?? 0)
      .limit(q.limit ?? DEFAULT_LIMIT)
      .getMany();
    return { items: await this.reader.views(actor, transfers, 'summary'), counts };
  }

  /**
   * Newest first, each with who started it and every step. The member and the admins and
   * counsellors over their branch see all of it; a party to some of them, those.
   */
  async history(actor: Actor, memberId: string): Promise<TransferView[]> {
    const em = this.db.manager;
    const membership = await em.findOneBy(Membership, { personId: memberId });
    if (!membership) throw memberNotFound();
    const branch = await em.findOneBy(Org, { id: membership.orgId });
    const all = await em.findBy(Transfer, { memberId });
    const overMember = actor.id === memberId || (!!branch && this.scope.covers(actor, branch.path, WATCHER_ROLES));
    let shown = all;
    if (!overMember) {
      const caller = await this.reader.caller(actor);
      const ctx = await this.reader.context(all);
      shown = all.filter((t) => canSee(partiesOf(caller, this.reader.facts(t, ctx))));
      if (shown.length === 0) throw memberNotFound();
    }
    return this.reader.views(actor, shown.sort(newestFirst), 'full');
  }
}

/** By start time; on a tie (one clock tick), the open one and then the later-closed one first. */
function newestFirst(a: Transfer, b: Transfer): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  if (!a.closedAt !== !b.closedAt) return a.closedAt ? 1 : -1;
  return (b.closedAt ?? '').localeCompare(a.closedAt ?? '');
}
