import { Injectable } from '@nestjs/common';
import { DESTINATIONS_PAGE_MAX, type DestinationReportView, type DestinationRow } from '@xianjie/contract';
import { beijingDateString, Destination, DestinationDetail, DETAIL_DESTINATION, maskIdNumber } from '@xianjie/rules';
import { Actor } from '../auth/actor';
import { Person } from '../auth/person.entity';
import { ADMIN_ROLES, ScopeService, WATCHER_ROLES } from '../auth/scope.service';
import { AppError, ValidationFailed } from '../common/app-error';
import { Clock, iso } from '../common/time';
import { Database } from '../database/database.service';
import { Org } from '../orgs/org.entity';
import { DestinationReportDto } from './destination.dto';
import type { DestinationsQueryDto } from './dto';
import { admittedSchoolKey } from './admitted-school-key';
import { DestinationReport } from './destination-report.entity';
import { Membership } from './membership.entity';
import { subtreeWhere } from '../auth/subtree';
import type { RowsPage } from '../common/paging';
import { GRADUATING_BRANCH } from '../progress/cohort';

const FIELDS = ['organisationName', 'organisationAddress', 'organisationTownship', 'householdRegistration', 'residence'] as const;

/** Schools collect each graduate's destination in advance (domain §5). */
@Injectable()
export class DestinationsService {
  constructor(
    private readonly db: Database,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  async mine(actor: Actor): Promise<DestinationReportView | null> {
    return this.db.manager.findOneBy(DestinationReport, { memberId: actor.id });
  }

  async save(actor: Actor, dto: DestinationReportDto): Promise<DestinationReportView> {
    if (!actor.membership) throw new AppError(403, 'NOT_A_MEMBER', '只有团员本人可以填报毕业去向');
    const detail = (dto.destinationDetail ?? null) as DestinationDetail | null;
    if (detail && DETAIL_DESTINATION[detail] !== dto.destination) {
      throw new ValidationFailed([{ field: 'destinationDetail', message: '公务员只适用于已就业，研究生只适用于升学' }]);
    }
    const view = {
      memberId: actor.id,
      destination: dto.destination as Destination,
      destinationDetail: detail,
      ...Object.fromEntries(FIELDS.map((f) => [f, dto[f]?.trim() || null])),
      updatedAt: iso(this.clock.now()),
    } as DestinationReport;
    const row: DestinationReport = { ...view, organisationKey: admittedSchoolKey(view.destination, view.organisationName) };
    await this.db.transaction(async (em) => {
      if (await em.existsBy(DestinationReport, { memberId: actor.id })) await em.update(DestinationReport, { memberId: actor.id }, row);
      else await em.insert(DestinationReport, row);
    });
    return view;
  }

  /**
   * The destinations of a year's graduating cohort still under an org (masked IDs), for the school's
   * advance planning: members of its marked branches whether or not June 1 has flipped them (the
   * school collects before graduation), optionally only those who have (not) reported; a page, by
   * branch and name (id breaking ties, so pages never overlap), and how many in all.
   */
  async forOrg(actor: Actor, orgId: string, page: DestinationsQueryDto = {}): Promise<RowsPage<DestinationRow>> {
    const org = await this.scope.orgInScope(actor, orgId, WATCHER_ROLES);
    const year = page.year ?? Number(beijingDateString(this.clock.now()).slice(0, 4));
    const qb = this.db.manager
      .createQueryBuilder(Membership, 'm')
      // The branch the member graduates from (progress's cohort rule), not where they sit now: a
      // report is the school's, and stays with it after the member has moved on — never the receiver's.
      .innerJoin(Org, 'o', `o.id = ${GRADUATING_BRANCH('m')}`)
      .innerJoin(Person, 'p', 'p.id = m.person_id')
      .leftJoin(DestinationReport, 'd', 'd.member_id = m.person_id')
      .where(...subtreeWhere('o.path', org.path))
      .andWhere('m.graduation_year = :year', { year });
    if (page.state) qb.andWhere(page.state === 'reported' ? 'd.member_id IS NOT NULL' : 'd.member_id IS NULL');
    const total = await qb.clone().getCount();
    const rows: Record<string, unknown>[] = await qb
      .select(['p.id AS "memberId"', 'p.name AS name', 'p.id_number AS "idNumber"', 'o.name AS "orgName"', 'd.destination AS destination'])
      .addSelect(['d.destination_detail AS "destinationDetail"'])
      .addSelect(['d.organisation_name AS "organisationName"', 'd.organisation_address AS "organisationAddress"', 'd.organisation_township AS "organisationTownship"'])
      .addSelect(['d.household_registration AS "householdRegistration"', 'd.residence AS residence', 'd.updated_at AS "updatedAt"'])
      .orderBy('o.name', 'ASC')
      .addOrderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .offset(page.offset ?? 0)
      .limit(page.limit ?? DESTINATIONS_PAGE_MAX)
      .getRawMany();
    const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
    // Where a graduate's family is registered and lives: for counsellors and the college, not for a
    // branch secretary (usually a classmate) listing their own branch.
    const homeShown = this.scope.covers(actor, org.path, ['counsellor']) || this.scope.coversAboveBranch(actor, org, ADMIN_ROLES);
    const views = rows.map((r): DestinationRow => ({
      memberId: String(r.memberId),
      name: String(r.name),
      idNumberMasked: maskIdNumber(String(r.idNumber)),
      orgName: String(r.orgName),
      destination: text(r.destination) as Destination | null,
      destinationDetail: text(r.destinationDetail) as DestinationDetail | null,
      organisationName: text(r.organisationName),
      organisationAddress: text(r.organisationAddress),
      organisationTownship: text(r.organisationTownship),
      householdRegistration: homeShown ? text(r.householdRegistration) : null,
      residence: homeShown ? text(r.residence) : null,
      homeWithheld: !homeShown,
      updatedAt: text(r.updatedAt),
    }));
    return { rows: views, total };
  }
}
