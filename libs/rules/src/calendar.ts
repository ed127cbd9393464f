/**
 * The campaign calendar (domain §5). Every date is a day in Beijing time (Asia/Shanghai,
 * UTC+8, no daylight saving): June 1 means June 1 00:00 in Beijing, and a deadline
 * "Aug 31" lasts until the end of Aug 31 in Beijing. Helpers take `now`; none reads the clock.
 */

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/** Midnight starting the given Beijing calendar day (month 1–12). */
export function beijingMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - BEIJING_OFFSET_MS);
}

/** The last millisecond of the given Beijing calendar day: the instant a deadline ends. */
export function endOfBeijingDay(year: number, month: number, day: number): Date {
  return new Date(beijingMidnight(year, month, day + 1).getTime() - 1);
}

/** `YYYY-MM-DD` of the Beijing day containing `at` — for display and for stored dates. */
export function beijingDateString(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` in Beijing time — what a screen shows, wherever the phone is. */
export function beijingDateTimeString(at: Date): string {
  const s = new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

/** Reads `YYYY-MM-DD` as a real calendar date; throws RangeError otherwise. */
export function parseDateString(s: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
    throw new RangeError(`不是有效的日期：${s}`);
  }
  return { year, month, day };
}

/**
 * The graduation years a branch may be marked with, at `now` (a mark cannot be undone, so a typo such
 * as 2207 must not make a class graduate two centuries late): from last year (a late mark) to eight
 * years on (a doctoral class admitted this autumn).
 */
export function graduationMarkYears(now: Date): { from: number; to: number } {
  const year = Number(beijingDateString(now).slice(0, 4));
  return { from: year - 1, to: year + 8 };
}

/** Why a graduation date cannot be a branch's mark at `now`, or null. */
export function graduationMarkProblem(day: string, now: Date): string | null {
  const { from, to } = graduationMarkYears(now);
  const year = Number(day.slice(0, 4));
  return year < from || year > to ? `毕业时间应在 ${from} 年至 ${to} 年之间，请核对年份。` : null;
}

/** Room for a day as people type it (２０２７年１２月３１日 and spaces): a field's maxLength. */
export const DAY_TEXT_MAX = 16;

/**
 * A day as people type it on a phone — 2027-06-30, 2027-6-30, 2027/6/30, 2027.6.30, 2027年6月30日,
 * full-width digits, stray spaces — as the `YYYY-MM-DD` the API takes; null when it names no real day.
 */
export function dayFromText(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(String(text).normalize('NFKC').replace(/\s+/g, ''));
  if (!m) return null;
  const day = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  try {
    parseDateString(day);
    return day;
  } catch {
    return null;
  }
}

/** 毕业生团组织 flip: marked branches become graduating on June 1 of the graduation year. */
export function graduationFlipDate(year: number): Date {
  return beijingMidnight(year, 6, 1);
}

/** The latest graduation year whose June 1 has passed at `now`. */
export function currentCampaignYear(now: Date): number {
  const year = Number(beijingDateString(now).slice(0, 4));
  return now.getTime() >= graduationFlipDate(year).getTime() ? year : year - 1;
}

export interface CampaignDeadlines {
  /** 100 % of non-further-study, non-military graduates started (schools may pick e.g. July 31). */
  startedBy: Date;
  /** Receiving done. */
  receivedBy: Date;
  /** Further-study transfers done (new schools create their orgs after enrolment). */
  furtherStudyBy: Date;
}

export function defaultDeadlines(year: number): CampaignDeadlines {
  return {
    startedBy: endOfBeijingDay(year, 8, 31),
    receivedBy: endOfBeijingDay(year, 9, 30),
    furtherStudyBy: endOfBeijingDay(year, 10, 31),
  };
}

/**
 * The defaults with a school's own dates laid over them. An override is a Date (used as
 * given) or a `YYYY-MM-DD` Beijing day (lasting to that day's end).
 */
export function deadlinesFor(
  year: number,
  overrides: Partial<Record<keyof CampaignDeadlines, Date | string>> = {},
): CampaignDeadlines {
  const result = defaultDeadlines(year);
  for (const key of Object.keys(result) as (keyof CampaignDeadlines)[]) {
    const o = overrides[key];
    if (o instanceof Date) result[key] = new Date(o.getTime());
    else if (typeof o === 'string') {
      const { year: y, month, day } = parseDateString(o);
      result[key] = endOfBeijingDay(y, month, day);
    }
  }
  return result;
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/**
 * Calendar months in Beijing time, keeping the time of day; a day the target month lacks
 * becomes its last day (Aug 31 + 6 months = Feb 28, or 29 in a leap year).
 */
export function addMonths(at: Date, months: number): Date {
  const local = new Date(at.getTime() + BEIJING_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  local.setUTCFullYear(y, m, Math.min(local.getUTCDate(), lastDay));
  return new Date(local.getTime() - BEIJING_OFFSET_MS);
}

/**
 * Whole Beijing days from `now`'s day to the deadline's day: 0 on the day itself,
 * negative once it has passed.
 */
export function daysUntil(deadline: Date, now: Date): number {
  const day = (d: Date): number => Math.floor((d.getTime() + BEIJING_OFFSET_MS) / DAY_MS);
  return day(deadline) - day(now);
}

/**
 * The day a member graduates, as the school holds it: their branch mark's date, else June 30 of
 * the graduation year. Retention clocks run from it, not from what the graduate says (domain §7).
 */
export function graduationDay(year: number, markDate?: string | null): Date {
  if (markDate) {
    const d = parseDateString(markDate);
    return beijingMidnight(d.year, d.month, d.day);
  }
  return beijingMidnight(year, 6, 30);
}

/** Whole calendar months from `from` to `now` (as `addMonths` counts them); 0 before `from`. */
export function wholeMonthsSince(from: Date, now: Date): number {
  if (now.getTime() < from.getTime()) return 0;
  const a = new Date(from.getTime() + BEIJING_OFFSET_MS);
  const b = new Date(now.getTime() + BEIJING_OFFSET_MS);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (addMonths(from, months).getTime() > now.getTime()) months -= 1;
  return months;
}

/** 流动团员 retention: usually at most 6 months, never beyond 12 (domain §3). */
export const FLOATING_RETENTION_MONTHS = { usual: 6, max: 12 } as const;

/**
 * 出国(境)学习研究 retention (domain §3): the member writes how long; the domain sets no term, so
 * the bound is one no course of study abroad reaches (ten years), keeping the follow-up date sane.
 */
export const STUDY_ABROAD_RETENTION_MONTHS = { max: 120 } as const;

/** When the school must follow up (the usual limit) and when retention ends for good. */
export function retentionDates(start: Date): { followUpAt: Date; expiresAt: Date } {
  return {
    followUpAt: addMonths(start, FLOATING_RETENTION_MONTHS.usual),
    expiresAt: addMonths(start, FLOATING_RETENTION_MONTHS.max),
  };
}

export function isRetentionExpired(start: Date, now: Date): boolean {
  return now.getTime() >= retentionDates(start).expiresAt.getTime();
}
