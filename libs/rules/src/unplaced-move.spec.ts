import { resolve } from './resolve';
import { isFloatingBranchFor, suggestFloatingBranch, UNPLACED_MOVE_ANSWERS, unplacedMoveOpens } from './unplaced-move';

describe('moving unplaced graduates after July 31', () => {
  it('opens on August 1 in Beijing, not a moment before', () => {
    expect(unplacedMoveOpens(2026).toISOString()).toBe('2026-07-31T16:00:00.000Z');
  });

  it('keeps the graduate at school in the floating branch', () => {
    const r = resolve(UNPLACED_MOVE_ANSWERS);
    expect(r).toMatchObject({ outcome: 'retain', target: 'school-floating-branch', writtenApplication: false });
  });

  it('recognises a branch kept for the graduating year, and not one named for an enrolment year', () => {
    expect(isFloatingBranchFor('2026届毕业生流动团员团支部', 2026)).toBe(true);
    expect(isFloatingBranchFor('2026年流动团员团支部', 2026)).toBe(true);
    expect(isFloatingBranchFor('2025届毕业生流动团员团支部', 2026)).toBe(false);
    expect(isFloatingBranchFor('2026级流动团员团支部', 2026)).toBe(false);
    expect(isFloatingBranchFor('楚天大学流动团员团支部', 2026)).toBe(false);
  });

  it('suggests the year’s own branch, else the only one, else leaves the choice to the school', () => {
    const general = { name: '楚天大学流动团员团支部' };
    const y2025 = { name: '2025届毕业生流动团员团支部' };
    const y2026 = { name: '2026届毕业生流动团员团支部' };
    expect(suggestFloatingBranch([general, y2025, y2026], 2026)).toBe(y2026);
    expect(suggestFloatingBranch([general], 2026)).toBe(general);
    expect(suggestFloatingBranch([general, y2025], 2026)).toBeNull();
    expect(suggestFloatingBranch([], 2026)).toBeNull();
  });
});
