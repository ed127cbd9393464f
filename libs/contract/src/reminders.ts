/** `/reminders`: links that bring a graduate back to their transfer (提醒链接). */
import type { TransferPath, TransferStatus } from '@xianjie/rules';
import type { PageQuery } from './paging';

export interface CreateRemindersBody {
  memberIds: string[];
  /** How long the links stay valid, in days (`REMINDER_EXPIRES_IN_DAYS`). */
  expiresInDays?: number;
}

/** A link just created: the token is shown this once (the database keeps its hash). */
export interface CreatedReminder {
  memberId: string;
  token: string;
  /** The short code a 小程序码 carries as its scene (≤ 32 characters); shown this once, like the token. */
  code: string;
  url: string;
  expiresAt: string;
  /** How it was delivered: `wechat`, `log`, `no-openid`, `not-subscribed`, `skipped: recent` (`REMINDER_DELIVERY`), or `failed: …` with the cause. */
  delivery: string;
}

/**
 * What became of a link's notification. `log`: written to the server's log (no WeChat configured);
 * `skipped: recent`: the graduate was sent one within the last 24 hours, so only the link was made.
 */
export const REMINDER_DELIVERY = {
  wechat: 'wechat',
  log: 'log',
  noOpenid: 'no-openid',
  notSubscribed: 'not-subscribed',
  skippedRecent: 'skipped: recent',
} as const;
/** Links per sender and hour (429 past it). */
export const REMINDER_LINKS_PER_HOUR = 1000;

/** `GET /reminders/summary?orgId=` */
export interface ReminderSummaryQuery {
  orgId?: string;
}

/** `GET /reminders?orgId=&memberId=&limit=&offset=`: newest first; `X-Total-Count` says how many in all. */
export interface ReminderListQuery extends ReminderSummaryQuery, PageQuery {
  memberId?: string;
}

/** The links the tracking list holds, counted over all of them (not one page): how many did what. */
export interface ReminderSummary {
  sent: number;
  opened: number;
  /** Links whose graduate has a transfer that is not withdrawn or rejected (ReminderTrack.startedAt). */
  started: number;
  /** Links whose graduate has a completed transfer. */
  completed: number;
}

/** One link in the tracking list: opened? started? completed? */
export interface ReminderTrack {
  id: string;
  memberId: string;
  memberName: string;
  orgId: string;
  orgName: string;
  graduatingOrgId: string;
  createdAt: string;
  createdBy: { id: string; name: string | null };
  expiresAt: string;
  expired: boolean;
  openedAt: string | null;
  openCount: number;
  delivery: string | null;
  /** The latest transfer that is not withdrawn / rejected. */
  startedAt: string | null;
  startedAfterReminder: boolean;
  /** The latest completed transfer, whatever its path. */
  completedAt: string | null;
}

export type LandingStatus = 'not-started' | 'in-progress' | 'completed';

/** `GET /reminders/:token`: what the graduate opening their link still has to do. */
export interface ReminderLanding {
  memberId: string;
  name: string;
  status: LandingStatus;
  /** The open transfer, or the latest completed one. */
  transfer?: { id: string; status: TransferStatus; path: TransferPath; targetOrgName: string | null };
  /** Not started: the latest transfer that was rejected or withdrawn, if any. */
  previous?: { id: string; status: TransferStatus };
  steps: string[];
  deadline: { startedBy: string; daysLeft: number } | null;
  expiresAt: string;
}

/** `POST /reminders/wxacode {code}`: the 小程序码 picture, or `configured: false` without WeChat credentials. */
/** `POST /reminders/wxacode`: the short code of a link the caller made. */
export interface WxaCodeBody {
  code: string;
}

export type WxaCodeResult = { configured: true; image: string } | { configured: false };
