import { Injectable } from '@nestjs/common';
import type { SpecialUnitRow, SpecialUnitState } from '@xianjie/contract';
import { maskIdNumber, type Destination, type TransferStatus } from '@xianjie/rules';
import type { Actor } from '../auth/actor';
import { ScopeService, WATCHER_ROLES } from '../auth/scope.service';
import type { RowsPage } from '../common/paging';
import { Database } from '../database/database.service';
import { pathNames, pathRefs } from '../orgs/orgs.service';
import { cohortFrom, num, runSql } from './cohort';
import type { SpecialUnitQueryDto } from './dto';
import { ProgressService } from './progress.service';

const DEFAULT_LIMIT = 200;
const STATUS_OF: Record<SpecialUnitState, TransferStatus> = { library: 'completed', pending: 'pending-provincial' };

/**
 * Each cohort member's latest special-unit transfer that reached the library or waits for the
 * provincial review (`t`). A member placed somewhere by a completed standard transfer has left the
 * library, as the progress counts have it (progress.service: `special_unit`).
 */
const JOINS = `
  JOIN people p ON p.id = m.person_id
  JOIN transfers t ON t.member_id = m.person_id AND t.path = :special AND t.status IN (:...states)
    AND NOT EXISTS (SELECT 1 FROM transfers t2 WHERE t2.member_id = t.member_id AND t2.path = :special AND t2.status IN (:...states)
      AND (t2.created_at > t.created_at OR (t2.created_at = t.created_at AND t2.id > t.id)))`;
const NOT_PLACED = `
  AND NOT EXISTS (SELECT 1 FROM transfers s WHERE s.member_id = m.person_id AND s.path = :standard AND s.status = :completed)`;

/**
 * 特殊单位专属库 (domain §3): who of an org's cohort went to a special unit — military or a
 * classified employer — and who still waits for the provincial committee. For the school, its
 * colleges and counsellors, and for the provincial reviewers over the whole province.
 */
@Injectable()
export class SpecialUnitService {
  constructor(
    private readonly db: Database,
    private readonly scope: ScopeService,
    private readonly progress: ProgressService,
  ) {}

  async list(actor: Actor, orgId: string, query: SpecialUnitQueryDto): Promise<RowsPage<SpecialUnitRow>> {
    const org = await this.scope.orgInScope(actor, orgId, [...WATCHER_ROLES, 'provincial-reviewer']);
    const year = this.progress.yearOr(query.year);
    const cohort = cohortFrom(org.path, year, JOINS);
    const states = query.state ? [STATUS_OF[query.state]] : Object.values(STATUS_OF);
    const params = { ...cohort.params, states, special: 'special-unit', standard: 'standard', completed: 'completed' };
    const em = this.db.manager;
    const [count] = await runSql(em, `SELECT COUNT(*) AS n ${cohort.sql} ${NOT_PLACED}`, params);
    const rows = await runSql(
      em,
      `SELECT p.id AS id, p.name AS name, p.id_number AS id_number, g.id AS g_id, g.name AS g_name, g.path AS g_path,
         t.id AS transfer_id, t.status AS status, t.destination AS destination, t.closed_at AS closed_at, t.created_at AS created_at
       ${cohort.sql} ${NOT_PLACED}
       ORDER BY CASE WHEN t.status = :completed THEN 1 ELSE 0 END, g.path, p.name, p.id
       LIMIT ${Math.trunc(query.limit ?? DEFAULT_LIMIT)} OFFSET ${Math.trunc(query.offset ?? 0)}`,
      params,
    );
    // A reviewer's list spans the province: each branch with its school and college.
    const names = await pathNames(em, rows.map((r) => ({ path: String(r.g_path) })));
    return {
      total: num(count?.n),
      rows: rows.map((r) => {
        const state: SpecialUnitState = r.status === 'completed' ? 'library' : 'pending';
        return {
          memberId: String(r.id),
          name: String(r.name),
          idNumberMasked: maskIdNumber(String(r.id_number)),
          graduatingOrgId: String(r.g_id),
          graduatingOrgName: String(r.g_name),
          graduatingOrgPath: pathRefs({ path: String(r.g_path) }, names),
          destination: String(r.destination) as Destination,
          state,
          transferId: String(r.transfer_id),
          since: String(state === 'library' ? r.closed_at ?? r.created_at : r.created_at),
        };
      }),
    };
  }
}
