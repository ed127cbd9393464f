import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { WaitingGraduate } from '@xianjie/contract';
import { maskIdNumber, maskMobile, namesSchool } from '@xianjie/rules';
import { In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Person } from '../auth/person.entity';
import { ADMIN_ROLES, ScopeService } from '../auth/scope.service';
import { isUniqueViolation } from '../common/db-errors';
import { LIKE_ESCAPE, likePrefix } from '../common/sql';
import { Clock, iso } from '../common/time';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../core.module';
import { Database } from '../database/database.service';
import { schoolLookupKey } from '../members/admitted-school-key';
import { DestinationReport } from '../members/destination-report.entity';
import { Membership } from '../members/membership.entity';
import { Org } from '../orgs/org.entity';
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
const LIST_MAX = 500;

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
    const orgs = await this.newStudentOrgs(paths);
    let told = 0;
    for (const org of orgs) {
      const waiting = await this.waitingFor(org);
      if (waiting.length === 0) continue;
      const known = new Set(
        (await this.db.manager.findBy(NewStudentNotice, { orgId: org.id, memberId: In(waiting.map((w) => w.memberId)) })).map((n) => n.memberId),
      );
      const fresh = waiting.filter((w) => !known.has(w.memberId));
      if (fresh.length) told += await this.tell(org, fresh);
    }
    return told;
  }

  /** The waiting graduates of the new-students orgs inside the caller's own subtree. */
  async list(actor: Actor): Promise<WaitingGraduate[]> {
    const scopes = this.scope.scopes(actor, ADMIN_ROLES);
    if (scopes.length === 0) return [];
    const out: WaitingGraduate[] = [];
    for (const org of await this.newStudentOrgs(scopes)) {
      const waiting = await this.waitingFor(org);
      const notices = waiting.length
        ? new Map((await this.db.manager.findBy(NewStudentNotice, { orgId: org.id, memberId: In(waiting.map((w) => w.memberId)) })).map((n) => [n.memberId, n]))
        : new Map<string, NewStudentNotice>();
      for (const w of waiting) {
        out.push({
          memberId: w.memberId, name: w.name, idNumberMasked: maskIdNumber(w.idNumber), phoneMasked: maskMobile(w.phone), orgName: w.orgName,
          typedSchoolName: w.typedSchoolName, newStudentsOrg: { id: org.id, name: org.name }, notifiedAt: notices.get(w.memberId)?.notifiedAt ?? null,
        });
        if (out.length >= LIST_MAX) return out;
      }
    }
    return out;
  }

  private async newStudentOrgs(paths: string[]): Promise<Org[]> {
    if (paths.length === 0) return [];
    const qb = this.db.manager.createQueryBuilder(Org, 'o').where("o.purpose = 'new-students'");
    qb.andWhere(`(${paths.map((_, i) => `o.path LIKE :p${i} ${LIKE_ESCAPE}`).join(' OR ')})`, Object.fromEntries(paths.map((p, i) => [`p${i}`, likePrefix(p)])));
    return qb.orderBy('o.id', 'ASC').getMany();
  }

  /**
   * Further-study graduates who named this org's school, have no transfer open and are not yet
   * inside the school: found by the typed name's stored key (admitted-school-key.ts, indexed), and
   * the name matched to the school by `namesSchool` (libs/rules).
   */
  private async waitingFor(org: Org): Promise<Candidate[]> {
    const chain = await this.db.manager.findBy(Org, { id: In(org.path.split('/').filter(Boolean)) });
    const byId = new Map(chain.map((o) => [o.id, o]));
    const school = schoolOf(org.path.split('/').filter(Boolean).map((id) => byId.get(id)).filter((o): o is Org => !!o)) as Org | null;
    const key = school && schoolLookupKey(school.name);
    if (!school || !key) return [];
    const rows: Candidate[] = await this.db.manager
      .createQueryBuilder(DestinationReport, 'd')
      .innerJoin(Membership, 'm', 'm.person_id = d.member_id')
      .innerJoin(Person, 'p', 'p.id = d.member_id')
      .innerJoin(Org, 'b', 'b.id = m.org_id')
      .leftJoin(Transfer, 't', 't.open_member_id = d.member_id')
      .select(['d.member_id AS "memberId"', 'p.name AS name', 'p.id_number AS "idNumber"', 'p.phone AS phone'])
      .addSelect(['b.name AS "orgName"', 'b.path AS "orgPath"', 'd.organisation_name AS "typedSchoolName"'])
      .where("d.organisation_key = :key AND d.destination = 'further-study'", { key })
      .andWhere("m.place = 'branch' AND t.id IS NULL")
      .orderBy('d.member_id', 'ASC')
      .getRawMany();
    return rows.filter((r) => !r.orgPath.startsWith(school.path) && namesSchool(r.typedSchoolName, school.name));
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
