import type { TransferStatus } from '@xianjie/rules';
import { Database } from '../database/database.service';
import { autoApproveOverdue } from '../transfers/auto-approval';
import { flagRetention } from '../transfers/retention-ledger';
import { flipGraduates } from './graduation-flip';

export interface SweepReport {
  graduatesFlagged: number;
  /** Stages approved by the system after 15 untouched days, in all and per stage they left. */
  autoApproved: number;
  autoApprovedByStage: Partial<Record<TransferStatus, number>>;
  /** Retention ledger entries newly past their follow-up date / their expiry. */
  retentionFollowUp: number;
  retentionOverdue: number;
}

/**
 * The scheduled job (contract §3), shared by `npm run sweep` and the timer cloud function.
 * `now` is the clock for the whole run: what is overdue, and the time stamped on every change.
 * Each step is set-based and idempotent: a second run at the same `now` changes nothing.
 */
export async function runSweep(db: Database, now: Date): Promise<SweepReport> {
  const graduatesFlagged = await db.transaction((em) => flipGraduates(em, now));
  const approved = await autoApproveOverdue(db, now);
  const retention = await flagRetention(db, now);
  return {
    graduatesFlagged,
    autoApproved: approved.total,
    autoApprovedByStage: approved.byStage,
    retentionFollowUp: retention.followUp,
    retentionOverdue: retention.overdue,
  };
}
