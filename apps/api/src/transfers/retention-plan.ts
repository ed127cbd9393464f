import type { RetentionApplication, RetentionKind } from '@xianjie/contract';
import { addMonths, retentionDates, type TargetKind } from '@xianjie/rules';
import { iso } from '../common/time';

/** The school branch purpose each retention target lands in. */
export const RETENTION_PURPOSE: Partial<Record<TargetKind, 'floating' | 'study-abroad' | 'delayed-graduation'>> = {
  'school-floating-branch': 'floating',
  'school-abroad-branch': 'study-abroad',
  'school-delayed-branch': 'delayed-graduation',
};

export interface RetentionPlan {
  kind: RetentionKind;
  details: RetentionApplication | null;
  followUpAt: string | null;
  expiresAt: string | null;
}

/**
 * The ledger dates (台账) a retention will carry, fixed when it is submitted so that an
 * approval by a person and one by the sweep record the same thing.
 * - Floating (unplaced): the 6 / 12 months of libs/rules count from the graduation date the
 *   school holds (members/graduation-date.ts); from now for a member with none on record.
 * - Study abroad: follow up when the declared stay ends; no hard expiry (they return to a new destination).
 * - Delayed graduation: none; they graduate with their new class.
 */
export function retentionPlan(
  target: TargetKind, now: Date, graduatedAt: Date | null, application: RetentionApplication | null,
): RetentionPlan | null {
  const kind = RETENTION_PURPOSE[target];
  if (!kind) return null;
  if (kind === 'floating') {
    const { followUpAt, expiresAt } = retentionDates(graduatedAt ?? now);
    return { kind, details: application, followUpAt: iso(followUpAt), expiresAt: iso(expiresAt) };
  }
  if (kind === 'study-abroad') {
    return { kind, details: application, followUpAt: application ? iso(addMonths(now, application.months)) : null, expiresAt: null };
  }
  return { kind, details: application, followUpAt: null, expiresAt: null };
}
