import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AbroadReportState, AbroadReportView, ReportIntervalView } from '@xianjie/contract';
import { abroadReportDue, DEFAULT_ABROAD_REPORT_MONTHS } from '@xianjie/rules';
import { In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { ScopeService, WATCHER_ROLES } from '../auth/scope.service';
import { LoginThrottle } from '../auth/login-throttle';
import { AppError } from '../common/app-error';
import { Clock, iso } from '../common/time';
import { Database } from '../database/database.service';
import { Org } from '../orgs/org.entity';
import { RetentionRecord } from '../transfers/retention-record.entity';
import { AbroadReport, AbroadReportSetting } from './abroad-report.entity';

export const notKeptAbroad = () =>
  new AppError(409, 'NOT_KEPT_ABROAD', '只有保留在学校出国(境)学习研究团员团支部的团员需要定期报告');
const tooManyReports = (seconds: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', `今天的报告已经够多了，请 ${Math.max(1, Math.ceil(seconds / 3600))} 小时后再报告`, { retryAfterSeconds: seconds });
/** Reports a person may send a day: one every few months is asked; a script's thousands are not kept (counted per instance, as the other limits). */
const REPORTS_PER_DAY = 10;

const pathIds = (path: string) => path.split('/').filter(Boolean);

/** The setting nearest the end of a root-first chain of org ids (the deepest org's own wins), else the default. */
function nearestInterval(chain: string[], settings: Map<string, number>): number {
  const nearest = [...chain].reverse().find((id) => settings.has(id));
  return nearest ? settings.get(nearest)! : DEFAULT_ABROAD_REPORT_MONTHS;
}

/**
 * Members abroad kept at school report on themselves periodically (domain §7): a dated note from
 * the member; the school sets how often (default 6 months, libs/rules); the ledger shows who is overdue.
 */
@Injectable()
export class AbroadReportsService {
  private readonly sent = new LoginThrottle(REPORTS_PER_DAY, 86_400_000);

  constructor(
    private readonly db: Database,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  /** The member's current stay abroad kept at school, if any (the newest open study-abroad record). */
  private keptAbroad(memberId: string): Promise<RetentionRecord | null> {
    return this.db.manager.findOne(RetentionRecord, {
      where: { memberId, kind: 'study-abroad', state: In(['active', 'follow-up', 'overdue']) },
      order: { startedAt: 'DESC' },
    });
  }

  /** For `GET /me`: the caller's reporting state, or null when they are not kept abroad (no report is asked of them). */
  async stateOf(memberId: string): Promise<AbroadReportState | null> {
    const record = await this.keptAbroad(memberId);
    return record ? [...(await this.states([record])).values()][0] : null;
  }

  async report(actor: Actor, note: string): Promise<AbroadReportView> {
    const record = await this.keptAbroad(actor.id);
    if (!record) throw notKeptAbroad();
    const now = this.clock.now();
    const wait = this.sent.hit(actor.id, now.getTime());
    if (wait > 0) throw tooManyReports(wait);
    const row: AbroadReport = { id: randomUUID(), memberId: actor.id, at: iso(now), note };
    await this.db.transaction((em) => em.insert(AbroadReport, row));
    const [state] = (await this.states([record])).values();
    return { ...row, ...state };
  }

  /**
   * The interval in force at an org: its own setting, else the nearest one above it, else the
   * default — what its members abroad are asked (watchers read it; admins set it).
   */
  async interval(actor: Actor, orgId: string): Promise<ReportIntervalView> {
    const org = await this.scope.orgInScope(actor, orgId, WATCHER_ROLES);
    const chain = pathIds(org.path);
    const settings = new Map((await this.db.manager.findBy(AbroadReportSetting, { orgId: In(chain) })).map((s) => [s.orgId, s.months]));
    return { orgId: org.id, months: nearestInterval(chain, settings) };
  }

  /** The school (or a college) sets the interval for the members abroad under it. */
  async setInterval(actor: Actor, orgId: string, months: number): Promise<ReportIntervalView> {
    const org = await this.scope.orgInScope(actor, orgId);
    const row: AbroadReportSetting = { orgId: org.id, months, updatedById: actor.id, updatedAt: iso(this.clock.now()) };
    await this.db.transaction((em) => em.upsert(AbroadReportSetting, row, ['orgId']));
    return { orgId: org.id, months };
  }

  /**
   * For ledger rows of members abroad: the interval (the nearest setting above their branch), their
   * last report and when the next is due. Three queries for the whole page.
   */
  async states(records: Pick<RetentionRecord, 'id' | 'memberId' | 'branchId' | 'startedAt'>[]): Promise<Map<string, AbroadReportState>> {
    const out = new Map<string, AbroadReportState>();
    if (records.length === 0) return out;
    const em = this.db.manager;
    const branches = await em.find(Org, { where: { id: In([...new Set(records.map((r) => r.branchId))]) }, select: { id: true, path: true } });
    const paths = new Map(branches.map((b) => [b.id, pathIds(b.path)]));
    const orgIds = [...new Set([...paths.values()].flat())];
    const settings = new Map((orgIds.length ? await em.findBy(AbroadReportSetting, { orgId: In(orgIds) }) : []).map((s) => [s.orgId, s.months]));
    // Each member's newest report only (however many they sent), then those rows for their notes.
    const ids = [...new Set(records.map((r) => r.memberId))];
    const newest: { memberId: string; at: string }[] = await em
      .createQueryBuilder(AbroadReport, 'a')
      .select('a.member_id', 'memberId')
      .addSelect('MAX(a.at)', 'at')
      .where('a.member_id IN (:...ids)', { ids })
      .groupBy('a.member_id')
      .getRawMany();
    const latest = new Set(newest.map((n) => `${n.memberId}\n${n.at}`));
    const reports = newest.length
      ? (await em.find(AbroadReport, { where: { memberId: In(newest.map((n) => n.memberId)), at: In([...new Set(newest.map((n) => n.at))]) } })).filter((a) => latest.has(`${a.memberId}\n${a.at}`))
      : [];
    const now = this.clock.now();
    for (const r of records) {
      const intervalMonths = nearestInterval(paths.get(r.branchId) ?? [], settings);
      // Reports since this retention began count; an older stay abroad's do not.
      const last = reports.find((a) => a.memberId === r.memberId && a.at >= r.startedAt) ?? null;
      const due = abroadReportDue(new Date(r.startedAt), last ? new Date(last.at) : null, intervalMonths);
      out.set(r.id, { intervalMonths, lastReportAt: last?.at ?? null, lastNote: last?.note ?? null, dueAt: iso(due), overdue: now.getTime() >= due.getTime() });
    }
    return out;
  }
}
