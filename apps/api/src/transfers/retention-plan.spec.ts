import { addMonths, graduationDay, retentionDates } from '@xianjie/rules';
import { retentionPlan } from './retention-plan';

const now = new Date('2026-09-15T04:00:00.000Z');

describe('retentionPlan', () => {
  it('floating: libs/rules’ 6 / 12 months, counted from the graduation date the school holds', () => {
    const graduated = graduationDay(2026);
    const dates = retentionDates(graduated);
    expect(retentionPlan('school-floating-branch', now, graduated, null)).toEqual({
      kind: 'floating', details: null, followUpAt: dates.followUpAt.toISOString(), expiresAt: dates.expiresAt.toISOString(),
    });
    expect(dates.expiresAt.toISOString()).toBe('2027-06-29T16:00:00.000Z');
  });

  it('floating without a graduation year on record: the clock starts now', () => {
    expect(retentionPlan('school-floating-branch', now, null, null)?.expiresAt).toBe(retentionDates(now).expiresAt.toISOString());
  });

  it('study abroad: follow up when the declared stay ends, no hard expiry', () => {
    const app = { where: '英国', months: 18, domesticContact: '父亲' };
    expect(retentionPlan('school-abroad-branch', now, graduationDay(2026), app)).toEqual({
      kind: 'study-abroad', details: app, followUpAt: addMonths(now, 18).toISOString(), expiresAt: null,
    });
  });

  it('delayed graduation has no dates; other targets are not retention', () => {
    expect(retentionPlan('school-delayed-branch', now, null, null)).toEqual({ kind: 'delayed-graduation', details: null, followUpAt: null, expiresAt: null });
    expect(retentionPlan('employer-org', now, null, null)).toBeNull();
  });
});
