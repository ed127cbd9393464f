import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WAITING_PAGE_MAX, type WaitingGraduate, type WaitingQuery } from '@xianjie/contract';
import { maskIdNumber, maskMobile, namesSchool } from '@xianjie/rules';
import { In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Person } from '../auth/person.entity';
import { ADMIN_ROLES, ScopeService } from '../auth/scope.service';
import { isUniqueViolation } from '../common/db-errors';
import type { RowsPage } from '../common/paging';
import { inChunks, underAny } from '../common/sql';
import { Clock, iso } from '../common/time';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../core.module';
import { Database } from '../database/database.service';
import { schoolLookupKey } from '../members/admitted-school-key';
import { DestinationReport } from '../members/destination-report.entity';
import { Membership } from '../members/membership.entity';
import { Org } from '../orgs/org.entity';
import { holdsSchools } from '../orgs/school-branches';
import { pathIds } from '../orgs/orgs.service';
import { REMINDER_NOTIFIER, type ReminderNotifier } from '../reminders/notifier';
import { Reminder } from '../reminders/reminder.entity';
import { hashReminderToken, newReminderToken, reminderUrl } from '../reminders/reminder-token';
import { schoolOf } from '../transfers/receiver';
import { Transfer } from '../transfers/transfer.entity';
import { NewStudentNotice } from './new-student-notice.entity';

interface Candidate {
  memberId: string;
  name: string;
  idNumber: string;
  phone: string;
  orgName: string;
  orgPath: string;
  typedSchoolName: string;
}

const NOTICE_DAYS = 30;

/**
 * 新生团组织 (issue #12): a further-study graduate whose admitted school had no new-students org
 * "waits" (resolution `wait`), having named the school in their destination report. Once such an
 * org exists under that school, the graduate shows in the school's pull-in list and is told once,
 * through the reminder channel, that they can be pulled in now.
 */
@Injectable()
export class NewStudents {
  private readonly logger = new Logger('NewStudents');

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly scope: ScopeService,
    @Inject(REMINDER_NOTIFIER) private readonly notifier: ReminderNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig | null,
  ) {}

  /**
   * Tells the waiting graduates of every new-students org inside `paths` (an import's subtrees)
   * who were not told before; a second run tells nobody again. Returns how many were told.
   */
  async announce(paths: string[]): Promise<number> {
    let told = 0;
    for (const { org, waiting } of await this.waitingByOrg(await this.newStudentOrgs(paths))) {
      const known = await this.notices(org.id, waiting);
      const fresh = waiting.filter((w) => !known.has(w.memberId));
      if (fresh.length) told += await this.tell(org, fresh);
    }
    return told;
  }

  /**
   * The waiting graduates of the new-students orgs inside the caller's own subtree, a page at a
   * time (by org, then member); the total counts them all, so a long list says how long it is.
   */
  async list(actor: Actor, { limit = WAITING_PAGE_MAX, offset = 0 }: WaitingQuery): Promise<RowsPage<WaitingGraduate>> {
    const scopes = this.scope.scopes(actor, ADMIN_ROLES);
    const all = (await this.waitingByOrg(await this.newStudentOrgs(scopes))).flatMap(({ org, waiting }) => waiting.map((w) => ({ org, w })));
    const page = all.slice(offset, offset + limit);
    const told = new Map<string, Map<string, NewStudentNotice>>();
    for (const orgId of new Set(page.map((p) => p.org.id))) {
      told.set(orgId, await this.notices(orgId, page.filter((p) => p.org.id === orgId).map((p) => p.w)));
    }
    return {
      total: all.length,
      rows: page.map(({ org, w }) => ({
        memberId: w.memberId, name: w.name, idNumberMasked: maskIdNumber(w.idNumber), phoneMasked: maskMobile(w.phone), orgName: w.orgName,
        typedSchoolName: w.typedSchoolName, newStudentsOrg: { id: org.id, name: org.name }, notifiedAt: told.get(org.id)?.get(w.memberId)?.notifiedAt ?? null,
      })),
    };
  }

  private async newStudentOrgs(paths: string[]): Promise<Org[]> {
    if (paths.length === 0) return [];
    const within = underAny('o.path', paths);
    return this.db.manager.createQueryBuilder(Org, 'o').where("o.purpose = 'new-students'").andWhere(within.sql, within.params).orderBy('o.id', 'ASC').getMany();
  }

  /** Who of `waiting` was told before through `orgId`, by member. */
  private async notices(orgId: string, waiting: Candidate[]): Promise<Map<string, NewStudentNotice>> {
    if (waiting.length === 0) return new Map();
    const found = await this.db.manager.findBy(NewStudentNotice, { orgId, memberId: In(waiting.map((w) => w.memberId)) });
    return new Map(found.map((n) => [n.memberId, n]));
  }

  /**
   * Each org's waiting graduates: further-study graduates who named its school, have no transfer
   * open and are not yet inside the school. The schools come from one read of the orgs' chains,
   * the candidates from one indexed read by the typed names' stored keys (admitted-school-key.ts)
   * however many orgs there are; `namesSchool` (libs/rules) decides which school a name names.
   */
  private async waitingByOrg(orgs: Org[]): Promise<{ org: Org; waiting: Candidate[] }[]> {
    if (orgs.length === 0) return [];
    const chains = new Map<string, Org>();
    for (const part of inChunks([...new Set(orgs.flatMap(pathIds))])) {
      for (const o of await this.db.manager.findBy(Org, { id: In(part) })) chains.set(o.id, o);
    }
    const schools = orgs.map((org) => {
      const chain = pathIds(org).flatMap((id) => chains.get(id) ?? []);
      const school = schoolOf(chain);
      // A school sits under a leading organ or a government working committee (the import holds to
      // it): an employer's or a township's "school" lists nobody's admitted students.
      const above = school ? chain[chain.indexOf(school) - 1] : undefined;
      const real = school && (!above || holdsSchools(above));
      return { org, school, key: real ? schoolLookupKey(school.name) : null };
    });
    const byKey = new Map<string, Candidate[]>();
    for (const part of inChunks([...new Set(schools.map((s) => s.key).filter((k): k is string => !!k))])) {
      const rows: (Candidate & { key: string })[] = await this.db.manager
        .createQueryBuilder(DestinationReport, 'd')
        .innerJoin(Membership, 'm', 'm.person_id = d.member_id')
        .innerJoin(Person, 'p', 'p.id = d.member_id')
        .innerJoin(Org, 'b', 'b.id = m.org_id')
        .leftJoin(Transfer, 't', 't.open_member_id = d.member_id')
        .select(['d.member_id AS "memberId"', 'p.name AS name', 'p.id_number AS "idNumber"', 'p.phone AS phone'])
        .addSelect(['b.name AS "orgName"', 'b.path AS "orgPath"', 'd.organisation_name AS "typedSchoolName"', 'd.organisation_key AS "key"'])
        .where("d.organisation_key IN (:...keys) AND d.destination = 'further-study'", { keys: part })
        .andWhere("m.place = 'branch' AND t.id IS NULL")
        .orderBy('d.member_id', 'ASC')
        .getRawMany();
      for (const r of rows) {
        const same = byKey.get(r.key);
        if (same) same.push(r);
        else byKey.set(r.key, [r]);
      }
    }
    return schools.map(({ org, school, key }) => ({
      org,
      waiting: school && key ? (byKey.get(key) ?? []).filter((r) => !r.orgPath.startsWith(school.path) && namesSchool(r.typedSchoolName, school.name)) : [],
    }));
  }

  /** Notices and reminder links in one transaction, then sent; a notifier failure loses neither. */
  private async tell(org: Org, fresh: Candidate[]): Promise<number> {
    const now = this.clock.now();
    const expiresAt = iso(new Date(now.getTime() + NOTICE_DAYS * 86_400_000));
    const publicUrl = this.config?.publicUrl ?? 'http://localhost:3000';
    const links = fresh.map((w) => {
      const token = newReminderToken();
      const reminder: Reminder = {
        id: randomUUID(), tokenHash: hashReminderToken(token), memberId: w.memberId, createdById: 'system',
        createdAt: iso(now), expiresAt, openedAt: null, openCount: 0, delivery: null,
      };
      const notice: NewStudentNotice = { orgId: org.id, memberId: w.memberId, typedSchoolName: w.typedSchoolName.slice(0, 200), notifiedAt: iso(now), reminderId: reminder.id, delivery: null };
      return { w, reminder, notice, url: reminderUrl(publicUrl, token) };
    });
    try {
      await this.db.transaction(async (em) => {
        await em.insert(Reminder, links.map((l) => l.reminder));
        await em.insert(NewStudentNotice, links.map((l) => l.notice));
      });
    } catch (e) {
      // Another import of the same org told them a moment ago: the notice's key keeps it to once.
      if (isUniqueViolation(e)) return 0;
      throw e;
    }
    for (const l of links) {
      let delivery: string;
      try {
        delivery = (await this.notifier.send(l.reminder, { id: l.w.memberId, name: l.w.name, startedBy: null }, l.url)).slice(0, 200);
      } catch {
        delivery = 'failed: notifier';
      }
      await this.db.transaction(async (em) => {
        await em.update(Reminder, { id: l.reminder.id }, { delivery });
        await em.update(NewStudentNotice, { orgId: org.id, memberId: l.w.memberId }, { delivery });
      });
    }
    this.logger.log(`new-students org ${org.id}: told ${links.length} waiting graduate(s)`);
    return links.length;
  }
}
