import { addMonths } from './calendar';

/**
 * Members abroad kept at school (出国(境)学习研究, domain §3, §7) report on themselves
 * periodically. The school sets the interval in months (default every 6); a report is due one
 * interval after the last one, or after the retention began when there is none yet.
 */

export const DEFAULT_ABROAD_REPORT_MONTHS = 6;
export const ABROAD_REPORT_MONTHS_RANGE = { min: 1, max: 12 } as const;

export function isValidReportInterval(months: number): boolean {
  return Number.isInteger(months) && months >= ABROAD_REPORT_MONTHS_RANGE.min && months <= ABROAD_REPORT_MONTHS_RANGE.max;
}

/** When the next report is due. */
export function abroadReportDue(since: Date, lastReportAt: Date | null, intervalMonths: number): Date {
  return addMonths(lastReportAt ?? since, intervalMonths);
}

export function isAbroadReportOverdue(since: Date, lastReportAt: Date | null, intervalMonths: number, now: Date): boolean {
  return now.getTime() >= abroadReportDue(since, lastReportAt, intervalMonths).getTime();
}
