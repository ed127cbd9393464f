import { abroadReportDue, isAbroadReportOverdue, isValidReportInterval } from './abroad-reports';

describe('abroad members report periodically', () => {
  const since = new Date('2026-07-01T00:00:00Z');
  it('the first report is due one interval after the retention began, then after the last report', () => {
    expect(abroadReportDue(since, null, 6).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(abroadReportDue(since, new Date('2026-12-15T00:00:00Z'), 3).toISOString()).toBe('2027-03-15T00:00:00.000Z');
  });
  it('overdue on and after the due moment', () => {
    expect(isAbroadReportOverdue(since, null, 6, new Date('2026-12-31T23:59:59Z'))).toBe(false);
    expect(isAbroadReportOverdue(since, null, 6, new Date('2027-01-01T00:00:00Z'))).toBe(true);
    expect(isAbroadReportOverdue(since, new Date('2026-12-20T00:00:00Z'), 6, new Date('2027-01-01T00:00:00Z'))).toBe(false);
  });
  it('the school picks whole months from 1 to 12', () => {
    expect([1, 6, 12].every(isValidReportInterval)).toBe(true);
    expect([0, 13, 2.5, Number.NaN].some(isValidReportInterval)).toBe(false);
  });
});
