import type { ProgressDeadlines, ProgressNumbers } from '@xianjie/contract';
import { daysUntil, deadlinesFor } from '@xianjie/rules';

/**
 * The arithmetic of campaign progress (domain §5), pure: the SQL counts members per graduating
 * branch, these helpers add branches up into an org and its children and turn counts into rates.
 */

/** Counts for one graduating branch (or a sum of them). Every member counts once in each field. */
export interface Tally {
  graduates: number;
  /** Has a transfer in any status but withdrawn / rejected. */
  started: number;
  /** Has a completed standard transfer. */
  completed: number;
  /** Completed special-unit path (特殊单位专属库), and not completed above. */
  specialUnit: number;
  /** Kept at school (completed retention path), and neither of the above; by the latest retention's kind. */
  floating: number;
  studyAbroad: number;
  delayedGraduation: number;
  /** Outside the 100 % started target: going to further study / to the military or a classified employer. */
  excludedFurtherStudy: number;
  excludedMilitary: number;
  /** How many of the excluded have started anyway (so the target's numerator leaves them out too). */
  excludedStarted: number;
}

export const TALLY_FIELDS = [
  'graduates', 'started', 'completed', 'specialUnit', 'floating', 'studyAbroad', 'delayedGraduation',
  'excludedFurtherStudy', 'excludedMilitary', 'excludedStarted',
] as const satisfies readonly (keyof Tally)[];

export const emptyTally = (): Tally => Object.fromEntries(TALLY_FIELDS.map((f) => [f, 0])) as unknown as Tally;

export function addTally(into: Tally, add: Tally): Tally {
  for (const f of TALLY_FIELDS) into[f] += add[f];
  return into;
}

/** A fraction 0..1 rounded to 4 places; 0 when there is nobody to count. */
export function rate(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}

export function summarize(t: Tally): ProgressNumbers {
  const retained = t.floating + t.studyAbroad + t.delayedGraduation;
  const settled = t.completed + t.specialUnit + retained;
  const targetGraduates = t.graduates - t.excludedFurtherStudy - t.excludedMilitary;
  const targetStarted = t.started - t.excludedStarted;
  return {
    graduates: t.graduates,
    started: t.started,
    completed: t.completed,
    retained,
    specialUnit: t.specialUnit,
    startedRate: rate(t.started, t.graduates),
    completedRate: rate(t.completed, t.graduates),
    notStarted: t.graduates - t.started,
    settled,
    settledRate: rate(settled, t.graduates),
    retainedByReason: { floating: t.floating, studyAbroad: t.studyAbroad, delayedGraduation: t.delayedGraduation },
    target: { graduates: targetGraduates, started: targetStarted, excludedFurtherStudy: t.excludedFurtherStudy, excludedMilitary: t.excludedMilitary },
    startedTargetRate: rate(targetStarted, targetGraduates),
  };
}

/**
 * The child of the org (given by its materialised path) that a descendant path lies under;
 * null for the org itself or a path outside it.
 */
export function childIdUnder(orgPath: string, descendantPath: string): string | null {
  if (!descendantPath.startsWith(orgPath) || descendantPath.length === orgPath.length) return null;
  return descendantPath.slice(orgPath.length).split('/')[0] || null;
}

/** Whole Beijing days left to each deadline: 0 on the day itself, negative once passed. */
export function daysLeft(year: number, dates: ProgressDeadlines, now: Date): Record<keyof ProgressDeadlines, number> {
  const d = deadlinesFor(year, dates);
  return { startedBy: daysUntil(d.startedBy, now), receivedBy: daysUntil(d.receivedBy, now), furtherStudyBy: daysUntil(d.furtherStudyBy, now) };
}
