import { Injectable } from '@nestjs/common';
import { MEMBER_LIST_MAX, type MeMembership, type MemberCard, type MemberQuery, type MemberSummary } from '@xianjie/contract';
import { maskIdNumber, maskMobile } from '@xianjie/rules';
import { In } from 'typeorm';
import { Actor } from '../auth/actor';
import { LoginThrottle } from '../auth/login-throttle';
import { Person } from '../auth/person.entity';
import { Clock } from '../common/time';
import { ADMIN_ROLES, ScopeService, WATCHER_ROLES } from '../auth/scope.service';
import { isUniqueViolation } from '../common/db-errors';
import { AppError, notFound } from '../common/app-error';
import { LIKE_ESCAPE, likeContains, rawBool, underAny } from '../common/sql';
import { Database } from '../database/database.service';
import { Org } from '../orgs/org.entity';
import { OrgsService } from '../orgs/orgs.service';
import { pickSchoolBranches, SCHOOL_BRANCH_PURPOSES, schoolOfOrg, specialBranches, type SchoolBranchPurpose } from '../orgs/school-branches';
import { Membership } from './membership.entity';
import { ownPasswordReset, resetBySuperior } from './members.errors';
import { heldByUnvettedPuller } from './unvetted-pull-in';

const phoneTaken = () => new AppError(409, 'PHONE_TAKEN', '该手机号已被其他账号使用：一人一号，请换一个手机号');
const tooManyPhoneChanges = (seconds: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', `手机号修改过于频繁，请 ${Math.max(1, Math.ceil(seconds / 60))} 分钟后再试`, { retryAfterSeconds: seconds });
/** Changes of one's own number per person and hour: "taken" says whether a number is someone's, so it is no lookup service. */
const PHONE_CHANGES_PER_HOUR = 10;

@Injectable()
export class MembersService {
  private readonly phoneChanges = new LoginThrottle(PHONE_CHANGES_PER_HOUR, 3600_000);

  constructor(
    private readonly db: Database,
    private readonly scope: ScopeService,
    private readonly orgs: OrgsService,
    private readonly clock: Clock,
  ) {}

  /** The caller's own membership, with the path of their branch. */
  async profile(actor: Actor): Promise<MeMembership | null> {
    const m = actor.membership;
    if (!m) return null;
    const org = await this.db.manager.findOneBy(Org, { id: m.orgId });
    const view = org ? (await this.orgs.views([org]))[0] : null;
    return {
      orgId: m.orgId,
      orgName: view?.name ?? '',
      orgPath: view?.path ?? [],
      place: m.place,
      graduationYear: m.graduationYear,
      isGraduate: !!m.isGraduate,
      isLeagueMember: !!m.isLeagueMember,
      schoolBranches: org ? await this.schoolBranches(org, m.graduationYear) : {},
    };
  }

  /**
   * The own school's special branches (流动 / 出国(境)学习研究 / 延迟毕业), by purpose: where a
   * graduate kept at school goes, so the phone names it instead of making them search. The same
   * pick as a start without a named org (orgs/school-branches.ts).
   */
  private async schoolBranches(branch: Org, year: number | null): Promise<Partial<Record<SchoolBranchPurpose, { id: string; name: string }>>> {
    const school = await schoolOfOrg(this.db.manager, branch);
    if (!school) return {};
    const picked = pickSchoolBranches(await specialBranches(this.db.manager, school, SCHOOL_BRANCH_PURPOSES), year);
    return Object.fromEntries(Object.entries(picked).map(([purpose, o]) => [purpose, { id: o.id, name: o.name }]));
  }

  /** Members inside the caller's subtree (org admins and counsellors), ID numbers and phones masked. */
  async list(actor: Actor, query: MemberQuery): Promise<MemberSummary[]> {
    const scopes = this.scope.scopes(actor, WATCHER_ROLES);
    const qb = this.db.manager
      .createQueryBuilder(Membership, 'm')
      .innerJoin(Person, 'p', 'p.id = m.person_id')
      .innerJoin(Org, 'o', 'o.id = m.org_id')
      .select(['p.id AS id', 'p.name AS name', 'p.id_number AS "idNumber"', 'p.phone AS phone', 'o.id AS "orgId"', 'o.name AS "orgName"'])
      .addSelect(['m.graduation_year AS "graduationYear"', 'm.is_graduate AS "isGraduate"', 'm.place AS place']);
    const within = underAny('o.path', scopes);
    qb.where(within.sql, within.params);
    if (query.orgId) {
      const org = await this.scope.orgInScope(actor, query.orgId, WATCHER_ROLES);
      const sub = underAny('o.path', [org.path], 'sub');
      qb.andWhere(sub.sql, sub.params);
    }
    if (query.q?.trim()) qb.andWhere(`p.name LIKE :q ${LIKE_ESCAPE}`, { q: likeContains(query.q.trim()) });
    const rows: Record<string, unknown>[] = await qb.orderBy('o.name', 'ASC').addOrderBy('p.name', 'ASC').limit(MEMBER_LIST_MAX).getRawMany();
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      idNumberMasked: maskIdNumber(String(r.idNumber)),
      phone: maskMobile(String(r.phone)),
      phoneMasked: true,
      orgId: String(r.orgId),
      orgName: String(r.orgName),
      graduationYear: r.graduationYear === null ? null : Number(r.graduationYear),
      isGraduate: rawBool(r.isGraduate),
      place: r.place as Membership['place'],
    }));
  }

  async changePhone(actor: Actor, phone: string): Promise<void> {
    if (phone === actor.phone) return;
    const wait = this.phoneChanges.hit(actor.id, this.clock.now().getTime());
    if (wait > 0) throw tooManyPhoneChanges(wait);
    try {
      await this.db.transaction(async (em) => {
        if (await em.existsBy(Person, { phone })) throw phoneTaken();
        await em.update(Person, { id: actor.id }, { phone });
      });
    } catch (e) {
      // Two people claiming one number at once: the unique index decides.
      if (isUniqueViolation(e)) throw phoneTaken();
      throw e;
    }
  }

  /**
   * One member, for watchers over their current branch or the graduating branch their cohort counts
   * under (as the not-started list finds them). The full phone only for those over the current branch
   * (the outgoing admins and counsellors who call them); the ID number always masked.
   */
  async detail(actor: Actor, memberId: string): Promise<MemberCard> {
    const membership = await this.db.manager.findOneBy(Membership, { personId: memberId });
    const person = membership && (await this.db.manager.findOne(Person, { where: { id: memberId }, select: { id: true, name: true, idNumber: true, phone: true } }));
    const orgIds = membership ? [membership.orgId, membership.graduatingOrgId].filter((id): id is string => !!id) : [];
    const orgs = orgIds.length ? await this.db.manager.findBy(Org, { id: In(orgIds) }) : [];
    const branch = orgs.find((o) => o.id === membership?.orgId);
    const graduating = orgs.find((o) => o.id === membership?.graduatingOrgId);
    const overBranch = !!branch && this.scope.covers(actor, branch.path, WATCHER_ROLES);
    const overCohort = !!graduating && this.scope.covers(actor, graduating.path, WATCHER_ROLES);
    if (!membership || !person || !branch || !(overBranch || overCohort)) throw notFound('该团员');
    return {
      id: person.id,
      name: person.name,
      idNumberMasked: maskIdNumber(person.idNumber),
      phone: overBranch ? person.phone : maskMobile(person.phone),
      phoneMasked: !overBranch,
      orgId: branch.id,
      orgName: branch.name,
      graduatingOrgId: membership.graduatingOrgId,
      graduationYear: membership.graduationYear,
      isGraduate: !!membership.isGraduate,
      place: membership.place,
    };
  }

  /**
   * A reset puts the account back on the initial password (the ID's last 8 characters), so only a
   * person wholly inside the caller's subtree — membership and every grant — may be reset, and never
   * the caller: otherwise a secretary could take over the school admin who sits in the branch as a member.
   */
  async assertMayResetPassword(actor: Actor, personId: string): Promise<void> {
    if (personId === actor.id) throw ownPasswordReset();
    if (!(await this.scope.personWithin(actor, personId, ADMIN_ROLES))) throw notFound('该团员');
    const caller = { id: actor.id, adminPaths: this.scope.scopes(actor, ADMIN_ROLES) };
    if (await heldByUnvettedPuller(this.db.manager, personId, caller)) throw resetBySuperior();
  }
}
