import { Injectable } from '@nestjs/common';
import type { OrgProgress, ProgressReport } from '@xianjie/contract';
import { campaignDaysLeft, currentCampaignYear } from '@xianjie/rules';
import type { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { ScopeService, WATCHER_ROLES } from '../auth/scope.service';
import { Clock } from '../common/time';
import { Database } from '../database/database.service';
import { Org } from '../orgs/org.entity';
import { CampaignService } from './campaign.service';
import { preparationCheck } from './preparation';
import { cohortFrom, FURTHER_STUDY, MILITARY_DESTINATIONS, num, RETENTION_TARGETS, runSql, STARTED_PARAMS, STARTED_SQL } from './cohort';
import { addTally, childIdUnder, daysLeft, emptyTally, summarize, Tally, TALLY_FIELDS } from './progress-math';

/**
 * One row per member (their transfers folded into flags), then one row per graduating branch.
 * A member with several transfers counts once; the retention kind is that of their latest
 * completed retention; the further-study / military exclusion reads the live transfer's
 * destination, or the destination reported in advance (destination_reports) before any start.
 */
const TALLY_JOINS = `
  LEFT JOIN transfers t ON t.member_id = m.person_id
  LEFT JOIN transfers r ON r.member_id = m.person_id AND r.status = :completed AND r.path = :retention
    AND NOT EXISTS (SELECT 1 FROM transfers r2 WHERE r2.member_id = r.member_id AND r2.status = :completed AND r2.path = :retention
      AND (r2.created_at > r.created_at OR (r2.created_at = r.created_at AND r2.id > r.id)))
  LEFT JOIN destination_reports d ON d.member_id = m.person_id`;

const TALLY_SQL = (cohort: string) => `
SELECT x.branch_id, x.branch_path,
  COUNT(*) AS graduates,
  SUM(x.started) AS started,
  SUM(x.done_standard) AS completed,
  SUM(CASE WHEN x.done_standard = 0 AND x.done_special = 1 THEN 1 ELSE 0 END) AS special_unit,
  SUM(CASE WHEN x.done_standard = 0 AND x.done_special = 0 AND x.ret_floating = 1 THEN 1 ELSE 0 END) AS floating,
  SUM(CASE WHEN x.done_standard = 0 AND x.done_special = 0 AND x.ret_abroad = 1 THEN 1 ELSE 0 END) AS study_abroad,
  SUM(CASE WHEN x.done_standard = 0 AND x.done_special = 0 AND x.ret_delayed = 1 THEN 1 ELSE 0 END) AS delayed_graduation,
  SUM(CASE WHEN x.started = 1 THEN x.live_military ELSE x.rep_military END) AS excluded_military,
  SUM(CASE WHEN x.started = 1 THEN (CASE WHEN x.live_military = 0 THEN x.live_further ELSE 0 END)
           ELSE (CASE WHEN x.rep_military = 0 THEN x.rep_further ELSE 0 END) END) AS excluded_further,
  SUM(CASE WHEN x.started = 1 AND (x.live_military = 1 OR x.live_further = 1) THEN 1 ELSE 0 END) AS excluded_started
FROM (
  SELECT m.person_id AS member_id, g.id AS branch_id, g.path AS branch_path,
    MAX(CASE WHEN ${STARTED_SQL('t')} THEN 1 ELSE 0 END) AS started,
    MAX(CASE WHEN t.status = :completed AND t.path = :standard THEN 1 ELSE 0 END) AS done_standard,
    MAX(CASE WHEN t.status = :completed AND t.path = :special THEN 1 ELSE 0 END) AS done_special,
    MAX(CASE WHEN r.target = :floatingTarget THEN 1 ELSE 0 END) AS ret_floating,
    MAX(CASE WHEN r.target = :abroadTarget THEN 1 ELSE 0 END) AS ret_abroad,
    MAX(CASE WHEN r.target = :delayedTarget THEN 1 ELSE 0 END) AS ret_delayed,
    MAX(CASE WHEN t.status IN (:...live) AND t.destination IN (:...military) THEN 1 ELSE 0 END) AS live_military,
    MAX(CASE WHEN t.status IN (:...live) AND t.destination = :further THEN 1 ELSE 0 END) AS live_further,
    MAX(CASE WHEN d.destination IN (:...military) THEN 1 ELSE 0 END) AS rep_military,
    MAX(CASE WHEN d.destination = :further THEN 1 ELSE 0 END) AS rep_further
  ${cohort}
  GROUP BY m.person_id, g.id, g.path
) x
GROUP BY x.branch_id, x.branch_path`;

export interface BranchTally extends Tally {
  branchId: string;
  path: string;
}

@Injectable()
export class ProgressService {
  constructor(
    private readonly db: Database,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly campaign: CampaignService,
  ) {}

  yearOr(year: number | undefined): number {
    return year ?? currentCampaignYear(this.clock.now());
  }

  /** Tallies per graduating branch under the org, in one set-based query. */
  async branchTallies(em: EntityManager, orgPath: string, year: number): Promise<BranchTally[]> {
    const cohort = cohortFrom(orgPath, year, TALLY_JOINS);
    const rows = await runSql(em, TALLY_SQL(cohort.sql), {
      ...cohort.params,
      ...STARTED_PARAMS,
      completed: 'completed',
      standard: 'standard',
      special: 'special-unit',
      retention: 'retention',
      floatingTarget: RETENTION_TARGETS.floating,
      abroadTarget: RETENTION_TARGETS.studyAbroad,
      delayedTarget: RETENTION_TARGETS.delayedGraduation,
      military: MILITARY_DESTINATIONS,
      further: FURTHER_STUDY,
    });
    return rows.map((r) => ({
      branchId: String(r.branch_id),
      path: String(r.branch_path),
      graduates: num(r.graduates),
      started: num(r.started),
      completed: num(r.completed),
      specialUnit: num(r.special_unit),
      floating: num(r.floating),
      studyAbroad: num(r.study_abroad),
      delayedGraduation: num(r.delayed_graduation),
      excludedFurtherStudy: num(r.excluded_further),
      excludedMilitary: num(r.excluded_military),
      excludedStarted: num(r.excluded_started),
    }));
  }

  async progress(actor: Actor, orgId: string, yearParam?: number): Promise<ProgressReport> {
    const org = await this.scope.orgInScope(actor, orgId, WATCHER_ROLES);
    const year = this.yearOr(yearParam);
    const em = this.db.manager;
    const branches = await this.branchTallies(em, org.path, year);

    const total = emptyTally();
    const perChild = new Map<string, Tally>();
    for (const b of branches) {
      const tally: Tally = Object.fromEntries(TALLY_FIELDS.map((f) => [f, b[f]])) as unknown as Tally;
      addTally(total, tally);
      const childId = childIdUnder(org.path, b.path);
      if (childId) perChild.set(childId, addTally(perChild.get(childId) ?? emptyTally(), tally));
    }
    // Deleted graduating branches stay: their graduates still belong to this cohort.
    const children = perChild.size
      ? (await em.find(Org, { where: { parentId: org.id } })).filter((c) => perChild.has(c.id))
      : [];
    const dates = await this.campaign.datesFor([org, ...children], year);
    const now = this.clock.now();
    const view = (o: Org, t: Tally): OrgProgress => {
      const d = dates.get(o.id)!;
      const deadlines = { startedBy: d.startedBy, receivedBy: d.receivedBy, furtherStudyBy: d.furtherStudyBy };
      return {
        orgId: o.id,
        orgName: o.name,
        kind: o.kind,
        purpose: o.purpose,
        year,
        ...summarize(t),
        campaignOrgId: d.schoolId,
        deadlines,
        daysLeft: daysLeft(year, deadlines, now),
      };
    };
    const own = dates.get(org.id)!;
    const preparation = own.schoolId === org.id
      ? await preparationCheck(em, org, year, { dueBy: own.preparationBy, daysLeft: campaignDaysLeft(own, now).preparationBy }, total.graduates)
      : undefined;
    return {
      ...view(org, total),
      ...(preparation ? { preparation } : {}),
      children: children
        .map((c) => view(c, perChild.get(c.id)!))
        .sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') || a.orgId.localeCompare(b.orgId)),
    };
  }
}
