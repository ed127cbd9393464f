import { Database } from '../database/database.service';
import { flipGraduates } from './graduation-flip';

export interface SweepReport {
  graduatesFlagged: number;
}

/**
 * The scheduled job (contract §3), shared by `npm run sweep` and the timer cloud function.
 * `now` is the clock for the whole run: what is overdue, and the time stamped on every change.
 * Each step is set-based and idempotent: a second run at the same `now` changes nothing.
 */
export async function runSweep(db: Database, now: Date): Promise<SweepReport> {
  const graduatesFlagged = await db.transaction((em) => flipGraduates(em, now));
  return { graduatesFlagged };
}
