import { Injectable } from '@nestjs/common';
import type { BranchMarkView, MarkBranchesResult } from '@xianjie/contract';
import { canMarkGraduation, currentCampaignYear, graduationMarkProblem, markTakesDate, parseDateString } from '@xianjie/rules';
import { In, IsNull, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '../common/db-errors';
import { Actor } from '../auth/actor';
import { ADMIN_ROLES, ScopeService, WATCHER_ROLES } from '../auth/scope.service';
import { Clock, iso } from '../common/time';
import { Database } from '../database/database.service';
import { Membership } from '../members/membership.entity';
import { Org } from '../orgs/org.entity';
import { Transfer } from '../transfers/transfer.entity';
import { alreadyMarked, cannotDeleteBranch, cannotMark, graduatesAlready, markChoice, notABranch, specialBranchDate } from './graduation.errors';
import { GraduationMark } from './graduation-mark.entity';
import { MarkBranchesDto } from './dto';
import { notFound, ValidationFailed } from '../common/app-error';
import { anchorCohort } from '../members/cohort-anchor';
import { inChunks } from '../common/sql';
import { isWithin, subtreeWhere } from '../auth/subtree';

@Injectable()
export class GraduationService {
  constructor(
    private readonly db: Database,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  /** Branches under an org with their marks: what a school admin works through before June. */
  async list(actor: Actor, orgId: string): Promise<BranchMarkView[]> {
    const org = await this.scope.orgInScope(actor, orgId, WATCHER_ROLES);
    const em = this.db.manager;
    const branches = await em
      .createQueryBuilder(Org, 'o')
      .where(...subtreeWhere('o.path', org.path))
      .andWhere("o.kind = 'branch' AND o.deleted_at IS NULL")
      .orderBy('o.path', 'ASC')
      .getMany();
    if (branches.length === 0) return [];
    const facts = await this.deletionFacts(em, branches);
    const marks = new Map((await em.findBy(GraduationMark, { branchId: In(branches.map((b) => b.id)) })).map((m) => [m.branchId, m]));
    const campaignYear = currentCampaignYear(this.clock.now());
    return branches.map((b) => {
      const m = marks.get(b.id);
      const f = facts.get(b.id)!;
      return {
        id: b.id, name: b.name, purpose: b.purpose, members: f.members,
        mark: m ? { graduationDate: m.graduationDate, noGraduationReason: m.noGraduationReason, markedAt: m.markedAt } : null,
        graduationYear: f.year,
        deletable: deletionRefusal(f, campaignYear) === null,
      };
    });
  }

  /**
   * A batch mark: one graduation date (or one reason) for every branch in it. The branches' members
   * take that graduation year, so the June 1 flip makes them graduates.
   */
  async mark(actor: Actor, orgId: string, dto: MarkBranchesDto): Promise<MarkBranchesResult> {
    if ((dto.graduationDate === undefined) === (dto.noGraduationReason === undefined)) throw markChoice();
    const org = await this.scope.orgInScope(actor, orgId, ADMIN_ROLES);
    if (!canMarkGraduation(org.kind, org.domain) || !(await this.marksAs(actor, org))) throw cannotMark();
    const year = dto.graduationDate ? parseDateString(dto.graduationDate).year : null;
    const problem = dto.graduationDate ? graduationMarkProblem(dto.graduationDate, this.clock.now()) : null;
    if (problem) throw new ValidationFailed([{ field: 'graduationDate', message: problem }]);
    const now = iso(this.clock.now());
    return this.db.transaction(async (em) => {
      const branches = await em.findBy(Org, { id: In(dto.branchIds), deletedAt: IsNull() });
      const byId = new Map(branches.map((b) => [b.id, b]));
      for (const id of dto.branchIds) {
        const b = byId.get(id);
        if (!b || !isWithin(b.path, org.path)) throw notFound(`团支部 ${id} `);
        if (b.kind !== 'branch') throw notABranch(b.name);
        if (year !== null && !markTakesDate(b.purpose)) throw specialBranchDate(b.name);
      }
      const existing = await em.findBy(GraduationMark, { branchId: In(dto.branchIds) });
      if (existing.length) throw alreadyMarked(byId.get(existing[0].branchId)!.name);
      if (year !== null) {
        // This season's graduates (the June 1 flip made them so) stay in their cohort; an earlier
        // cohort's member in the branch (a delayed-graduation student) still moves to it below.
        const season = currentCampaignYear(this.clock.now());
        const flipped = await em
          .createQueryBuilder(Membership, 'm').select('m.org_id', 'orgId')
          .where("m.org_id IN (:...branches) AND m.place = 'branch'", { branches: dto.branchIds })
          .andWhere('m.is_graduate = :yes AND m.graduation_year = :season AND m.graduation_year < :year', { yes: true, season, year })
          .getRawOne<{ orgId: string }>();
        if (flipped) throw graduatesAlready(byId.get(flipped.orgId)!.name, season, year);
      }
      await em
        .insert(
          GraduationMark,
          dto.branchIds.map((branchId) => ({
            branchId, graduationDate: dto.graduationDate ?? null, noGraduationReason: dto.noGraduationReason ?? null,
            markedByOrgId: org.id, markedById: actor.id, markedAt: now,
          })),
        )
        .catch((e: unknown) => {
          // Someone marked one of them a moment ago, between the check above and this insert.
          throw isUniqueViolation(e) ? alreadyMarked(branches.length === 1 ? branches[0].name : '其中的团支部') : e;
        });
      if (year !== null) {
        await em.update(Org, { id: In(dto.branchIds) }, { graduationYear: year });
        // The branch's members graduate with it; so does anyone who joined it from an earlier
        // cohort (a delayed-graduation student): their cohort moves here (domain §7).
        const joining = await em
          .createQueryBuilder(Membership, 'm').select('m.person_id', 'id')
          .where("m.org_id IN (:...branches) AND m.place = 'branch'", { branches: dto.branchIds })
          .andWhere('(m.is_graduate = :no OR m.graduation_year IS NULL OR m.graduation_year < :year)', { no: false, year })
          .getRawMany<{ id: string }>();
        const ids = joining.map((r) => r.id);
        for (const part of inChunks(ids)) {
          await em.update(Membership, { personId: In(part) }, { graduationYear: year, graduatingOrgId: () => 'org_id', isGraduate: false, updatedAt: now });
        }
        // Marked after June 1 of that year: they are graduates now, not at the next sweep.
        await anchorCohort(em, ids, this.clock.now());
      }
      return { marked: dto.branchIds.length, graduationDate: dto.graduationDate ?? null, noGraduationReason: dto.noGraduationReason ?? null };
    });
  }

  /**
   * The permission sits with the grant, not with the route (domain §2): an admin of a leading organ
   * (区委, 团市委) covers a school's subtree but is no school committee, so reaching the school's
   * route is not enough — some admin grant over this org must itself be a school-domain
   * committee, working committee or general branch.
   */
  private async marksAs(actor: Actor, org: Org): Promise<boolean> {
    const grantOrgIds = actor.grants.filter((g) => ADMIN_ROLES.includes(g.role) && isWithin(org.path, g.orgPath)).map((g) => g.orgId);
    if (grantOrgIds.length === 0) return false;
    const grantOrgs = await this.db.manager.find(Org, { where: { id: In(grantOrgIds) }, select: { id: true, kind: true, domain: true } });
    return grantOrgs.some((g) => canMarkGraduation(g.kind, g.domain));
  }

  /** A graduating branch whose members have all left may be deleted (hidden; history keeps it). */
  async deleteBranch(actor: Actor, branchId: string): Promise<void> {
    const branch = await this.scope.orgInScope(actor, branchId, ADMIN_ROLES);
    const now = this.clock.now();
    if (branch.kind !== 'branch' || branch.deletedAt) throw cannotDeleteBranch('只能删除团支部');
    await this.db.transaction(async (em) => {
      // Read inside the transaction, so nobody joins or heads in between the check and the delete.
      const refusal = deletionRefusal((await this.deletionFacts(em, [branch])).get(branch.id)!, currentCampaignYear(now));
      if (refusal) throw cannotDeleteBranch(refusal);
      await em.update(Org, { id: branch.id }, { deletedAt: iso(now) });
    });
  }

  /**
   * What decides whether each branch may go, for many branches in three reads: who sits in it,
   * what is on its way in, and its graduation year — the mark's, else (an unmarked branch whose
   * members' year came from the import) the latest year of anyone who graduated from it or sits in
   * it before the flip.
   */
  private async deletionFacts(em: EntityManager, branches: Org[]): Promise<Map<string, DeletionFacts>> {
    const facts = new Map<string, DeletionFacts>(branches.map((b) => [b.id, { members: 0, incoming: 0, year: b.graduationYear }]));
    for (const part of inChunks(branches.map((b) => b.id))) {
      const seated = await em
        .createQueryBuilder(Membership, 'm').select('m.org_id', 'id').addSelect('COUNT(*)', 'n')
        .where("m.org_id IN (:...part) AND m.place = 'branch'", { part }).groupBy('m.org_id').getRawMany<{ id: string; n: unknown }>();
      for (const r of seated) facts.get(r.id)!.members = Number(r.n);
      const coming = await em
        .createQueryBuilder(Transfer, 't').select('t.target_org_id', 'id').addSelect('COUNT(*)', 'n')
        .where('t.target_org_id IN (:...part) AND t.closed_at IS NULL', { part }).groupBy('t.target_org_id').getRawMany<{ id: string; n: unknown }>();
      for (const r of coming) facts.get(r.id)!.incoming = Number(r.n);
      const unmarked = part.filter((id) => facts.get(id)!.year === null);
      if (unmarked.length === 0) continue;
      const imported = await em
        .createQueryBuilder(Membership, 'm').select(GRADUATING_BRANCH_OR_CURRENT, 'id').addSelect('MAX(m.graduation_year)', 'year')
        .where('(m.graduating_org_id IN (:...unmarked) OR (m.graduating_org_id IS NULL AND m.org_id IN (:...unmarked)))', { unmarked })
        .groupBy(GRADUATING_BRANCH_OR_CURRENT).getRawMany<{ id: string; year: unknown }>();
      for (const r of imported) {
        const f = facts.get(r.id);
        if (f && r.year !== null && r.year !== undefined) f.year = Number(r.year);
      }
    }
    return facts;
  }
}

interface DeletionFacts {
  members: number;
  incoming: number;
  year: number | null;
}

const GRADUATING_BRANCH_OR_CURRENT = 'COALESCE(m.graduating_org_id, m.org_id)';

/** Why a branch may not be deleted yet (domain §2: graduated, and every member gone), or null. */
function deletionRefusal(f: DeletionFacts, campaignYear: number): string | null {
  if (f.year === null || campaignYear < f.year) return '只有已毕业的毕业生团支部可以删除';
  if (f.members > 0) return `该团支部还有 ${f.members} 名团员，全部转出后才能删除`;
  if (f.incoming > 0) return '有转入该团支部的业务正在办理，不能删除';
  return null;
}
