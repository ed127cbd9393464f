import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { REMINDER_DELIVERY, REMINDER_EXPIRES_IN_DAYS, REMINDER_LINKS_PER_HOUR, type CreatedReminder, type ReminderLanding, type ReminderSummary, type ReminderTrack, type WxaCodeResult } from '@xianjie/contract';
import { currentCampaignYear } from '@xianjie/rules';
import { In } from 'typeorm';
import { Actor } from '../auth/actor';
import { LoginThrottle } from '../auth/login-throttle';
import { Person } from '../auth/person.entity';
import { ScopeService, WATCHER_ROLES } from '../auth/scope.service';
import { underAny } from '../common/sql';
import { Clock, iso } from '../common/time';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../core.module';
import { Database } from '../database/database.service';
import { Membership } from '../members/membership.entity';
import { Org } from '../orgs/org.entity';
import { CampaignService } from '../progress/campaign.service';
import { LIVE_STATUSES, num, runSql } from '../progress/cohort';
import { daysLeft } from '../progress/progress-math';
import { Transfer } from '../transfers/transfer.entity';
import { CreateRemindersDto, ReminderListQueryDto, ReminderSummaryQueryDto } from './dto';
import { REMINDER_NOTIFIER, ReminderNotifier, ReminderRecipient } from './notifier';
import { Reminder } from './reminder.entity';
import { landingState, landingSteps } from './reminder-steps';
import { hashReminderToken, isWellFormedCode, isWellFormedToken, newReminderCode, newReminderToken, reminderUrl } from './reminder-token';
import { codeNotFound, membersNotFound, notAWatcher, reminderExpired, reminderNotFound, tooManyCodes, tooManyLinks, tooManyOpens, wxacodeFailed } from './reminders.errors';
import { WechatError } from './wechat-access-token';
import { WXACODE_CLIENT, WxaCodeClient } from './wxacode';
import type { RowsPage } from '../common/paging';

const DAY_MS = 86_400_000;
const SENDS_AT_ONCE = 4;
const LIST_LIMIT = 500;

async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  });
  await Promise.all(lanes);
  return out;
}

/**
 * Reminder links (提醒链接): a counsellor sends each graduate who has not started a link bound
 * to that graduate; opening it (logged in as them) shows what is left to do and is counted.
 * "Over a member" means over their graduating branch (their branch before the June 1 flip),
 * as progress counts them.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly db: Database,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly campaign: CampaignService,
    @Inject(REMINDER_NOTIFIER) private readonly notifier: ReminderNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig | null,
    @Optional() @Inject(WXACODE_CLIENT) private readonly wxa: WxaCodeClient | null = null,
  ) {}

  /** 20 code opens a minute per account: a graduate scans once; a guesser gets nowhere. */
  private readonly codeOpens = new LoginThrottle(20, 60_000);
  /** 小程序码 drawn per admin and minute: one per tap on 显示小程序码; each spends WeChat's quota. */
  private readonly codesDrawn = new LoginThrottle(60, 60_000);
  /** Links made per sender and hour: a college's whole not-started list several times over. */
  private readonly linksMade = new LoginThrottle(REMINDER_LINKS_PER_HOUR, 3_600_000);

  async create(actor: Actor, dto: CreateRemindersDto): Promise<CreatedReminder[]> {
    if (this.scope.scopes(actor, WATCHER_ROLES).length === 0) throw notAWatcher();
    const em = this.db.manager;
    const found: { id: string; name: string; branch_id: string; branch_path: string }[] = await em
      .createQueryBuilder(Membership, 'm')
      .innerJoin(Person, 'p', 'p.id = m.person_id')
      .innerJoin(Org, 'g', 'g.id = COALESCE(m.graduating_org_id, m.org_id)')
      .select(['p.id AS id', 'p.name AS name', 'g.id AS branch_id', 'g.path AS branch_path'])
      .where('m.person_id IN (:...ids)', { ids: dto.memberIds })
      .getRawMany();
    const byId = new Map(found.filter((r) => this.scope.covers(actor, r.branch_path, WATCHER_ROLES)).map((r) => [r.id, r]));
    const missing = dto.memberIds.filter((id) => !byId.has(id));
    if (missing.length) throw membersNotFound(missing);

    const now = this.clock.now();
    const wait = this.linksMade.hitMany(actor.id, dto.memberIds.length, now.getTime());
    if (wait > 0) throw tooManyLinks(wait);
    // A graduate is notified once a day whoever sends: the link is made all the same, to copy or show.
    // Only a notification that went out counts — not a link made without one, nor one WeChat refused
    // (not subscribed yet: the counsellor asks them to subscribe and sends again).
    const notifiedToday = new Set(
      (await em.createQueryBuilder(Reminder, 'r').select('DISTINCT r.member_id', 'id')
        .where('r.member_id IN (:...ids) AND r.created_at > :since AND r.delivery IN (:...sent)', {
          ids: dto.memberIds, since: iso(new Date(now.getTime() - DAY_MS)), sent: [REMINDER_DELIVERY.wechat, REMINDER_DELIVERY.log],
        })
        .getRawMany<{ id: string }>()).map((r) => r.id),
    );
    const expiresAt = iso(new Date(now.getTime() + (dto.expiresInDays ?? REMINDER_EXPIRES_IN_DAYS.default) * DAY_MS));
    const year = currentCampaignYear(now);
    const branches = [...new Map(found.map((r) => [r.branch_id, { id: r.branch_id, path: r.branch_path }])).values()];
    const dates = await this.campaign.datesFor(branches, year);
    const links = dto.memberIds.map((memberId) => {
      const token = newReminderToken();
      const code = newReminderCode();
      const reminder: Reminder = {
        id: randomUUID(), tokenHash: hashReminderToken(token), codeHash: hashReminderToken(code), memberId, createdById: actor.id,
        createdAt: iso(now), expiresAt, openedAt: null, openCount: 0, delivery: null,
      };
      return { reminder, token, code, url: reminderUrl(this.publicUrl, token) };
    });
    await this.db.transaction((em2) => em2.insert(Reminder, links.map((l) => l.reminder)));

    // Sent after the commit: a notifier failure loses no link; the note says what happened.
    const deliveries = await mapLimit(links, SENDS_AT_ONCE, async ({ reminder, url }) => {
      if (notifiedToday.has(reminder.memberId)) return REMINDER_DELIVERY.skippedRecent;
      const m = byId.get(reminder.memberId)!;
      const recipient: ReminderRecipient = { id: m.id, name: m.name, startedBy: dates.get(m.branch_id)?.startedBy ?? null };
      try {
        return (await this.notifier.send(reminder, recipient, url)).slice(0, 200);
      } catch {
        return 'failed: notifier';
      }
    });
    const groups = new Map<string, string[]>();
    links.forEach((l, i) => groups.set(deliveries[i], [...(groups.get(deliveries[i]) ?? []), l.reminder.id]));
    await this.db.transaction(async (em2) => {
      for (const [delivery, ids] of groups) await em2.update(Reminder, { id: In(ids) }, { delivery });
    });
    return links.map((l, i) => ({ memberId: l.reminder.memberId, token: l.token, code: l.code, url: l.url, expiresAt, delivery: deliveries[i] }));
  }

  /**
   * The links under `orgId` (or the caller's whole scope), by the branch each graduate graduated
   * from: the FROM and WHERE the tracking list and its summary share.
   */
  private async tracked(actor: Actor, query: { orgId?: string; memberId?: string }): Promise<{ joins: string; where: string; params: Record<string, unknown> }> {
    const scopes = this.scope.scopes(actor, WATCHER_ROLES);
    if (scopes.length === 0) throw notAWatcher();
    const paths = query.orgId ? [(await this.scope.orgInScope(actor, query.orgId, WATCHER_ROLES)).path] : scopes;
    const within = underAny('g.path', paths);
    return {
      joins: `JOIN memberships m ON m.person_id = r.member_id
       JOIN people p ON p.id = r.member_id
       JOIN orgs o ON o.id = m.org_id
       JOIN orgs g ON g.id = COALESCE(m.graduating_org_id, m.org_id)`,
      where: `WHERE ${within.sql} ${query.memberId ? 'AND r.member_id = :memberId' : ''}`,
      params: { ...within.params, live: LIVE_STATUSES, completed: 'completed', memberId: query.memberId },
    };
  }

  /** The tracking list, newest first, a page at a time: each link with its opens, and whether the graduate has started / finished since. */
  async list(actor: Actor, query: ReminderListQueryDto): Promise<RowsPage<ReminderTrack>> {
    const from = await this.tracked(actor, query);
    const [{ n }] = await runSql(this.db.manager, `SELECT COUNT(*) AS n FROM reminders r ${from.joins} ${from.where}`, from.params);
    const rows = await runSql(
      this.db.manager,
      `SELECT r.id AS id, r.member_id AS member_id, p.name AS member_name, o.id AS org_id, o.name AS org_name,
         g.id AS graduating_org_id, r.created_at AS created_at, r.created_by_id AS created_by_id, cb.name AS created_by_name,
         r.expires_at AS expires_at, r.opened_at AS opened_at, r.open_count AS open_count, r.delivery AS delivery,
         (SELECT MAX(t.created_at) FROM transfers t WHERE t.member_id = r.member_id AND t.status IN (:...live)) AS started_at,
         (SELECT MAX(COALESCE(t.closed_at, t.updated_at)) FROM transfers t WHERE t.member_id = r.member_id AND t.status = :completed) AS completed_at
       FROM reminders r ${from.joins}
       LEFT JOIN people cb ON cb.id = r.created_by_id
       ${from.where}
       ORDER BY r.created_at DESC, r.id DESC
       LIMIT ${Math.trunc(query.limit ?? LIST_LIMIT)} OFFSET ${Math.trunc(query.offset ?? 0)}`,
      from.params,
    );
    const now = iso(this.clock.now());
    const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
    const tracks = rows.map((r): ReminderTrack => {
      const startedAt = str(r.started_at);
      return {
        id: String(r.id),
        memberId: String(r.member_id),
        memberName: String(r.member_name),
        orgId: String(r.org_id),
        orgName: String(r.org_name),
        graduatingOrgId: String(r.graduating_org_id),
        createdAt: String(r.created_at),
        createdBy: { id: String(r.created_by_id), name: str(r.created_by_name) },
        expiresAt: String(r.expires_at),
        expired: String(r.expires_at) <= now,
        openedAt: str(r.opened_at),
        openCount: num(r.open_count),
        delivery: str(r.delivery),
        /** The latest transfer that is not withdrawn / rejected. */
        startedAt,
        startedAfterReminder: startedAt !== null && startedAt >= String(r.created_at),
        /** The latest completed transfer, whatever its path. */
        completedAt: str(r.completed_at),
      };
    });
    return { rows: tracks, total: num(n) };
  }

  /** How many of the links in scope were opened, and whose graduate has started or finished since. */
  async summary(actor: Actor, query: ReminderSummaryQueryDto): Promise<ReminderSummary> {
    const from = await this.tracked(actor, query);
    const has = (status: string) => `SUM(CASE WHEN EXISTS (SELECT 1 FROM transfers t WHERE t.member_id = r.member_id AND t.status ${status}) THEN 1 ELSE 0 END)`;
    const [row] = await runSql(
      this.db.manager,
      `SELECT COUNT(*) AS sent, COUNT(r.opened_at) AS opened, ${has('IN (:...live)')} AS started, ${has('= :completed')} AS completed FROM reminders r ${from.joins} ${from.where}`,
      from.params,
    );
    return { sent: num(row.sent), opened: num(row.opened), started: num(row.started), completed: num(row.completed) };
  }

  /** GET /reminders/:token — only the graduate it is for; anyone else learns nothing. */
  async open(actor: Actor, token: string): Promise<ReminderLanding> {
    if (!isWellFormedToken(token)) throw reminderNotFound();
    return this.land(actor, await this.db.manager.findOneBy(Reminder, { tokenHash: hashReminderToken(token) }));
  }

  /**
   * GET /reminders/s/:code — the 小程序码's short code opens the same landing. Counted per account
   * before anything is looked up, so guessing is held to the rate limit whether or not codes exist.
   */
  async openByCode(actor: Actor, code: string): Promise<ReminderLanding> {
    const wait = this.codeOpens.hit(actor.id, this.clock.now().getTime());
    if (wait > 0) throw tooManyOpens(wait);
    if (!isWellFormedCode(code)) throw reminderNotFound();
    return this.land(actor, await this.db.manager.findOneBy(Reminder, { codeHash: hashReminderToken(code) }));
  }

  /**
   * POST /reminders/wxacode — the 小程序码 picture for a link the caller made. Without WeChat
   * credentials it says so, and the screen shows the H5 QR instead.
   */
  async wxacode(actor: Actor, code: string): Promise<WxaCodeResult> {
    if (this.scope.scopes(actor, WATCHER_ROLES).length === 0) throw notAWatcher();
    const wait = this.codesDrawn.hit(actor.id, this.clock.now().getTime());
    if (wait > 0) throw tooManyCodes(wait);
    const reminder = isWellFormedCode(code) ? await this.db.manager.findOneBy(Reminder, { codeHash: hashReminderToken(code) }) : null;
    if (!reminder || reminder.createdById !== actor.id) throw codeNotFound();
    if (iso(this.clock.now()) >= reminder.expiresAt) throw reminderExpired();
    if (!this.wxa) return { configured: false };
    try {
      return { configured: true, image: await this.wxa.image(code) };
    } catch (e) {
      throw wxacodeFailed(e instanceof WechatError ? e.errcode : -1);
    }
  }

  private async land(actor: Actor, reminder: Reminder | null): Promise<ReminderLanding> {
    if (!reminder || reminder.memberId !== actor.id) throw reminderNotFound();
    const now = this.clock.now();
    if (iso(now) >= reminder.expiresAt) throw reminderExpired();
    await this.db.transaction((em) =>
      em
        .createQueryBuilder()
        .update(Reminder)
        .set({ openCount: () => 'open_count + 1', openedAt: () => 'COALESCE(opened_at, :openedAt)' })
        .where('id = :id', { id: reminder.id })
        .setParameter('openedAt', iso(now))
        .execute(),
    );

    const transfers = await this.db.manager.find(Transfer, { where: { memberId: actor.id } });
    const state = landingState(transfers);
    const deadline = await this.deadlineFor(actor, now);
    const t = state.transfer;
    return {
      memberId: actor.id,
      name: actor.name,
      status: state.status,
      ...(t ? { transfer: { id: t.id, status: t.status, path: t.path, targetOrgName: t.targetOrgName } } : {}),
      ...(state.previous ? { previous: { id: state.previous.id, status: state.previous.status } } : {}),
      steps: landingSteps(state, deadline),
      deadline,
      expiresAt: reminder.expiresAt,
    };
  }

  private async deadlineFor(actor: Actor, now: Date): Promise<{ startedBy: string; daysLeft: number } | null> {
    const m = actor.membership;
    if (!m) return null;
    const branch = await this.db.manager.findOneBy(Org, { id: m.graduatingOrgId ?? m.orgId });
    if (!branch) return null;
    const year = m.graduationYear ?? currentCampaignYear(now);
    const dates = await this.campaign.dates(branch, year);
    return { startedBy: dates.startedBy, daysLeft: daysLeft(year, dates, now).startedBy };
  }

  private get publicUrl(): string {
    return this.config?.publicUrl ?? 'http://localhost:3000';
  }
}
