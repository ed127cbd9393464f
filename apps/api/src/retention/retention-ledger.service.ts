import { Injectable } from '@nestjs/common';
import type { RetentionKind, RetentionLedgerRow, RetentionState } from '@xianjie/contract';
import { maskIdNumber, maskMobile } from '@xianjie/rules';
import { Actor } from '../auth/actor';
import { ScopeService, WATCHER_ROLES } from '../auth/scope.service';
import { subtreeWhere } from '../auth/subtree';
import { Database } from '../database/database.service';
import { num, runSql } from '../progress/cohort';
import { AbroadReportsService } from './abroad-reports.service';
import { RetentionLedgerQueryDto } from './dto';
import type { RowsPage } from '../common/paging';

const DEFAULT_LIMIT = 500;

/** Overdue first, then those due a follow-up, then the rest; closed ones last. */
const STATE_RANK = `CASE r.state WHEN 'overdue' THEN 0 WHEN 'follow-up' THEN 1 WHEN 'active' THEN 2 ELSE 3 END`;
const DUE_AT = `CASE WHEN r.state = 'closed' THEN NULL WHEN r.state = 'active' THEN COALESCE(r.follow_up_at, r.expires_at)
  ELSE COALESCE(r.expires_at, r.follow_up_at) END`;

/**
 * A record belongs to an org when the member graduated from under it (a college follows its
 * graduates into the school-level floating branch) or is kept in a branch under it.
 */
function ledgerFrom(orgPath: string): { sql: string; params: Record<string, string> } {
  const [graduatedUnder, params] = subtreeWhere('g.path', orgPath, 'under');
  const [keptUnder] = subtreeWhere('b.path', orgPath, 'under');
  return {
    sql: `
  FROM retention_records r
  JOIN memberships m ON m.person_id = r.member_id
  JOIN people p ON p.id = r.member_id
  JOIN orgs g ON g.id = COALESCE(m.graduating_org_id, m.org_id)
  JOIN orgs b ON b.id = r.branch_id
  WHERE (${graduatedUnder} OR ${keptUnder})`,
    params,
  };
}

@Injectable()
export class RetentionLedgerService {
  constructor(
    private readonly db: Database,
    private readonly scope: ScopeService,
    private readonly abroad: AbroadReportsService,
  ) {}

  async list(actor: Actor, orgId: string, query: RetentionLedgerQueryDto): Promise<RowsPage<RetentionLedgerRow>> {
    const org = await this.scope.orgInScope(actor, orgId, WATCHER_ROLES);
    const filters: string[] = [query.state ? 'r.state = :state' : "r.state <> 'closed'"];
    if (query.year !== undefined) filters.push('m.graduation_year = :year');
    const from = ledgerFrom(org.path);
    const where = `${from.sql} AND ${filters.join(' AND ')}`;
    const params = { ...from.params, state: query.state, year: query.year };
    const em = this.db.manager;
    const [count] = await runSql(em, `SELECT COUNT(*) AS n ${where}`, params);
    const rows = await runSql(
      em,
      `SELECT r.id AS id, r.member_id AS member_id, p.name AS name, p.id_number AS id_number, p.phone AS phone,
         r.kind AS kind, r.state AS state, b.id AS branch_id, b.name AS branch_name, g.id AS g_id, g.name AS g_name,
         m.graduation_year AS graduation_year, r.started_at AS started_at, r.follow_up_at AS follow_up_at,
         r.expires_at AS expires_at, r.transfer_id AS transfer_id, r.closed_at AS closed_at,
         ${STATE_RANK} AS state_rank, ${DUE_AT} AS due_at, COALESCE(${DUE_AT}, '9999') AS due_sort
       ${where}
       ORDER BY state_rank, due_sort, p.name, r.id
       LIMIT ${Math.trunc(query.limit ?? DEFAULT_LIMIT)} OFFSET ${Math.trunc(query.offset ?? 0)}`,
      params,
    );
    const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
    const abroad = await this.abroad.states(
      rows
        .filter((r) => r.kind === 'study-abroad' && r.state !== 'closed')
        .map((r) => ({ id: String(r.id), memberId: String(r.member_id), branchId: String(r.branch_id), startedAt: String(r.started_at) })),
    );
    return {
      total: num(count?.n),
      rows: rows.map((r) => {
        const report = abroad.get(String(r.id));
        return {
          ...(report ? { abroadReport: report } : {}),
          id: String(r.id),
          memberId: String(r.member_id),
          name: String(r.name),
          idNumberMasked: maskIdNumber(String(r.id_number)),
          phone: maskMobile(String(r.phone)),
          phoneMasked: true,
          kind: r.kind as RetentionKind,
          state: r.state as RetentionState,
          branchId: String(r.branch_id),
          branchName: String(r.branch_name),
          graduatingOrgId: String(r.g_id),
          graduatingOrgName: String(r.g_name),
          graduationYear: r.graduation_year === null || r.graduation_year === undefined ? null : num(r.graduation_year),
          since: String(r.started_at),
          followUpAt: text(r.follow_up_at),
          until: text(r.expires_at),
          dueAt: text(r.due_at),
          transferId: String(r.transfer_id),
          closedAt: text(r.closed_at),
        };
      }),
    };
  }
}
