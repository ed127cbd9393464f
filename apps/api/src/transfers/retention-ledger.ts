import { iso } from '../common/time';
import type { Database } from '../database/database.service';
import { RetentionRecord } from './retention-record.entity';

/**
 * The retention ledger's (台账) clock: entries past their follow-up date are flagged for the
 * school to follow up (the usual 6 months), past their expiry as overdue (12 months). Set-based;
 * a second run finds nothing left to flag.
 */
export async function flagRetention(db: Database, now: Date): Promise<{ followUp: number; overdue: number }> {
  const at = iso(now);
  return db.transaction(async (em) => {
    const overdue = await em
      .createQueryBuilder()
      .update(RetentionRecord)
      .set({ state: 'overdue' })
      .where("state IN ('active', 'follow-up') AND expires_at IS NOT NULL AND expires_at <= :at", { at })
      .execute();
    const followUp = await em
      .createQueryBuilder()
      .update(RetentionRecord)
      .set({ state: 'follow-up' })
      .where("state = 'active' AND follow_up_at IS NOT NULL AND follow_up_at <= :at", { at })
      .execute();
    return { followUp: followUp.affected ?? 0, overdue: overdue.affected ?? 0 };
  });
}
