import { daysUntil, endOfBeijingDay, parseDateString } from './calendar';
import type { Destination } from './types';

/**
 * Deadlines by group (domain §5, §7): the campaign's dates a school may set for itself, the
 * group each graduate's deadline comes from, and what makes a set of dates acceptable.
 * Dates are Beijing days `YYYY-MM-DD`; a deadline lasts to the end of its day.
 */

/**
 * What a destination alone cannot tell: a civil servant (公务员, 选调生) is "employed" and an
 * admitted postgraduate (研究生) is "further study", yet both get the later date of §7.
 */
export type DestinationDetail = 'civil-servant' | 'postgraduate';
export const DESTINATION_DETAILS: readonly DestinationDetail[] = ['civil-servant', 'postgraduate'];

/** Which destination each detail refines; any other pairing is a contradiction. */
export const DETAIL_DESTINATION: Record<DestinationDetail, Destination> = {
  'civil-servant': 'employed',
  postgraduate: 'further-study',
};

export type DeadlineGroup = 'employed-unplaced' | 'postgraduate-civil-servant' | 'further-study';
export const DEADLINE_GROUPS: readonly DeadlineGroup[] = ['employed-unplaced', 'postgraduate-civil-servant', 'further-study'];

/** The campaign dates of one school and graduation year. */
export interface CampaignDates {
  /** 准备工作: data entered, every school branch marked, statistics table filed (May 15). */
  preparationBy: string;
  /** 100 % of non-further-study, non-military graduates started. */
  startedBy: string;
  /** Receiving done. */
  receivedBy: string;
  /** Employed (incl. self-employed, abroad on a posting or privately) and unplaced graduates done (Aug 31). */
  employedUnplacedBy: string;
  /** Admitted postgraduates and civil servants done (Oct 1). */
  postgraduateCivilServantBy: string;
  /** Other further study done: new schools pull their students in after enrolment (Oct 31). */
  furtherStudyBy: string;
}

export const CAMPAIGN_DATE_KEYS = [
  'preparationBy', 'startedBy', 'receivedBy', 'employedUnplacedBy', 'postgraduateCivilServantBy', 'furtherStudyBy',
] as const satisfies readonly (keyof CampaignDates)[];

/** The date that applies to each group. */
export const GROUP_DATE_KEY: Record<DeadlineGroup, keyof CampaignDates> = {
  'employed-unplaced': 'employedUnplacedBy',
  'postgraduate-civil-servant': 'postgraduateCivilServantBy',
  'further-study': 'furtherStudyBy',
};

export function defaultCampaignDates(year: number): CampaignDates {
  return {
    preparationBy: `${year}-05-15`,
    startedBy: `${year}-08-31`,
    receivedBy: `${year}-09-30`,
    employedUnplacedBy: `${year}-08-31`,
    postgraduateCivilServantBy: `${year}-10-01`,
    furtherStudyBy: `${year}-10-31`,
  };
}

/**
 * The group whose date a graduate must meet; null for those outside the campaign's dates: military
 * and classified employers (done with the enlistment paperwork, reviewed by the province) and
 * those kept at school (study abroad, delayed graduation, suspended: retention has its own clock).
 * A graduate whose destination is not known yet is held to the general date.
 */
export function deadlineGroupOf(destination: Destination | null | undefined, detail?: DestinationDetail | null): DeadlineGroup | null {
  switch (destination) {
    case 'military':
    case 'classified':
    case 'study-abroad':
    case 'delayed-graduation':
    case 'suspended':
      return null;
    case 'further-study':
      return detail === 'postgraduate' ? 'postgraduate-civil-servant' : 'further-study';
    case 'employed':
      return detail === 'civil-servant' ? 'postgraduate-civil-servant' : 'employed-unplaced';
    default:
      return 'employed-unplaced';
  }
}

/** The day a graduate of this group is due, under a school's dates. */
export function groupDueDate(dates: CampaignDates, group: DeadlineGroup): string {
  return dates[GROUP_DATE_KEY[group]];
}

/** Whole Beijing days left to each date: 0 on the day itself, negative once passed. */
export function campaignDaysLeft(dates: CampaignDates, now: Date): Record<keyof CampaignDates, number> {
  const out = {} as Record<keyof CampaignDates, number>;
  for (const key of CAMPAIGN_DATE_KEYS) {
    const { year, month, day } = parseDateString(dates[key]);
    out[key] = daysUntil(endOfBeijingDay(year, month, day), now);
  }
  return out;
}

export interface DateProblem {
  field: keyof CampaignDates;
  message: string;
}

const isRealDate = (s: string): boolean => {
  try {
    parseDateString(s);
    return true;
  } catch {
    return false;
  }
};

/** Pairs that must come in this order (the later may equal the earlier), with the message when not. */
const ORDER: [keyof CampaignDates, keyof CampaignDates, string][] = [
  ['startedBy', 'receivedBy', '接收完成日期不能早于提交申请截止日期'],
  ['startedBy', 'furtherStudyBy', '升学转接截止日期不能早于提交申请截止日期'],
  ['employedUnplacedBy', 'postgraduateCivilServantBy', '研究生和公务员的截止日期不能早于就业和未就业毕业生的截止日期'],
  ['postgraduateCivilServantBy', 'furtherStudyBy', '其他升学的截止日期不能早于研究生和公务员的截止日期'],
];

/**
 * What is wrong with a school's dates for a graduation year, per field (empty when fine).
 * Preparation ends before the June 1 start, inside the year; every other date falls between June 1
 * and the year's end; the pairs of ORDER come in order.
 */
export function campaignDateProblems(year: number, dates: CampaignDates): DateProblem[] {
  const problems: DateProblem[] = [];
  const start = `${year}-06-01`;
  for (const key of CAMPAIGN_DATE_KEYS) {
    const value = dates[key];
    const [first, last] = key === 'preparationBy' ? [`${year}-01-01`, `${year}-05-31`] : [start, `${year}-12-31`];
    if (!isRealDate(value)) problems.push({ field: key, message: `不是有效的日期（格式为 YYYY-MM-DD）：${value}` });
    else if (value < first || value > last) problems.push({ field: key, message: `日期应在 ${first} 至 ${last} 之间` });
  }
  if (problems.length) return problems;
  for (const [earlier, later, message] of ORDER) {
    if (dates[later] < dates[earlier]) problems.push({ field: later, message });
  }
  return problems;
}
