import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ApplicationView, ReportedHome, RetentionApplication, StarterParty, TransferView } from '@xianjie/contract';
import {
  canStart, initialStatus, isAutoApprovable, isOwnPhoneAsContact, LifecycleError, OWN_PHONE_AS_CONTACT, pathFor, resolve, RulesError, stageDeadline, stagesOf, wholeMonthsSince,
  type Answers, type Party, type Resolution, type TransferShape,
} from '@xianjie/rules';
import { EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Person } from '../auth/person.entity';
import { ADMIN_ROLES, ScopeService } from '../auth/scope.service';
import { ValidationFailed } from '../common/app-error';
import { Clock, iso } from '../common/time';
import { Database } from '../database/database.service';
import { DestinationReport } from '../members/destination-report.entity';
import { Membership } from '../members/membership.entity';
import { graduationDateOf } from '../members/graduation-date';
import { Org } from '../orgs/org.entity';
import { pickSchoolBranches, specialBranches, type SchoolBranchPurpose } from '../orgs/school-branches';
import { buildApplication } from './application';
import { isUniqueViolation, withRetry } from '../common/db-errors';
import { changeComment, describeChanges } from './application-changes';
import type { ModifyTransferDto, StartTransferDto } from './dto';
import { chooseReceiver, schoolOf } from './receiver';
import { RETENTION_PURPOSE, retentionPlan } from './retention-plan';
import { PullIn } from './pull-in';
import { chainWithAdmins, insertSubmission, type ChainAdmin } from './submission-rows';
import { authorizeStep, partiesOf, type Parties, type Step, type StepPermission } from './transfer-parties';
import { TransferReader } from './transfer-reader';
import { applyTransition, recordEvents } from './transition';
import { TransferEvent } from './transfer-event.entity';
import { Transfer } from './transfer.entity';
import {
  answersInvalid, crossSystemOutgoingOnly, lifecycleRefusal, memberLeftSystem, memberMoved, memberNamedTwice, memberNotFound, memberRequired, modifyNotAllowed, noTransferNeeded,
  retentionApplicationRequired, startNotAllowed, targetNotAllowed, transferChanged, transferInProgress,
} from './transfers.errors';
import { isWithin } from '../auth/subtree';

interface Starting {
  person: { id: string; name: string; idNumber: string; phone: string };
  membership: Membership;
  branch: Org;
  /** The org named by targetOrgId, when it exists. */
  named: Org | null;
  /** Every org read on the way (branch, named receiver), for building the answer. */
  orgs: Map<string, Org>;
  isMember: boolean;
  isOutgoing: boolean;
  /** The caller administers the named org. */
  receivesNamed: boolean;
  /** The branch's chain and its admins, when they were read together with the named receiver. */
  chain?: { chain: Org[]; admins: ChainAdmin[] };
}

/**
 * The transfer workflow's writes (domain §4): start, and every step after it. Statuses come
 * from the libs/rules lifecycle only; each write is one transaction with its event.
 */
@Injectable()
export class TransfersService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly scope: ScopeService,
    private readonly reader: TransferReader,
    private readonly pullIn: PullIn,
  ) {}

  /** `lookupCounted`: a pull-in whose name + ID check the caller already charged (a batch row). */
  async start(actor: Actor, dto: StartTransferDto, lookupCounted = false): Promise<TransferView> {
    const starting = await this.startingFor(actor, dto, lookupCounted);
    const { person, membership, branch, named, orgs: byId, isMember, isOutgoing, receivesNamed } = starting;
    const memberId = person.id;

    refuseOwnPhoneAsContact(dto.emergencyContact, person.phone);
    const graduatedAt = await this.graduatedAtIfCounted(dto.answers, membership);
    const resolution = this.resolveFor(dto.answers, membership, graduatedAt);
    const path = pathFor(resolution);
    if (!path) throw noTransferNeeded(resolution);
    // The one cross-system check (lifecycle canStart: outgoing org only), before the chain is read.
    if (resolution.crossSystem && !isOutgoing) throw crossSystemOutgoingOnly();
    if (resolution.writtenApplication && !dto.retention) throw retentionApplicationRequired();

    const { chain, admins } = starting.chain ?? (await this.chainWithAdmins(branch));
    const school = schoolOf(chain);
    const purpose = RETENTION_PURPOSE[resolution.target];
    const schoolBranch = purpose && school && !dto.targetOrgId ? await this.schoolBranch(school, purpose, membership.graduationYear) : null;
    const receiver = chooseReceiver(resolution, dto.answers, dto, { memberBranch: branch, school, targetOrg: named, schoolBranch });

    const shape: TransferShape = { path, crossSystem: resolution.crossSystem, receiverIsBranch: receiver.receiverIsBranch };
    const party = this.starter(shape, { isMember, isOutgoing, isReceiving: receivesNamed && receiver.targetOrgId === named?.id });

    const now = this.clock.now();
    const retention = dto.retention ? { where: dto.retention.where, months: dto.retention.months, domesticContact: dto.retention.domesticContact } : null;
    const plan = path === 'retention' ? retentionPlan(resolution.target, now, graduatedAt, resolution.writtenApplication ? retention : null) : null;
    const application = buildApplication({
      person, branch, chain, school, admins, resolution, answers: dto.answers, receiver, now,
      remarks: dto.remarks ?? null, emergencyContact: dto.emergencyContact ?? null, retention: plan?.details ?? null,
      reportedHome: await this.reportedHome(resolution, memberId),
    });

    const status = initialStatus(shape);
    const transfer = Object.assign(new Transfer(), {
      id: randomUUID(),
      memberId,
      openMemberId: memberId,
      status,
      path,
      destination: dto.answers.destination,
      target: resolution.target,
      outgoingOrgId: branch.id,
      ...receiver,
      crossSystem: resolution.crossSystem,
      answers: JSON.stringify(dto.answers),
      application: JSON.stringify(application),
      remarks: dto.remarks ?? null,
      startedById: actor.id,
      startedByParty: party as StarterParty,
      stageEnteredAt: iso(now),
      stageDeadline: isAutoApprovable(status) ? iso(stageDeadline(now)) : null,
      rejectionReason: null,
      assignedBranchId: null,
      retentionDetails: plan?.details ? JSON.stringify(plan.details) : null,
      retentionFollowUpAt: plan?.followUpAt ?? null,
      retentionExpiresAt: plan?.expiresAt ?? null,
      sweepRun: null,
      version: 1,
      createdAt: iso(now),
      updatedAt: iso(now),
      closedAt: null,
    } satisfies Partial<Transfer>);

    // A new transfer has no events yet: its first is number 1, no need to ask.
    const submitted = Object.assign(new TransferEvent(), {
      id: randomUUID(), transferId: transfer.id, seq: 1, at: iso(now), actorId: actor.id, action: 'submit',
      comment: dto.remarks ?? null, fromStatus: null, toStatus: status,
    } satisfies TransferEvent);
    try {
      // No "is one open?" read first: the unique index on open_member_id refuses a second open
      // transfer (under concurrency too), and the catch below answers it with the same 409.
      if (!(await withRetry(() => insertSubmission(this.db, transfer, submitted)))) throw memberMoved();
    } catch (e) {
      if (isUniqueViolation(e)) throw await this.inProgress(actor, memberId);
      throw e;
    }
    // The answer is built from what was just written, not read back.
    const orgs = new Map([...chain, ...byId.values(), ...(schoolBranch ? [schoolBranch] : [])].map((o) => [o.id, o]));
    const names = new Map([[actor.id, actor.name], [memberId, person.name]]);
    return this.reader.written(actor, transfer, [submitted], orgs, names);
  }

  /**
   * Whose transfer a start is for and who the caller is to them (issue #10 item 3). The member
   * themself; an outgoing admin by memberId, inside their own subtree only; a receiving admin by
   * ID number and name (pull-in), into their own subtree only. Every miss is the same 404.
   */
  private async startingFor(actor: Actor, dto: StartTransferDto, lookupCounted: boolean): Promise<Starting> {
    if (dto.memberId !== undefined && dto.memberIdNumber !== undefined) throw memberNamedTwice();
    let found: Pick<Starting, 'person' | 'membership' | 'branch'>;
    let orgs: Map<string, Org>;
    let chained: Starting['chain'];
    if (dto.memberIdNumber !== undefined) {
      found = await this.pullIn.identify(actor, dto.memberIdNumber, dto.memberName ?? '', lookupCounted);
      orgs = await this.orgsById([dto.targetOrgId]);
      orgs.set(found.branch.id, found.branch);
    } else {
      const memberId = dto.memberId ?? (actor.membership ? actor.id : null);
      if (!memberId) throw memberRequired();
      // Oneself: the person, membership and branch the request already loaded; the chain, its
      // admins and the named receiver in one read. Someone else: branch and named receiver in one read.
      const { membership, person } = await this.memberOf(actor, memberId);
      if (!membership || !person) throw memberNotFound();
      const own = memberId === actor.id && actor.branch?.id === membership.orgId ? actor.branch : null;
      if (own) {
        const { chain, admins, others } = await chainWithAdmins(this.db.dataSource, own, [dto.targetOrgId]);
        chained = { chain, admins };
        orgs = others;
      } else orgs = await this.orgsById([membership.orgId, dto.targetOrgId]);
      const branch = own ?? orgs.get(membership.orgId);
      if (!branch) throw memberNotFound();
      found = { person: { id: memberId, name: person.name, idNumber: person.idNumber, phone: person.phone }, membership, branch };
    }
    const named = dto.targetOrgId ? orgs.get(dto.targetOrgId) ?? null : null;
    const receivesNamed = !!named && this.scope.covers(actor, named.path, ADMIN_ROLES);
    if (dto.memberIdNumber !== undefined && !receivesNamed) throw memberNotFound();
    const isMember = actor.id === found.person.id;
    const isOutgoing = this.scope.covers(actor, found.branch.path, ADMIN_ROLES);
    if (dto.memberIdNumber === undefined && !isMember && !isOutgoing) throw memberNotFound();
    if (found.membership.place !== 'branch') throw memberLeftSystem(found.membership.place);
    return { ...found, named, orgs, isMember, isOutgoing, receivesNamed, chain: chained };
  }

  /** approve / reject / withdraw / assign: the lifecycle decides, one transaction writes status, event and effects. */
  async act(actor: Actor, id: string, step: Step, input: { comment?: string; reason?: string; branchId?: string }): Promise<TransferView> {
    await withRetry(() =>
      this.db.transaction(async (em) => {
        const { transfer: t, facts, parties } = await this.reader.visible(actor, id, em);
        const permitted = authorizeOrRefuse(step, facts, parties);
        const assigned = step === 'assign' ? await this.assignable(em, t, input.branchId ?? '') : null;
        const comment = step === 'reject' ? input.reason ?? null : step === 'assign' ? `分配到${assigned!.name}` : input.comment ?? null;
        const moved = await applyTransition(
          em,
          { one: { id: t.id, version: t.version } },
          { from: t.status, to: permitted.next, action: permitted.action, actorId: actor.id, comment },
          this.clock.now(),
          { ...(step === 'reject' ? { rejectionReason: input.reason ?? null } : {}), ...(assigned ? { assignedBranchId: assigned.id } : {}) },
        );
        // Decided on the version read above: anyone acting meanwhile makes this a 409, nothing written.
        if (!moved) throw transferChanged();
      }),
    );
    const transfer = await this.db.manager.findOneByOrFail(Transfer, { id });
    return (await this.reader.views(actor, [transfer], 'full'))[0];
  }

  /**
   * 修改申请 (PATCH): before the receiving side acts, the member or the starter changes the
   * answers, the receiver, remarks or the emergency contact. The same checks as a start run on
   * the result; status and stage clock stay; one `modify` event says what changed.
   */
  async modify(actor: Actor, id: string, dto: ModifyTransferDto): Promise<TransferView> {
    const { transfer: t, facts, parties } = await this.reader.visible(actor, id);
    authorizeOrRefuse('modify', facts, parties);
    const next = await this.modified(actor, t, parties, dto);
    if (next.changes.length > 0) {
      const now = this.clock.now();
      await withRetry(() =>
        this.db.transaction(async (em) => {
          // Decided on the version read above: anyone acting meanwhile makes this a 409, nothing written.
          const result = await em
            .createQueryBuilder()
            .update(Transfer)
            .set({ ...next.fields, version: t.version + 1, updatedAt: iso(now) })
            .where('id = :id AND version = :version', { id: t.id, version: t.version })
            .execute();
          if (!result.affected) throw transferChanged();
          const change = { from: t.status, to: t.status, action: 'modify' as const, actorId: actor.id, comment: changeComment(next.changes) };
          await recordEvents(em, { sql: 't.id = :id', params: { id: t.id } }, change, iso(now), randomUUID());
        }),
      );
    }
    const transfer = await this.db.manager.findOneByOrFail(Transfer, { id });
    return (await this.reader.views(actor, [transfer], 'full'))[0];
  }

  /** The changed application, checked as a start would be: resolution, receiver fit, who may start it. */
  private async modified(actor: Actor, t: Transfer, parties: Parties, dto: ModifyTransferDto) {
    const em = this.db.manager;
    const oldAnswers = JSON.parse(t.answers) as Answers;
    const oldApplication = JSON.parse(t.application) as ApplicationView;
    const answers: Answers = dto.answers ?? oldAnswers;
    const [membership, person, branch] = await Promise.all([
      em.findOneBy(Membership, { personId: t.memberId }),
      em.findOneBy(Person, { id: t.memberId }),
      em.findOneBy(Org, { id: t.outgoingOrgId }),
    ]);
    if (!membership || !person || !branch) throw memberNotFound();
    refuseOwnPhoneAsContact(dto.emergencyContact, person.phone);

    const graduatedAt = await this.graduatedAtIfCounted(answers, membership);
    const resolution = this.resolveFor(answers, membership, graduatedAt);
    const path = pathFor(resolution);
    if (!path) throw noTransferNeeded(resolution);
    const movesReceiver = dto.answers !== undefined || dto.targetOrgId !== undefined || dto.targetOrgName !== undefined;
    if (path !== t.path || (path === 'retention' && movesReceiver)) {
      // Another kind of transfer (or another place at school, with its own ledger dates): a new application.
      throw modifyNotAllowed('这样修改会变成另一类业务，请撤回这笔申请后重新发起。');
    }
    const typed = dto.targetOrgId !== undefined || dto.targetOrgName !== undefined;
    const input = typed
      ? { targetOrgId: dto.targetOrgId, targetOrgName: dto.targetOrgName }
      : t.crossSystem ? { targetOrgName: t.targetOrgName ?? undefined } : { targetOrgId: t.targetOrgId ?? undefined };
    const named = input.targetOrgId ? await em.findOneBy(Org, { id: input.targetOrgId }) : null;
    if (resolution.crossSystem && !parties.outgoing) throw crossSystemOutgoingOnly();
    const retention = dto.retention ?? oldApplication.retention;
    if (resolution.writtenApplication && !retention) throw retentionApplicationRequired();

    const { chain, admins } = await this.chainWithAdmins(branch);
    const school = schoolOf(chain);
    const receiver = chooseReceiver(resolution, answers, input, { memberBranch: branch, school, targetOrg: named, schoolBranch: null });
    const shape: TransferShape = { path, crossSystem: resolution.crossSystem, receiverIsBranch: receiver.receiverIsBranch };
    if (!stagesOf(shape).includes(t.status)) throw modifyNotAllowed('这样修改后，这笔业务不会经过现在的环节，请撤回后重新发起。');
    // The outgoing org approved this receiver and this destination: another one needs its approval again.
    const approvedAlready = t.status !== 'pending-outgoing';
    const changesWhere = receiver.targetOrgId !== t.targetOrgId || receiver.targetOrgName !== t.targetOrgName || answers.destination !== oldAnswers.destination;
    if (approvedAlready && changesWhere) throw modifyNotAllowed('转出组织已经审批过原来的去向和接收组织，如需更换，请撤回这笔申请后重新发起。');
    const receivesNamed = !!named && this.scope.covers(actor, named.path, ADMIN_ROLES);
    this.starter(shape, { isMember: parties.member, isOutgoing: parties.outgoing, isReceiving: receivesNamed && receiver.targetOrgId === named?.id });

    const remarks = dto.remarks !== undefined ? dto.remarks : t.remarks;
    const emergencyContact = dto.emergencyContact ? { name: dto.emergencyContact.name, phone: dto.emergencyContact.phone } : oldApplication.emergencyContact;
    const application = buildApplication({
      person, branch, chain, school, admins, resolution, answers, receiver, now: new Date(t.createdAt),
      remarks, emergencyContact, retention, reportedHome: await this.reportedHome(resolution, t.memberId),
    });
    const changes = describeChanges(
      { answers: oldAnswers, receiver: oldApplication.receiver, remarks: t.remarks, emergencyContact: oldApplication.emergencyContact, retention: oldApplication.retention },
      { answers, receiver: application.receiver, remarks, emergencyContact, retention },
    );
    const fields = {
      destination: answers.destination,
      target: resolution.target,
      ...receiver,
      crossSystem: resolution.crossSystem,
      answers: JSON.stringify(answers),
      application: JSON.stringify(application),
      remarks,
      ...(path === 'retention' && dto.retention ? this.replannedRetention(resolution, t, graduatedAt, retention!) : {}),
    } satisfies Partial<Transfer>;
    return { changes, fields };
  }

  /** A changed retention application: its details, and the dates it sets, counted from the start as then (a longer stay abroad moves the follow-up). */
  private replannedRetention(resolution: Resolution, t: Transfer, graduatedAt: Date | null, retention: RetentionApplication) {
    const plan = retentionPlan(resolution.target, new Date(t.createdAt), graduatedAt, resolution.writtenApplication ? retention : null);
    return { retentionDetails: JSON.stringify(retention), retentionFollowUpAt: plan?.followUpAt ?? null, retentionExpiresAt: plan?.expiresAt ?? null };
  }

  /**
   * A transfer to a township carries the home the member reported (户籍所在地, 现居住地): the township
   * decides by it, and decides on what was sent — a later report does not rewrite the application.
   * One read, for those transfers only (not on the budgeted path of an employer's or a school's).
   */
  private async reportedHome(resolution: Resolution, memberId: string): Promise<ReportedHome | null | undefined> {
    if (resolution.target !== 'township-org') return undefined;
    const report = await this.db.manager.findOne(DestinationReport, {
      where: { memberId },
      select: { memberId: true, householdRegistration: true, residence: true },
    });
    return report ? { householdRegistration: report.householdRegistration, residence: report.residence } : null;
  }

  /**
   * The graduation day the school holds, read only where a clock runs from it (staying at school
   * unplaced): every other submission spends no statement on it.
   */
  private graduatedAtIfCounted(answers: Answers, membership: Membership): Promise<Date | null> {
    const counted = answers.destination === 'unplaced' && answers.unplacedPlan === 'retain-at-school';
    return counted ? graduationDateOf(this.db.manager, membership) : Promise.resolve(null);
  }

  private resolveFor(answers: Answers, membership: Membership, graduatedAt: Date | null): Resolution {
    // The phone's answers are re-resolved here; where the database knows better (a record
    // flagged as wrongly entered, how long ago the member graduated), the database wins.
    const monthsSinceGraduation = graduatedAt ? wholeMonthsSince(graduatedAt, this.clock.now()) : undefined;
    const facts: Answers = { ...answers, monthsSinceGraduation, ...(membership.isLeagueMember ? {} : { isLeagueMember: false }) };
    try {
      return resolve(facts);
    } catch (e) {
      if (e instanceof RulesError) throw answersInvalid(e);
      throw e;
    }
  }

  private starter(shape: TransferShape, is: { isMember: boolean; isOutgoing: boolean; isReceiving: boolean }): Party {
    const mine: Party[] = [];
    if (is.isMember) mine.push('member');
    if (is.isOutgoing) mine.push('outgoing-admin');
    if (is.isReceiving) mine.push('receiving-admin');
    const party = mine.find((p) => canStart(p, shape));
    if (party) return party;
    // A cross-system transfer never gets here: start() and modify() refuse anyone but its
    // outgoing org before reading anything else, with its own error.
    throw startNotAllowed(
      shape.path === 'standard'
        ? '只有团员本人、转出组织或转入组织可以发起这笔转接。'
        : '保留在校和转往特殊单位团组织，只能由团员本人或转出组织（学校团组织）发起。',
    );
  }

  /** The member and their record: the caller's own, as the request already loaded it, or read (2 queries, in parallel). */
  private async memberOf(actor: Actor, memberId: string): Promise<{ membership: Membership | null; person: { name: string; idNumber: string; phone: string } | null }> {
    if (memberId === actor.id) return { membership: actor.membership, person: actor };
    const em = this.db.manager;
    const [membership, person] = await Promise.all([em.findOneBy(Membership, { personId: memberId }), em.findOneBy(Person, { id: memberId })]);
    return { membership, person };
  }

  private async orgsById(ids: (string | null | undefined)[]): Promise<Map<string, Org>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    const orgs = await this.db.manager.findBy(Org, { id: In(wanted) });
    return new Map(orgs.map((o) => [o.id, o]));
  }

  /** Root … the member's branch and the org-admins on that chain, nearest first — one query (submission-rows.ts). */
  private async chainWithAdmins(branch: Org): Promise<{ chain: Org[]; admins: ChainAdmin[] }> {
    const { chain, admins } = await chainWithAdmins(this.db.dataSource, branch);
    return { chain, admins };
  }

  /** The school's branch of that purpose for a member of `year` (orgs/school-branches.ts, the same pick `/me` names). */
  private async schoolBranch(school: Pick<Org, 'path' | 'depth'>, purpose: SchoolBranchPurpose, year: number | null): Promise<Org | null> {
    return pickSchoolBranches(await specialBranches(this.db.manager, school, [purpose]), year)[purpose] ?? null;
  }

  /** The branch a receiving org places the member in: a branch inside the receiving org's subtree. */
  private async assignable(em: EntityManager, t: Transfer, branchId: string): Promise<Org> {
    const [branch, target] = await Promise.all([
      em.findOneBy(Org, { id: branchId }),
      t.targetOrgId ? em.findOneBy(Org, { id: t.targetOrgId }) : null,
    ]);
    if (!branch || !target || branch.kind !== 'branch' || branch.deletedAt || !isWithin(branch.path, target.path)) {
      throw targetNotAllowed(`请选择${target?.name ?? '接收组织'}下属的团支部。`);
    }
    return branch;
  }

  /**
   * 409 naming who started the open transfer (read fresh: it may have committed a moment ago) —
   * to the member, its starter and its outgoing admins; anyone else gets the generic sentence.
   */
  private async inProgress(actor: Actor, memberId: string, em: EntityManager = this.db.manager) {
    const open = await em.findOneBy(Transfer, { openMemberId: memberId });
    if (!open) return transferInProgress(null);
    const p = partiesOf(await this.reader.caller(actor, em), this.reader.facts(open, await this.reader.context([open], em)));
    if (!(p.member || p.starter || p.outgoing)) return transferInProgress(null);
    const starter = await em.findOne(Person, { where: { id: open.startedById }, select: { id: true, name: true } });
    return transferInProgress({
      id: open.id,
      startedBy: { id: open.startedById, name: starter?.name ?? '', party: open.startedByParty },
      createdAt: open.createdAt,
    });
  }
}

function authorizeOrRefuse(...args: Parameters<typeof authorizeStep>): StepPermission {
  try {
    return authorizeStep(...args);
  } catch (e) {
    if (e instanceof LifecycleError) throw lifecycleRefusal(e);
    throw e;
  }
}

/** The emergency contact is someone else (libs/rules `isOwnPhoneAsContact`), checked where the applicant is known. */
function refuseOwnPhoneAsContact(contact: { phone: string } | undefined, ownPhone: string): void {
  if (contact && isOwnPhoneAsContact(contact.phone, ownPhone)) throw new ValidationFailed([{ field: 'emergencyContact.phone', message: OWN_PHONE_AS_CONTACT }]);
}
