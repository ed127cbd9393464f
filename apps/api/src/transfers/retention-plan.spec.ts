import { addMonths, retentionDates } from '@xianjie/rules';
import { retentionPlan } from './retention-plan';

const now = new Date('2026-09-15T04:00:00.000Z');

describe('retentionPlan', () => {
  it('floating: libs/rules’ 6 / 12 months, counted from graduation', () => {
    const dates = retentionDates(addMonths(now, -3));
    expect(retentionPlan('school-floating-branch', now, 3, null)).toEqual({
      kind: 'floating', details: null, followUpAt: dates.followUpAt.toISOString(), expiresAt: dates.expiresAt.toISOString(),
    });
    expect(retentionPlan('school-floating-branch', now, undefined, null)?.expiresAt).toBe(retentionDates(now).expiresAt.toISOString());
  });

  it('study abroad: follow up when the declared stay ends, no hard expiry', () => {
    const app = { where: '英国', months: 18, domesticContact: '父亲' };
    expect(retentionPlan('school-abroad-branch', now, undefined, app)).toEqual({
      kind: 'study-abroad', details: app, followUpAt: addMonths(now, 18).toISOString(), expiresAt: null,
    });
  });

  it('delayed graduation has no dates; other targets are not retention', () => {
    expect(retentionPlan('school-delayed-branch', now, undefined, null)).toEqual({ kind: 'delayed-graduation', details: null, followUpAt: null, expiresAt: null });
    expect(retentionPlan('employer-org', now, undefined, null)).toBeNull();
  });
});
