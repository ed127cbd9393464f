import { Injectable } from '@nestjs/common';
import type { NotStartedDestination, NotStartedGraduate } from '@xianjie/contract';
import { deadlineGroupOf, groupDueDate, maskIdNumber, maskMobile, type DeadlineGroup, type Destination, type DestinationDetail } from '@xianjie/rules';
import { Actor } from '../auth/actor';
import { ScopeService, WATCHER_ROLES } from '../auth/scope.service';
import { notFound } from '../common/app-error';
import { Database } from '../database/database.service';
import { cohortFrom, num, runSql, STARTED_PARAMS, STARTED_SQL } from './cohort';
import { NotStartedQueryDto } from './dto';
import { ProgressService } from './progress.service';
import { CampaignService } from './campaign.service';
import { isWithin } from '../auth/subtree';
import type { RowsPage } from '../common/paging';

const DEFAULT_LIMIT = 500;

export const NOT_STARTED_JOINS = `
  JOIN people p ON p.id = m.person_id
  JOIN orgs o ON o.id = m.org_id
  LEFT JOIN destination_reports d ON d.member_id = m.person_id
  LEFT JOIN reminders lr ON lr.member_id = m.person_id
    AND NOT EXISTS (SELECT 1 FROM reminders r2 WHERE r2.member_id = lr.member_id
      AND (r2.created_at > lr.created_at OR (r2.created_at = lr.created_at AND r2.id > lr.id)))`;

export const NOT_STARTED_WHERE = `
  AND NOT EXISTS (SELECT 1 FROM transfers t WHERE t.member_id = m.person_id AND ${STARTED_SQL('t')})`;

/** What they reported, as a condition on `d` (the destination report, LEFT JOINed). */
export const REPORTED: Record<NotStartedDestination, string> = {
  unplaced: "d.destination = 'unplaced'",
  unreported: 'd.destination IS NULL',
};

/** Graduates of an org's cohort who have not started a transfer: the counsellor's to-do list. */
@Injectable()
export class NotStartedService {
  constructor(
    private readonly db: Database,
    private readonly scope: ScopeService,
    private readonly progress: ProgressService,
    private readonly campaign: CampaignService,
  ) {}

  async list(actor: Actor, orgId: string, query: NotStartedQueryDto): Promise<RowsPage<NotStartedGraduate>> {
    const org = await this.scope.orgInScope(actor, orgId, WATCHER_ROLES);
    let path = org.path;
    if (query.branchId) {
      const branch = await this.scope.orgInScope(actor, query.branchId, WATCHER_ROLES);
      if (!isWithin(branch.path, org.path)) throw notFound('该团支部');
      path = branch.path;
    }
    const year = this.progress.yearOr(query.year);
    const cohort = cohortFrom(path, year, NOT_STARTED_JOINS);
    const params = { ...cohort.params, ...STARTED_PARAMS };
    const where = NOT_STARTED_WHERE + (query.destination ? ` AND ${REPORTED[query.destination]}` : '');
    const em = this.db.manager;
    const [count] = await runSql(em, `SELECT COUNT(*) AS n ${cohort.sql} ${where}`, params);
    const rows = await runSql(
      em,
      `SELECT p.id AS id, p.name AS name, p.id_number AS id_number, p.phone AS phone,
         o.id AS org_id, o.name AS org_name, g.id AS graduating_org_id, g.path AS graduating_org_path,
         d.destination AS destination, d.destination_detail AS destination_detail,
         lr.created_at AS r_created_at, lr.opened_at AS r_opened_at, lr.expires_at AS r_expires_at, lr.open_count AS r_open_count
       ${cohort.sql} ${where}
       ORDER BY g.path, p.name, p.id
       LIMIT ${Math.trunc(query.limit ?? DEFAULT_LIMIT)} OFFSET ${Math.trunc(query.offset ?? 0)}`,
      params,
    );
    const branches = [...new Map(rows.map((r) => [String(r.graduating_org_id), { id: String(r.graduating_org_id), path: String(r.graduating_org_path) }])).values()];
    const dates = await this.campaign.datesFor(branches, year);
    return {
      total: num(count?.n),
      rows: rows.map((r) => {
        const group = deadlineGroupOf((r.destination ?? null) as Destination | null, (r.destination_detail ?? null) as DestinationDetail | null);
        return {
          id: String(r.id),
          name: String(r.name),
          idNumberMasked: maskIdNumber(String(r.id_number)),
          phone: maskMobile(String(r.phone)),
          phoneMasked: true,
          orgId: String(r.org_id),
          orgName: String(r.org_name),
          graduatingOrgId: String(r.graduating_org_id),
          destination: (r.destination ?? null) as Destination | null,
          lastReminder: r.r_created_at
            ? {
                createdAt: String(r.r_created_at),
                openedAt: r.r_opened_at ? String(r.r_opened_at) : null,
                expiresAt: String(r.r_expires_at),
                openCount: num(r.r_open_count),
              }
            : null,
          deadlineGroup: group,
          dueBy: group ? groupDueDate(dates.get(String(r.graduating_org_id))!, group) : null,
        };
      }),
    };
  }
}
