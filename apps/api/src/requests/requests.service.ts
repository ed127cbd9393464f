import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { REQUESTS_PAGE_MAX, type RequestKind, type RequestQuery, type RequestStatus, type RequestTrailStep, type RequestView, type Role } from '@xianjie/contract';
import {
  caseOf, correctionRefusal, fullOrgName, nextCorrectionLevel, recordDeletionRefusal, TOWNSHIP_CORRECTION_CASE_LABELS, TRANSITION_BRANCH_NAME,
  type TownshipCorrectionCase,
} from '@xianjie/rules';
import { EntityManager, In, IsNull } from 'typeorm';
import { Actor } from '../auth/actor';
import { Person } from '../auth/person.entity';
import { ADMIN_ROLES, ScopeService } from '../auth/scope.service';
import { isWithin } from '../auth/subtree';
import { notFound } from '../common/app-error';
import { isUniqueViolation } from '../common/db-errors';
import type { RowsPage } from '../common/paging';
import { underAny } from '../common/sql';
import { Clock, iso } from '../common/time';
import { Database } from '../database/database.service';
import { Membership } from '../members/membership.entity';
import { Org } from '../orgs/org.entity';
import { pathIds } from '../orgs/orgs.service';
import { Transfer } from '../transfers/transfer.entity';
import { OrgRequest } from './request.entity';
import {
  correctionCaseMismatch, flagUnchanged, noHigherLevel, noSchoolCommittee, notForwardable, noSuperior, notMarkedNonMember, notTownshipCapable, ownRequest, partyMemberKeeps, recordMoved,
  recordNowMember, requestClosed, requestOpen, transferOpen,
} from './requests.errors';

/** The provincial committee's school department decides forwarded deletions: its admins or reviewers. */
const PROVINCIAL_ROLES: Role[] = [...ADMIN_ROLES, 'provincial-reviewer'];

@Injectable()
export class RequestsService {
  constructor(
    private readonly db: Database,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  /** An admin reports that an org's 乡镇街道团委 flag is wrong; its superior decides. */
  async reportTownshipFlag(actor: Actor, orgId: string, isTownship: boolean, reason: string, claimed?: TownshipCorrectionCase): Promise<RequestView> {
    const org = await this.scope.orgInScope(actor, orgId, ADMIN_ROLES);
    if (!org.parentId) throw noSuperior();
    const current = !!org.isTownship;
    // Only a report that says the flag was never identified may leave the stored value as it is.
    if (!claimed && current === isTownship) throw flagUnchanged(isTownship);
    const c = claimed ?? caseOf(current, isTownship);
    const refusal = correctionRefusal(c, current, isTownship, org);
    if (refusal === 'case-mismatch') throw correctionCaseMismatch(TOWNSHIP_CORRECTION_CASE_LABELS[c]);
    if (refusal === 'not-township-capable') throw notTownshipCapable();
    const chain = await this.db.manager.findBy(Org, { id: In(pathIds(org)) });
    const byId = new Map(chain.map((o) => [o.id, o]));
    const fullName = fullOrgName(pathIds(org).map((id) => byId.get(id)).filter((o): o is Org => !!o));
    return this.open(actor, 'township-correction', org.id, org.parentId, { isTownship, case: c, fullName }, reason);
  }

  /**
   * A level that does not decide a township correction passes it up (domain §7): to its parent,
   * from the provincial committee on to the centre (团中央). Each pass is kept in the trail.
   */
  async forward(actor: Actor, id: string, comment?: string): Promise<RequestView> {
    const now = iso(this.clock.now());
    const forwarded = await this.db.transaction(async (em) => {
      const req = await em.findOneBy(OrgRequest, { id });
      const decider = req && (await em.findOneBy(Org, { id: req.deciderOrgId }));
      if (!req || !decider || !this.scope.covers(actor, decider.path, ADMIN_ROLES)) throw notFound('该申请');
      if (req.status !== 'pending') throw requestClosed();
      if (req.kind !== 'township-correction') throw notForwardable();
      const level = nextCorrectionLevel(decider);
      const to = level === 'parent' ? await em.findOneBy(Org, { id: decider.parentId! })
        : level === 'centre' ? await em.findOne(Org, { where: { province: 'central', parentId: IsNull(), kind: 'leading-organ' }, order: { id: 'ASC' } })
        : null;
      if (!to) throw noHigherLevel();
      const trail: RequestTrailStep[] = [
        ...(req.trail ? (JSON.parse(req.trail) as RequestTrailStep[]) : []),
        { fromOrgId: decider.id, fromOrgName: decider.name, toOrgId: to.id, toOrgName: to.name, byId: actor.id, at: now, comment: comment ?? null },
      ];
      const changes = { deciderOrgId: to.id, trail: JSON.stringify(trail) };
      // Guarded by the decider it had: two admins of one level cannot pass it up twice.
      const res = await em.update(OrgRequest, { id, status: 'pending', deciderOrgId: decider.id }, changes);
      if (!res.affected) throw requestClosed();
      return { ...req, ...changes };
    });
    return (await this.views([forwarded]))[0];
  }

  /**
   * A non-member wrongly entered as a member (no transfer): the school committee checks it, then the
   * provincial committee removes the record. Only a record marked as a non-member; never a party
   * member under 28, who keeps league membership (domain §7). An admin asks only about a person
   * wholly inside their subtree, never about one holding a role above or beside it.
   */
  async requestRecordDeletion(actor: Actor, memberId: string, reason: string, isPartyMember: boolean): Promise<RequestView> {
    const own = actor.id === memberId && actor.membership;
    const within = own ? null : await this.scope.memberInScope(actor, memberId, ADMIN_ROLES);
    if (!own && !(within && (await this.scope.personWithin(actor, memberId, ADMIN_ROLES)))) throw notFound('该团员');
    const membership = own ? actor.membership! : within!.membership;
    const person = await this.db.manager.findOneByOrFail(Person, { id: memberId });
    const refusal = recordDeletionRefusal({ isLeagueMember: !!membership.isLeagueMember, isPartyMember, idNumber: person.idNumber }, this.clock.now());
    if (refusal === 'not-marked-non-member') throw notMarkedNonMember();
    if (refusal === 'party-member-under-28') throw partyMemberKeeps();
    const schoolCommittee = await this.schoolCommitteeOf(membership.orgId);
    if (!schoolCommittee) throw noSchoolCommittee();
    return this.open(actor, 'record-deletion', memberId, schoolCommittee.id, { isPartyMember }, reason);
  }

  /** Requests the caller decides (their subtree holds the decider org), newest first, a page at a time. */
  async inbox(actor: Actor, { status, box, limit = REQUESTS_PAGE_MAX, offset = 0 }: RequestQuery): Promise<RowsPage<RequestView>> {
    const qb = this.db.manager.createQueryBuilder(OrgRequest, 'r').innerJoin(Org, 'o', 'o.id = r.decider_org_id');
    if (box === 'sent') {
      qb.where('r.created_by_id = :me', { me: actor.id });
    } else if (box === 'waiting') {
      // Each level sees what waits for it: decided by an org the caller administers itself, not one below it.
      const own = actor.grants.filter((g) => ADMIN_ROLES.includes(g.role)).map((g) => g.orgId);
      const reviewed = actor.grants.filter((g) => g.role === 'provincial-reviewer').map((g) => g.orgId);
      qb.where(`(r.decider_org_id IN (:...own) OR (r.forwarded_at IS NOT NULL AND r.decider_org_id IN (:...reviewed)))`, {
        own: own.length ? own : [''], reviewed: reviewed.length ? reviewed : [''],
      });
      qb.andWhere("r.status = 'pending'");
    } else {
      const within = underAny('o.path', this.scope.scopes(actor, ADMIN_ROLES));
      const reviews = underAny('o.path', this.scope.scopes(actor, ['provincial-reviewer']), 'review');
      qb.where(`(${within.sql} OR (r.forwarded_at IS NOT NULL AND ${reviews.sql}))`, { ...within.params, ...reviews.params });
    }
    if (status) qb.andWhere('r.status = :status', { status });
    // id breaks ties in created_at, so pages never overlap
    const [found, total] = await qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').limit(limit).offset(offset).getManyAndCount();
    return { rows: await this.views(found), total };
  }

  async decide(actor: Actor, id: string, approve: boolean, comment?: string): Promise<RequestView> {
    const now = iso(this.clock.now());
    const decided = await this.db.transaction(async (em) => {
      const req = await em.findOneBy(OrgRequest, { id });
      const decider = req && (await em.findOneBy(Org, { id: req.deciderOrgId }));
      if (!req || !decider || !this.scope.covers(actor, decider.path, req.forwardedAt ? PROVINCIAL_ROLES : ADMIN_ROLES)) throw notFound('该申请');
      if (req.status !== 'pending') throw requestClosed();
      if (approve && (req.createdById === actor.id || req.forwardedById === actor.id)) throw ownRequest();
      // A deletion is decided on the record as it stands now, at each level: since it was filed, a roster
      // may have marked the person a member again, or they may have moved out of the decider's care.
      if (approve && req.kind === 'record-deletion') await this.stillDeletable(em, req, decider);
      if (approve && req.kind === 'record-deletion' && !req.forwardedAt) {
        const province = await this.provincialCommitteeOf(em, decider);
        if (province) {
          // The school committee's yes passes it on: the provincial committee's school department removes records.
          const forward = { deciderOrgId: province.id, forwardedById: actor.id, forwardedAt: now, forwardComment: comment ?? null };
          const res = await em.update(OrgRequest, { id, status: 'pending', forwardedAt: IsNull() }, forward);
          if (!res.affected) throw requestClosed();
          return { ...req, ...forward };
        }
      }
      if (approve) await this.apply(em, req, now);
      const changes = { status: (approve ? 'approved' : 'rejected') as RequestStatus, openKey: null, decidedById: actor.id, decidedAt: now, decisionComment: comment ?? null };
      const res = await em.update(OrgRequest, { id, status: 'pending' }, changes);
      if (!res.affected) throw requestClosed();
      return { ...req, ...changes };
    });
    return (await this.views([decided]))[0];
  }

  private async apply(em: EntityManager, req: OrgRequest, now: string): Promise<void> {
    if (req.kind === 'township-correction') {
      const { isTownship } = JSON.parse(req.payload) as { isTownship: boolean };
      const org = await em.findOneByOrFail(Org, { id: req.subjectId });
      await em.update(Org, { id: org.id }, { isTownship });
      // A township org must have its transition branch: create it if the org has none. It is the child
      // branch whose purpose is transition (contract); its name may carry the place, so the name proves nothing.
      if (isTownship && !(await em.existsBy(Org, { parentId: org.id, kind: 'branch', purpose: 'transition' }))) {
        const id = `${org.id.slice(0, 36)}-transition`;
        await em.insert(Org, {
          id, name: TRANSITION_BRANCH_NAME, kind: 'branch', parentId: org.id, domain: 'township', province: org.province,
          purpose: 'transition', isTownship: false, path: `${org.path}${id}/`, depth: org.depth + 1, graduationYear: null, createdAt: now, deletedAt: null,
        });
      }
      return;
    }
    // The record goes; the login stays (the person may be an admin too). An open transfer must be withdrawn first.
    if (await em.existsBy(Transfer, { openMemberId: req.subjectId })) throw transferOpen();
    // Only while still marked: a roster marking them a member since stillDeletable read it keeps the record.
    const res = await em.delete(Membership, { personId: req.subjectId, isLeagueMember: false });
    if (!res.affected) throw recordNowMember();
  }

  /** The record may still go: marked as a non-member, no party member under 28, and under the decider. */
  private async stillDeletable(em: EntityManager, req: OrgRequest, decider: Org): Promise<void> {
    const membership = await em.findOneBy(Membership, { personId: req.subjectId });
    const branch = membership && (await em.findOneBy(Org, { id: membership.orgId }));
    if (!membership || !branch || !isWithin(branch.path, decider.path)) throw recordMoved();
    const person = await em.findOneByOrFail(Person, { id: req.subjectId });
    const { isPartyMember } = JSON.parse(req.payload) as { isPartyMember: boolean };
    const refusal = recordDeletionRefusal({ isLeagueMember: !!membership.isLeagueMember, isPartyMember, idNumber: person.idNumber }, this.clock.now());
    if (refusal === 'not-marked-non-member') throw recordNowMember();
    if (refusal === 'party-member-under-28') throw partyMemberKeeps();
  }

  private async open(actor: Actor, kind: RequestKind, subjectId: string, deciderOrgId: string, payload: object, reason: string): Promise<RequestView> {
    const row: OrgRequest = {
      id: randomUUID(), kind, subjectId, deciderOrgId, payload: JSON.stringify(payload), reason, status: 'pending',
      openKey: `${kind}:${subjectId}`, createdById: actor.id, createdAt: iso(this.clock.now()), decidedById: null, decidedAt: null, decisionComment: null,
      forwardedById: null, forwardedAt: null, forwardComment: null, trail: null,
    };
    try {
      await this.db.transaction((em) => em.insert(OrgRequest, row));
    } catch (e) {
      if (isUniqueViolation(e)) throw requestOpen();
      throw e;
    }
    return (await this.views([row]))[0];
  }

  /** The provincial committee (团省委) above a school: the topmost leading organ of the school's own province. */
  private async provincialCommitteeOf(em: EntityManager, school: Org): Promise<Org | null> {
    const chain = await em.findBy(Org, { id: In(pathIds(school)) });
    const byId = new Map(chain.map((o) => [o.id, o]));
    return pathIds(school).map((id) => byId.get(id)).find((o) => o?.kind === 'leading-organ' && o.province === school.province) ?? null;
  }

  /** The topmost school-domain org above a branch: the school committee (学校团委). */
  private async schoolCommitteeOf(branchId: string): Promise<Org | null> {
    const branch = await this.db.manager.findOneBy(Org, { id: branchId });
    if (!branch || branch.domain !== 'school') return null;
    const chain = await this.db.manager.findBy(Org, { id: In(pathIds(branch)) });
    const byId = new Map(chain.map((o) => [o.id, o]));
    return pathIds(branch).map((id) => byId.get(id)).find((o) => o?.domain === 'school' && o.kind !== 'branch') ?? null;
  }

  private async views(rows: OrgRequest[]): Promise<RequestView[]> {
    const deciders = rows.length ? await this.db.manager.find(Org, { where: { id: In([...new Set(rows.map((r) => r.deciderOrgId))]) }, select: { id: true, name: true } }) : [];
    const deciderNames = new Map(deciders.map((o) => [o.id, o.name]));
    const names = new Map<string, string>();
    for (const r of rows) {
      if (names.has(r.subjectId)) continue;
      const name = r.kind === 'township-correction'
        ? (await this.db.manager.findOneBy(Org, { id: r.subjectId }))?.name
        : (await this.db.manager.findOneBy(Person, { id: r.subjectId }))?.name;
      names.set(r.subjectId, name ?? r.subjectId);
    }
    return rows.map((r) => ({
      id: r.id, kind: r.kind, subjectId: r.subjectId, subjectName: names.get(r.subjectId) ?? r.subjectId, deciderOrgId: r.deciderOrgId,
      payload: JSON.parse(r.payload) as Record<string, unknown>, reason: r.reason, status: r.status, createdById: r.createdById,
      createdAt: r.createdAt, decidedById: r.decidedById, decidedAt: r.decidedAt, decisionComment: r.decisionComment,
      stage: r.kind === 'record-deletion' ? (r.forwardedAt ? 'provincial' : 'school') : null,
      forwardedById: r.forwardedById, forwardedAt: r.forwardedAt, forwardComment: r.forwardComment,
      deciderOrgName: deciderNames.get(r.deciderOrgId) ?? r.deciderOrgId,
      ...townshipParts(r),
    }));
  }
}

/** What a township correction names (older rows carry only the flag: their case is told from it). */
function townshipParts(r: OrgRequest): Pick<RequestView, 'subjectFullName' | 'case' | 'trail'> {
  if (r.kind !== 'township-correction') return { subjectFullName: null, case: null, trail: [] };
  const p = JSON.parse(r.payload) as { isTownship: boolean; case?: TownshipCorrectionCase; fullName?: string };
  return {
    subjectFullName: p.fullName ?? null,
    case: p.case ?? caseOf(!p.isTownship, p.isTownship),
    trail: r.trail ? (JSON.parse(r.trail) as RequestTrailStep[]) : [],
  };
}
