import { Injectable } from '@nestjs/common';
import type { CampaignView } from '@xianjie/contract';
import { In } from 'typeorm';
import { Actor } from '../auth/actor';
import { ADMIN_ROLES, ScopeService, WATCHER_ROLES } from '../auth/scope.service';
import { ValidationFailed } from '../common/app-error';
import { Clock } from '../common/time';
import { Database } from '../database/database.service';
import { Org } from '../orgs/org.entity';
import { CampaignSetting } from './campaign-setting.entity';
import { CampaignDto } from './dto';
import { notASchool } from './progress.errors';
import {
  CAMPAIGN_DATE_KEYS, campaignDateProblems, campaignDaysLeft, DEADLINE_GROUPS, defaultCampaignDates, GROUP_DATE_KEY, groupDueDate, type CampaignDates,
} from '@xianjie/rules';

const pathIds = (path: string): string[] => path.split('/').filter(Boolean);

/** The deadlines that apply to an org: its school's own, or the defaults of libs/rules. */
export interface AppliedDates extends CampaignDates {
  /** The school (校级团委) whose settings apply; null above schools (a leading organ). */
  schoolId: string | null;
  /** The school chose its own dates for this year. */
  custom: boolean;
}

/**
 * A school's campaign dates (domain §5). The school is the topmost school-domain org on the
 * path: a university committee hanging under a provincial leading organ, say.
 */
export function schoolOf(chain: Pick<Org, 'id' | 'domain'>[]): string | null {
  return chain.find((o) => o.domain === 'school')?.id ?? null;
}

@Injectable()
export class CampaignService {
  constructor(
    private readonly db: Database,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  /** The dates in force for each org, keyed by org id: two queries, however many orgs. */
  async datesFor(orgs: Pick<Org, 'id' | 'path'>[], year: number): Promise<Map<string, AppliedDates>> {
    const em = this.db.manager;
    const ids = [...new Set(orgs.flatMap((o) => pathIds(o.path)))];
    const chainOrgs = ids.length ? await em.find(Org, { where: { id: In(ids) }, select: { id: true, domain: true } }) : [];
    const byId = new Map(chainOrgs.map((o) => [o.id, o]));
    const schools = new Map(orgs.map((o) => [o.id, schoolOf(pathIds(o.path).flatMap((id) => byId.get(id) ?? []))]));
    const schoolIds = [...new Set([...schools.values()].filter((s): s is string => !!s))];
    const settings = schoolIds.length ? await em.findBy(CampaignSetting, { orgId: In(schoolIds), year }) : [];
    const bySchool = new Map(settings.map((s) => [s.orgId, s]));
    const defaults = defaultCampaignDates(year);
    const out = new Map<string, AppliedDates>();
    for (const o of orgs) {
      const schoolId = schools.get(o.id) ?? null;
      const own = schoolId ? bySchool.get(schoolId) : undefined;
      // A column left NULL (a row saved before deadlines by group) keeps the default.
      const dates = Object.fromEntries(CAMPAIGN_DATE_KEYS.map((k) => [k, own?.[k] ?? defaults[k]])) as unknown as CampaignDates;
      out.set(o.id, { schoolId, custom: !!own, ...dates });
    }
    return out;
  }

  async dates(org: Pick<Org, 'id' | 'path'>, year: number): Promise<AppliedDates> {
    return (await this.datesFor([org], year)).get(org.id)!;
  }

  /** GET /orgs/:id/campaign: the dates in force for this org's school; watchers over the org may read them. */
  async get(actor: Actor, orgId: string, year: number): Promise<CampaignView> {
    const org = await this.scope.orgInScope(actor, orgId, WATCHER_ROLES);
    const dates = await this.dates(org, year);
    if (!dates.schoolId) throw notASchool();
    return this.view(dates.schoolId, year, dates);
  }

  /**
   * PUT /orgs/:id/campaign: the school's org-admins (or admins above it) set its dates, per group
   * too; omitted fields keep theirs; the whole set is checked by libs/rules (in the year, in order).
   */
  async put(actor: Actor, orgId: string, year: number, dto: CampaignDto): Promise<CampaignView> {
    const org = await this.scope.orgInScope(actor, orgId, ADMIN_ROLES);
    const current = await this.dates(org, year);
    if (current.schoolId !== org.id) throw notASchool();
    const next = Object.fromEntries(CAMPAIGN_DATE_KEYS.map((k) => [k, dto[k] ?? current[k]])) as unknown as CampaignDates;
    const problems = campaignDateProblems(year, next);
    if (problems.length) throw new ValidationFailed(problems);
    // An upsert, so two admins saving at once cannot trip over the primary key.
    await this.db.transaction((em) => em.upsert(CampaignSetting, { orgId: org.id, year, ...next }, ['orgId', 'year']));
    return this.view(org.id, year, { ...next, schoolId: org.id, custom: true });
  }

  private async view(schoolId: string, year: number, dates: AppliedDates): Promise<CampaignView> {
    const school = await this.db.manager.findOneByOrFail(Org, { id: schoolId });
    const deadlines = Object.fromEntries(CAMPAIGN_DATE_KEYS.map((k) => [k, dates[k]])) as unknown as CampaignDates;
    const daysLeft = campaignDaysLeft(deadlines, this.clock.now());
    return {
      orgId: school.id, orgName: school.name, year, ...deadlines, custom: dates.custom, daysLeft,
      /** Deadlines by group (domain §7): which date each group of graduates must meet. */
      groups: DEADLINE_GROUPS.map((group) => ({ group, dueBy: groupDueDate(deadlines, group), daysLeft: daysLeft[GROUP_DATE_KEY[group]] })),
    };
  }
}
