import { Injectable } from '@nestjs/common';
import { UNPLACED_MOVE_STATUSES, type FloatingBranchOption, type UnplacedMoveResult, type UnplacedMoveRow, type UnplacedMoveStatus, type UnplacedMoveView } from '@xianjie/contract';
import { beijingDateString, isFloatingBranchFor, suggestFloatingBranch, UNPLACED_MOVE_ANSWERS, UNPLACED_MOVE_REMARK, unplacedMoveOpens } from '@xianjie/rules';
import type { Actor } from '../auth/actor';
import { ADMIN_ROLES, ScopeService } from '../auth/scope.service';
import { AppError } from '../common/app-error';
import { Clock } from '../common/time';
import { Database } from '../database/database.service';
import { Org } from '../orgs/org.entity';
import { schoolOfOrg, specialBranches } from '../orgs/school-branches';
import { cohortFrom, num, runSql, STARTED_PARAMS } from '../progress/cohort';
import { NOT_STARTED_WHERE, REPORTED } from '../progress/not-started.service';
import { ProgressService } from '../progress/progress.service';
import { TransfersService } from './transfers.service';
import { targetNotAllowed, unplacedMoveNotAllowed, unplacedMoveNotOpen } from './transfers.errors';

const REPORT_JOIN = 'LEFT JOIN destination_reports d ON d.member_id = m.person_id';
/** Whom a move may take: not started, and reported unplaced or nothing at all (the not-started list's two filters). */
const MOVABLE_WHERE = `${NOT_STARTED_WHERE} AND (${REPORTED.unplaced} OR ${REPORTED.unreported})`;

/** `not-fitting` says the workflow's own reason instead. */
const MESSAGES: Record<Exclude<UnplacedMoveStatus, 'not-fitting'>, string> = {
  moved: '已转入流动团员团支部',
  started: '已发起，待院系团委审批',
  'in-progress': '这名团员已有业务正在办理',
  'not-eligible': '不是本组织该届未发起接转、未落实或未填报去向的毕业生',
};

/**
 * Graduates still unplaced after July 31 (domain §7), moved by their school into its
 * floating-member branch: each one a retention transfer started on their behalf and approved by
 * the same school in the next step, so every move keeps the workflow's checks, its events and
 * the ledger entry (台账) a retention completes with — and one graduate's refusal never undoes
 * another's move. Only a college or school committee moves (retention is theirs to approve).
 */
@Injectable()
export class UnplacedMove {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly scope: ScopeService,
    private readonly progress: ProgressService,
    private readonly transfers: TransfersService,
  ) {}

  async view(actor: Actor, orgId: string, yearParam?: number): Promise<UnplacedMoveView> {
    const org = await this.scope.orgInScope(actor, orgId, ADMIN_ROLES);
    const year = this.progress.yearOr(yearParam);
    const branches = await this.floatingBranches(org);
    const movable = this.movable(org, year);
    const counts = await runSql(
      this.db.manager,
      `SELECT SUM(CASE WHEN ${REPORTED.unplaced} THEN 1 ELSE 0 END) AS reported, SUM(CASE WHEN ${REPORTED.unreported} THEN 1 ELSE 0 END) AS unreported
       ${movable.sql}`,
      movable.params,
    );
    const options: FloatingBranchOption[] = branches.map((b) => ({ id: b.id, name: b.name, forYear: isFloatingBranchFor(b.name, year) }));
    const opens = unplacedMoveOpens(year);
    return {
      orgId: org.id,
      year,
      opensOn: beijingDateString(opens),
      open: this.clock.now().getTime() >= opens.getTime(),
      canMove: this.movesFor(actor, org),
      branches: options,
      suggestedBranchId: suggestFloatingBranch(options, year)?.id ?? null,
      reportedUnplaced: num(counts[0]?.reported),
      unreported: num(counts[0]?.unreported),
    };
  }

  async move(actor: Actor, orgId: string, body: { year?: number; branchId: string; memberIds: string[] }): Promise<UnplacedMoveResult> {
    const org = await this.scope.orgInScope(actor, orgId, ADMIN_ROLES);
    if (!this.movesFor(actor, org)) throw unplacedMoveNotAllowed();
    const year = this.progress.yearOr(body.year);
    const opens = unplacedMoveOpens(year);
    if (this.clock.now().getTime() < opens.getTime()) throw unplacedMoveNotOpen(year, beijingDateString(opens));
    const branch = (await this.floatingBranches(org)).find((b) => b.id === body.branchId);
    if (!branch) throw targetNotAllowed('请选择本校的流动团员团支部');

    const movable = this.movable(org, year, 'JOIN people p ON p.id = m.person_id');
    const found = await runSql<{ id: string; name: string }>(
      this.db.manager,
      `SELECT m.person_id AS id, p.name AS name ${movable.sql} AND m.person_id IN (:...memberIds)`,
      { ...movable.params, memberIds: body.memberIds },
    );
    const names = new Map(found.map((r) => [String(r.id), String(r.name)]));
    const rows: UnplacedMoveRow[] = [];
    // One after another, each in its own transactions: a crash leaves every earlier move whole.
    for (const memberId of body.memberIds) {
      const name = names.get(memberId);
      rows.push(name === undefined ? { memberId, name: null, status: 'not-eligible', message: MESSAGES['not-eligible'] } : await this.one(actor, memberId, name, branch));
    }
    const counts = Object.fromEntries(UNPLACED_MOVE_STATUSES.map((s) => [s, 0])) as Record<UnplacedMoveStatus, number>;
    for (const r of rows) counts[r.status]++;
    return { total: rows.length, counts, rows };
  }

  private async one(actor: Actor, memberId: string, name: string, branch: Org): Promise<UnplacedMoveRow> {
    const base = { memberId, name };
    let transferId: string;
    try {
      const started = await this.transfers.start(actor, { memberId, answers: UNPLACED_MOVE_ANSWERS, targetOrgId: branch.id, remarks: UNPLACED_MOVE_REMARK });
      transferId = started.id;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'TRANSFER_IN_PROGRESS') return { ...base, status: 'in-progress', message: MESSAGES['in-progress'] };
      // Moved since the list was read (another move, a transfer completing), out of reach or not: that row only.
      if (e.status === 404 || e.code === 'MEMBER_MOVED') return { ...base, status: 'not-eligible', message: MESSAGES['not-eligible'] };
      if (e.status === 422 || e.status === 403) return { ...base, status: 'not-fitting', message: e.message };
      throw e;
    }
    try {
      await this.transfers.act(actor, transferId, 'approve', { comment: UNPLACED_MOVE_REMARK });
      return { ...base, status: 'moved', transferId, message: `${MESSAGES.moved}：${branch.name}` };
    } catch (e) {
      // Started and still waiting: the college approves it as any other (or the sweep after 15 days).
      if (!(e instanceof AppError)) throw e;
      return { ...base, status: 'started', transferId, message: MESSAGES.started };
    }
  }

  /** The org's cohort of the year, not started, reported unplaced or nothing (`d` the report). */
  private movable(org: Org, year: number, joins = '') {
    const cohort = cohortFrom(org.path, year, `${REPORT_JOIN} ${joins}`);
    return { sql: `${cohort.sql} ${MOVABLE_WHERE}`, params: { ...cohort.params, ...STARTED_PARAMS } };
  }

  /** Retention is approved above the branch (transfer-parties `outgoingAboveBranch`). */
  private movesFor(actor: Actor, org: Org): boolean {
    return this.scope.coversAboveBranch(actor, org, ADMIN_ROLES);
  }

  /** The floating-member branches of the org's school (none outside a school), by name. */
  private async floatingBranches(org: Org): Promise<Org[]> {
    const school = await schoolOfOrg(this.db.manager, org);
    if (!school) return [];
    return (await specialBranches(this.db.manager, school, ['floating'])).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }
}
