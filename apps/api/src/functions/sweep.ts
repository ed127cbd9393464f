import type { SweepReport } from '../jobs/sweep';
import type { Database } from '../database/database.service';

/**
 * The timer cloud function (hourly, cron `0 0 * * * * *`): the scheduled job of contract §3 — the
 * same `runSweep` as `npm run sweep`. The clock for the whole run is the trigger's scheduled
 * `Time`, so a late or retried trigger judges deadlines as of its own hour; a manual invocation
 * may pass `{ "now": "<ISO time>" }` like `npm run sweep -- --now`.
 * The connection is made once per container and reused by later triggers.
 */

let database: Promise<Database> | undefined;

async function connect(): Promise<Database> {
  const [{ functionConfig }, { createDataSource }, { Database: Db }] = await Promise.all([
    import('./runtime'),
    import('../database/data-source'),
    import('../database/database.service'),
  ]);
  const ds = createDataSource(functionConfig(process.env).database);
  await ds.initialize();
  return new Db(ds);
}

/** Closes this container's database connection (tests, a graceful shutdown). */
export async function close(): Promise<void> {
  const current = database;
  database = undefined;
  if (current) await (await current.catch(() => null))?.dataSource.destroy();
}

export interface TimerEvent {
  Type?: string;
  TriggerName?: string;
  Time?: string;
  Message?: string;
  now?: string;
}

/** The clock for this run: `now` (manual), else the trigger's `Time`, else the system clock. */
export function sweepTime(event: TimerEvent | null | undefined, fallback = new Date()): Date {
  for (const candidate of [event?.now, event?.Time]) {
    if (!candidate) continue;
    const at = new Date(candidate);
    if (!Number.isNaN(at.getTime())) return at;
  }
  return fallback;
}

export async function handler(event: TimerEvent | null | undefined, context?: { callbackWaitsForEmptyEventLoop?: boolean }): Promise<SweepReport & { at: string }> {
  if (context && typeof context === 'object') context.callbackWaitsForEmptyEventLoop = false;
  const now = sweepTime(event);
  if (!database) {
    const connecting = connect();
    connecting.catch(() => {
      if (database === connecting) database = undefined;
    });
    database = connecting;
  }
  const { runSweep } = await import('../jobs/sweep');
  const report = await runSweep(await database, now);
  const result = { at: now.toISOString(), ...report };
  console.log(`sweep at ${result.at}${event?.TriggerName ? ` (${event.TriggerName})` : ''}: ${JSON.stringify(report)}`);
  return result;
}
