#!/usr/bin/env node
// The sweep's auto-approval at scale (issue #13): N transfers whose outgoing stage is overdue,
// approved by runSweep (apps/api/dist, in a process of its own for its peak RSS) against one raw
// set-based UPDATE of the same rows, on the same freshly built table, in the same run.
// PostgreSQL at 10,000 and 1,000,000 rows (built with generate_series); MySQL/MariaDB and SQLite at
// a smaller size. Prints both times, the ratio, rows/s and peak RSS, and — for a local server — the database's
// own CPU time for each (steadier than wall time on a shared machine); never fails on timing.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { createDatabase, databaseCpuMs, ensureApiBuilt, migratedDataSource, reachable } = require('./lib/databases');

const BIG = Number(process.env.XJ_BENCH_SWEEP_ROWS || 1_000_000);
const SMALL = 10_000;
const OTHERS = Number(process.env.XJ_BENCH_SWEEP_OTHER_ROWS || 100_000);
const DEADLINE = '2026-07-01T00:00:00.000Z';
const NOW = '2026-07-20T00:00:00.000Z';

/** The dialect bits the fill needs. */
const dialect = {
  postgres: { cat: (...xs) => xs.join(' || '), numbers: (n) => `generate_series(1, ${n}) AS s(g)` },
  // 1 … n as a cross join of a 1 … 1000 helper table: no recursive CTE limits, same SQL on both.
  mysql: { cat: (...xs) => `CONCAT(${xs.join(', ')})`, numbers: (n) => `(SELECT a.g + 1000 * (b.g - 1) AS g FROM bench_n a CROSS JOIN bench_n b WHERE a.g + 1000 * (b.g - 1) <= ${n}) s` },
  sqlite: { cat: (...xs) => xs.join(' || '), numbers: (n) => `(SELECT a.g + 1000 * (b.g - 1) AS g FROM bench_n a CROSS JOIN bench_n b WHERE a.g + 1000 * (b.g - 1) <= ${n}) s` },
};

async function fill(ds, kind, n) {
  const d = dialect[kind];
  const id = (prefix) => d.cat(`'${prefix}'`, kind === 'postgres' ? 'g::text' : 'g');
  // Emptied to fresh storage, not DELETEd: after a DELETE the next fill lands behind the dead rows
  // and the second timed run (the sweep) worked on a table and indexes three times the size the
  // first (the raw UPDATE) had — 28.7 s against 23.6 s for the same UPDATE at 1M rows.
  if (kind === 'sqlite') {
    await ds.query(`DELETE FROM transfer_events`);
    await ds.query(`DELETE FROM transfers`);
    await ds.query('VACUUM');
  } else {
    await ds.query(`TRUNCATE TABLE transfer_events`);
    await ds.query(`TRUNCATE TABLE transfers`);
  }
  // One graduate per row, each in their outgoing stage past its 15 days, with its 'submit' event.
  await ds.query(
    `INSERT INTO transfers (id, member_id, open_member_id, status, path, destination, target, outgoing_org_id, target_org_id,
       cross_system, receiver_is_branch, answers, application, started_by_id, started_by_party, stage_entered_at, stage_deadline,
       version, created_at, updated_at)
     SELECT ${id('t-')}, ${id('m-')}, ${id('m-')}, 'pending-outgoing', 'standard', 'employed', 'employer-org', 'branch-1', 'employer-1',
       FALSE, TRUE, '{}', '{}', ${id('m-')}, 'member', '2026-06-16T00:00:00.000Z', '${DEADLINE}', 1, '2026-06-16T00:00:00.000Z', '2026-06-16T00:00:00.000Z'
     FROM ${d.numbers(n)}`,
  );
  await ds.query(
    `INSERT INTO transfer_events (id, transfer_id, seq, at, actor_id, action, to_status)
     SELECT ${id('e-')}, ${id('t-')}, 1, '2026-06-16T00:00:00.000Z', ${id('m-')}, 'submit', 'pending-outgoing' FROM ${d.numbers(n)}`,
  );
  // Both timed runs start from the same state: the fill's dirty pages written out (a checkpoint that
  // fell inside one run and not the other moved the 1M-row ratio by a third).
  if (kind === 'postgres') await ds.query('VACUUM ANALYZE transfers, transfer_events').then(() => ds.query('CHECKPOINT'));
  else if (kind === 'mysql') await ds.query('ANALYZE TABLE transfers, transfer_events');
  else await ds.query('ANALYZE');
}

/** What the sweep's first step does to those rows, as one plain UPDATE: the floor to compare with. */
const RAW_UPDATE = (kind) => `UPDATE transfers SET status = 'pending-incoming', version = version + 1, updated_at = '${NOW}',
  stage_entered_at = '${NOW}', stage_deadline = '2026-08-04T00:00:00.000Z'
  WHERE status = 'pending-outgoing' AND stage_deadline IS NOT NULL AND stage_deadline <= '${NOW}'
    AND path = 'standard' AND cross_system = ${kind === 'postgres' ? 'FALSE' : '0'} AND receiver_is_branch = ${kind === 'postgres' ? 'TRUE' : '1'}`;

async function measure(kind, sizes) {
  const db = await createDatabase(kind, 'sweep');
  try {
    const ds = await migratedDataSource(db.url);
    if (kind !== 'postgres') {
      await ds.query('CREATE TABLE bench_n (g int PRIMARY KEY)');
      const values = Array.from({ length: 1000 }, (_, i) => `(${i + 1})`).join(', ');
      await ds.query(`INSERT INTO bench_n (g) VALUES ${values}`);
    }
    for (const n of sizes) {
      await fill(ds, kind, n);
      let t0 = process.hrtime.bigint();
      const rawCpu0 = databaseCpuMs(kind);
      await ds.query(RAW_UPDATE(kind));
      const rawMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const rawCpu = rawCpu0 === null ? null : databaseCpuMs(kind) - rawCpu0;

      await fill(ds, kind, n);
      await ds.destroy();
      const sweepCpu0 = databaseCpuMs(kind);
      const out = execFileSync(process.execPath, [join(__dirname, 'lib', 'sweep-child.js'), db.url, NOW], { encoding: 'utf8' });
      const run = JSON.parse(out.trim().split('\n').pop());
      const sweepCpu = sweepCpu0 === null ? null : databaseCpuMs(kind) - sweepCpu0;
      await ds.initialize();
      const [{ c }] = await ds.query(`SELECT COUNT(*) AS c FROM transfer_events WHERE action = 'auto-approve'`);
      if (run.report.autoApproved !== n || Number(c) !== n) throw new Error(`sweep approved ${run.report.autoApproved} rows, wrote ${c} events; expected ${n}`);
      console.log(
        `${kind.padEnd(8)} ${String(n).padStart(9)} rows: raw UPDATE ${fmt(rawMs)}   runSweep ${fmt(run.ms)} (${Math.round(n / (run.ms / 1000)).toLocaleString('en')} rows/s)` +
          `   ratio ${(run.ms / rawMs).toFixed(2)}×` +
          (rawCpu && sweepCpu !== null ? `   database CPU ${fmt(rawCpu)} vs ${fmt(sweepCpu)} (${(sweepCpu / rawCpu).toFixed(2)}×)` : '') +
          `   sweep peak RSS ${run.maxRssMb.toFixed(0)} MB`,
      );
    }
    await ds.destroy();
  } finally {
    await db.drop();
  }
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

async function main() {
  ensureApiBuilt();
  console.log(`auto-approval of overdue outgoing stages (sweep now=${NOW}); ratio = runSweep / raw UPDATE, goal ≤ 2× at 1M on PostgreSQL`);
  if (await reachable('postgres')) await measure('postgres', [SMALL, BIG]);
  else console.log('postgres: not reachable, skipped (XJ_BENCH_POSTGRES_URL)');
  if (await reachable('mysql')) await measure('mysql', [SMALL, OTHERS]);
  else console.log('mysql: not reachable, skipped (XJ_BENCH_MYSQL_URL)');
  await measure('sqlite', [SMALL, OTHERS]);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
