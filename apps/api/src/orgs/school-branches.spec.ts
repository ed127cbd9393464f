import type { Org } from './org.entity';
import { pickSchoolBranches } from './school-branches';

const branch = (id: string, name: string, purpose: string, depth: number) => ({ id, name, purpose, depth, kind: 'branch', domain: 'school' }) as unknown as Org;

describe('pickSchoolBranches', () => {
  const schoolFloating = branch('s-floating', '流动团员团支部', 'floating', 2);
  const schoolYear = branch('s-2026', '2026届流动团员团支部', 'floating', 2);
  const collegeYear = branch('c-2026', '2026届流动团员团支部', 'floating', 3);
  const abroad = branch('s-abroad', '出国（境）学习研究团员团支部', 'study-abroad', 2);

  it('takes the school committee’s branch kept for the year, else its first of the purpose', () => {
    expect(pickSchoolBranches([schoolFloating, schoolYear, abroad], 2026)).toEqual({ floating: schoolYear, 'study-abroad': abroad });
    expect(pickSchoolBranches([schoolFloating, schoolYear, abroad], 2027).floating).toBe(schoolFloating);
    expect(pickSchoolBranches([schoolFloating, schoolYear], null).floating).toBe(schoolFloating);
  });

  // Security review 4: a college's "2026届流动团员团支部" had become the whole school's default by its name.
  it('never by name a floating branch deeper than the school committee’s own', () => {
    expect(pickSchoolBranches([schoolFloating, collegeYear], 2026).floating).toBe(schoolFloating);
    expect(pickSchoolBranches([abroad], 2026)).toEqual({ 'study-abroad': abroad });
  });
});
