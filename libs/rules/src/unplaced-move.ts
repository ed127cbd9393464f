/**
 * Graduates still unplaced after July 31 (domain §7): the school marks them and moves them into
 * its floating-member branch (流动团员团支部), a year-specific one where it keeps the years apart.
 * Pure: the API decides who is unplaced and writes the transfers.
 */
import { beijingMidnight } from './calendar';
import type { Answers } from './types';

/** The first day a school may move its still-unplaced graduates in bulk: August 1 in Beijing. */
export function unplacedMoveOpens(year: number): Date {
  return beijingMidnight(year, 8, 1);
}

/** What the school answers for each graduate it moves: unplaced, kept at school. */
export const UNPLACED_MOVE_ANSWERS: Answers = {
  destination: 'unplaced',
  isLeagueMember: true,
  inSystem: true,
  unplacedPlan: 'retain-at-school',
};

/** The remark on each moved graduate's application and on its approval. */
export const UNPLACED_MOVE_REMARK = '7月31日后仍未落实去向，由学校统一转入流动团员团支部';

/**
 * A floating branch kept for one graduating year names it as 届 or 年 ("2026届毕业生流动团员团支部").
 * A bare year is not enough: "2022级" is the year a class enrolled, not the one it graduates.
 */
export function isFloatingBranchFor(name: string, year: number): boolean {
  return new RegExp(`${year}\\s*(届|年)`).test(name);
}

/**
 * The floating branch to offer first: the one kept for this year, else the only one there is.
 * With several and none for this year the school chooses (null).
 */
export function suggestFloatingBranch<T extends { name: string }>(branches: readonly T[], year: number): T | null {
  const forYear = branches.filter((b) => isFloatingBranchFor(b.name, year));
  if (forYear.length === 1) return forYear[0];
  if (forYear.length === 0 && branches.length === 1) return branches[0];
  return null;
}
