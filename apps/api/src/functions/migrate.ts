import { functionConfig } from './runtime';

/**
 * The deploy step's migration run: brings DATABASE_URL's schema up to date, once, before the new
 * functions go live (never at a function's cold start). Two ways to run it:
 *  - `node dist/functions/migrate.js [--seed-demo]` from a machine that reaches the database;
 *  - as a one-off cloud function inside the database's VPC (`handler`), when only the VPC does.
 * `--seed-demo` (or `{ "seedDemo": true }`) loads the demo data set into an empty database, as
 * `npm start` does — for a trial environment, never for a school's real one.
 */
export async function runMigrations(env: NodeJS.ProcessEnv, opts: { seedDemo?: boolean } = {}): Promise<string[]> {
  const { prepareDatabase } = await import('../database/prepare');
  const log: string[] = [];
  await prepareDatabase(functionConfig(env), { seedDemo: opts.seedDemo === true, log: (m) => log.push(m) });
  return log;
}

export async function handler(event: { seedDemo?: boolean } | null | undefined): Promise<{ ok: true; log: string[] }> {
  const log = await runMigrations(process.env, { seedDemo: event?.seedDemo === true });
  for (const line of log) console.log(line);
  return { ok: true, log };
}

if (require.main && require.main.filename === __filename) {
  runMigrations(process.env, { seedDemo: process.argv.includes('--seed-demo') }).then(
    (log) => {
      console.log(log.length ? log.join('\n') : 'schema up to date');
      process.exit(0);
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
