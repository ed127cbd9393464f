import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TransferView } from '@xianjie/contract';
import {
  beijingDateString, beijingMidnight, ESCALATION_LEVEL_LABELS, parseDateString, pendingRetentionRefusal, PENDING_RETENTION_MONTHS,
  type EscalationAction, type TransferStatus,
} from '@xianjie/rules';
import { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { withRetry } from '../common/db-errors';
import { Clock, iso } from '../common/time';
import { Database } from '../database/database.service';
import { Org } from '../orgs/org.entity';
import { pickSchoolBranches, schoolOfOrg, specialBranches } from '../orgs/school-branches';
import { Membership } from '../members/membership.entity';
import { escalationNotAllowed, retainDateInvalid } from './escalation.errors';
import { escalationJson, type EscalationJson } from './escalation-view';
import { RetentionRecord } from './retention-record.entity';
import { refusalStanding } from './refusal-standing';
import { loadTownshipPath } from './township-path';
import { TransferEvent } from './transfer-event.entity';
import { recordEvents } from './transition';
import { TransferReader } from './transfer-reader';
import { Transfer } from './transfer.entity';
import { transferChanged } from './transfers.errors';

/**
 * A township's refusal, taken level by level (domain §4, issue #12): the school escalates to the
 * township's superior (区县团委), then the city; meanwhile it may keep the member (≤ 6 months).
 * Neither step changes the transfer's status: each is one event (who, when) on the rejected
 * transfer, written with a version check so two admins cannot take the same step twice.
 */
@Injectable()
export class EscalationService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly reader: TransferReader,
  ) {}

  async escalate(actor: Actor, id: string, comment?: string): Promise<TransferView> {
    await withRetry(() =>
      this.db.transaction(async (em) => {
        const { t, view } = await this.current(actor, id, em, 'escalate');
        const to = view.levels.find((l) => l.level === view.next)!;
        const now = this.clock.now();
        await this.bump(em, t, now, {});
        const said = `已向${to.orgName}（${ESCALATION_LEVEL_LABELS[to.level]}）反映${comment ? `：${comment}` : ''}`;
        await this.record(em, t, now, actor.id, 'escalate', said);
      }),
    );
    return this.reread(actor, id);
  }

  async retainPending(actor: Actor, id: string, untilDay: string, comment?: string): Promise<TransferView> {
    let until: Date;
    try {
      const d = parseDateString(untilDay);
      until = beijingMidnight(d.year, d.month, d.day);
    } catch {
      throw retainDateInvalid('请选择有效的日期');
    }
    await withRetry(() =>
      this.db.transaction(async (em) => {
        const { t, view } = await this.current(actor, id, em, 'retain-pending');
        const now = this.clock.now();
        const refusal = pendingRetentionRefusal(until, now);
        if (refusal === 'not-after-today') throw retainDateInvalid('保留截止日期应在今天之后');
        if (refusal === 'beyond-limit') throw retainDateInvalid(`等待期间学校保留一般不超过${PENDING_RETENTION_MONTHS}个月`);
        await this.bump(em, t, now, { retentionExpiresAt: iso(until) });
        // The school's ledger (台账) lists the member as kept at school until that day.
        const branch = await this.floatingBranchOfSchool(em, t);
        await em.insert(RetentionRecord, {
          id: randomUUID(), memberId: t.memberId, transferId: t.id, kind: 'floating', branchId: branch ?? t.outgoingOrgId,
          details: JSON.stringify({ reason: 'township-refusal', township: view.levels[0]?.orgName ?? null }),
          startedAt: iso(now), followUpAt: iso(until), expiresAt: iso(until), state: 'active', closedAt: null,
        });
        // Whoever is being asked now only coordinates: the township is still the one to receive.
        const township = view.levels.find((l) => l.level === 'township')?.orgName;
        const said = `学校暂时保留至${beijingDateString(until)}，等待${township ?? '乡镇（街道）团组织'}接收${comment ? `：${comment}` : ''}`;
        await this.record(em, t, now, actor.id, 'retain-pending', said);
      }),
    );
    return this.reread(actor, id);
  }

  /** The transfer, its path as this caller sees it, and a refusal unless `step` is the caller's to take. */
  private async current(actor: Actor, id: string, em: EntityManager, step: EscalationAction): Promise<{ t: Transfer; view: EscalationJson }> {
    const { transfer: t, parties } = await this.reader.visible(actor, id, em);
    const events = await em.find(TransferEvent, { where: { transferId: t.id }, order: { seq: 'ASC' } });
    const rejectedAt = ([...events].reverse().find((e) => e.toStatus === 'rejected' && e.fromStatus !== 'rejected')?.fromStatus ?? null) as TransferStatus | null;
    const path = t.targetOrgId ? await loadTownshipPath(em, t.targetOrgId) : { levels: [], floatingBranch: null };
    const view = escalationJson({
      status: t.status, target: t.target, rejectedAt, events, retainedUntil: t.retentionExpiresAt, path,
      party: parties.outgoingAboveBranch ? 'school' : parties.member ? 'member' : 'other',
    });
    if (!view) throw escalationNotAllowed('只有乡镇（街道）团组织不接收的申请，才能向上级团组织反映或由学校暂时保留。');
    const standing = await refusalStanding(em, t);
    if (!(step === 'escalate' ? standing.escalate : standing.retainPending)) {
      throw escalationNotAllowed(
        step === 'escalate'
          ? '该团员已离开学校，或已有转往别处的申请，这次被拒绝的申请不再需要向上级反映。'
          : '该团员已不在原团支部，或已有新的申请（包括暂时保留在学校），不能再为这次被拒绝的申请设置保留。',
      );
    }
    if (!view.actions.includes(step)) {
      if (!parties.outgoingAboveBranch) throw escalationNotAllowed('这一步由学校（院系）团组织办理。');
      throw escalationNotAllowed(step === 'escalate' ? '已经反映到最高一级，请等待处理，或转到流动团员团支部。' : '学校已经设置过暂时保留。');
    }
    return { t, view };
  }

  private async bump(em: EntityManager, t: Transfer, now: Date, extra: Partial<Transfer>): Promise<void> {
    const res = await em
      .createQueryBuilder()
      .update(Transfer)
      .set({ ...extra, version: t.version + 1, updatedAt: iso(now) })
      .where('id = :id AND version = :version', { id: t.id, version: t.version })
      .execute();
    if (!res.affected) throw transferChanged();
  }

  private async record(em: EntityManager, t: Transfer, now: Date, actorId: string, action: EscalationAction, comment: string): Promise<void> {
    const change = { from: t.status, to: t.status, action, actorId, comment: [...comment].slice(0, 500).join('') };
    await recordEvents(em, { sql: 't.id = :transferId', params: { transferId: t.id } }, change, iso(now), randomUUID());
  }

  /**
   * The school's floating branch (流动团员团支部) above the member's branch, if it has one: the one
   * kept for their year first, as a retention start picks it (orgs/school-branches.ts).
   */
  private async floatingBranchOfSchool(em: EntityManager, t: Transfer): Promise<string | null> {
    const branch = await em.findOneBy(Org, { id: t.outgoingOrgId });
    const school = branch ? await schoolOfOrg(em, branch) : null;
    if (!school) return null;
    const year = (await em.findOneBy(Membership, { personId: t.memberId }))?.graduationYear ?? null;
    return pickSchoolBranches(await specialBranches(em, school, ['floating']), year).floating?.id ?? null;
  }

  private async reread(actor: Actor, id: string): Promise<TransferView> {
    const transfer = await this.db.manager.findOneByOrFail(Transfer, { id });
    return (await this.reader.views(actor, [transfer], 'full'))[0];
  }
}
