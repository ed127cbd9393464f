#!/usr/bin/env node
// Submissions per second (issue #13): POST /api/v1/transfers through the server `npm start` runs
// (apps/api/dist/main.js, its own process) at C concurrent clients, each a graduate submitting their
// own transfer, against the bare driver inserting the same rows (the transfer and its first event,
// one transaction each, same concurrency, same pool size) — in the same run, on a database built
// for it with ≥ 2,000 graduates. Tokens are signed directly, before the clock starts: login is not
// what this measures. Prints both rates, their ratio and the server's CPU-ms per submission (all its
// processes) and, when the database runs on this machine, its processes' CPU-ms per submission for
// both, and the bench's own CPU per submission (the HTTP client; the bare driver); and the load
// average; never fails on timing. The first API figure is one process,
// what `npm start` runs by default; XJ_BENCH_WORKERS=N adds one with N processes (XJ_WORKERS).
// XJ_BENCH_NODE_ARGS passes flags to the server process (e.g. "--cpu-prof --cpu-prof-dir=/tmp");
// XJ_BENCH_KINDS=postgres (comma-separated) measures only those databases.
const http = require('node:http');
const { readFileSync } = require('node:fs');
const { cpus, loadavg } = require('node:os');
const { createDatabase, databaseCpuMs, ensureApiBuilt, migratedDataSource, processCpu, reachable } = require('./lib/databases');
const { startServer, stopServer, tokenFor } = require('./lib/api-server');

const MEMBERS = Number(process.env.XJ_BENCH_MEMBERS || 2000);
const WARMUP = 200;
const CONCURRENCY = Number(process.env.XJ_BENCH_CONCURRENCY || 32);
const POOL = Number(process.env.XJ_DB_POOL_SIZE || 10);
const BRANCH = 'chutian-cs-2201';
const BODY = JSON.stringify({ answers: { destination: 'employed', employerHasLeagueOrg: true }, targetOrgId: 'dongfeng' });

/** CPU time of the server: the process and, with XJ_WORKERS, its worker processes. */
const cpuMs = (pid) => {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return processCpu(pid).ms + children.reduce((sum, c) => sum + cpuMs(c), 0);
};

const perRow = (before, after, n) => (before === null || after === null ? null : (after - before) / n);
const dbCpuText = (ms) => (ms === null ? '' : `   database CPU ${ms.toFixed(2)} ms`);

/**
 * The timed part of a run (the MEMBERS submissions or row pairs after the warm-up) and what it cost
 * per row: the database's CPU (local server) and this process's own — the bench's HTTP client, or
 * the bare driver.
 */
async function timed(kind, work) {
  const db0 = databaseCpuMs(kind);
  const own0 = process.cpuUsage();
  const seconds = await concurrently(WARMUP, WARMUP + MEMBERS, CONCURRENCY, work);
  const own = process.cpuUsage(own0);
  return { rate: MEMBERS / seconds, dbMsPer: perRow(db0, databaseCpuMs(kind), MEMBERS), ownMsPer: (own.user + own.system) / 1000 / MEMBERS };
}

/** Runs `work(i)` for i in [from, to) with `c` in flight at a time; returns seconds taken. */
async function concurrently(from, to, c, work) {
  let next = from;
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: c }, async () => {
    while (next < to) await work(next++);
  }));
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** The bench's graduates, in the demo's class branch, already flagged as graduates (entity property names). */
async function addGraduates(ds, n, prefix, tag) {
  const at = new Date().toISOString();
  for (let from = 0; from < n; from += 500) {
    const ids = Array.from({ length: Math.min(500, n - from) }, (_, k) => from + k);
    await ds.createQueryBuilder().insert().into('people').values(ids.map((i) => ({
      id: `${prefix}${i}`, name: `压测${i}`, idNumber: `B${tag}${String(i).padStart(16, '0')}`, phone: `17${tag}${String(i).padStart(8, '0')}`,
      passwordHash: null, mustChangePassword: false, failedLogins: 0, tokenVersion: 0, createdAt: at,
    }))).execute();
    await ds.createQueryBuilder().insert().into('memberships').values(ids.map((i) => ({
      personId: `${prefix}${i}`, orgId: BRANCH, place: 'branch', graduationYear: 2026, graduatingOrgId: BRANCH,
      isGraduate: true, isLeagueMember: true, updatedAt: at,
    }))).execute();
  }
}

async function apiRate(kind, port, pid, prefix) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  // Signed before the clock starts: the bench client shares the machine's cores with the server.
  const tokens = Array.from({ length: WARMUP + MEMBERS }, (_, i) => tokenFor(`${prefix}${i}`));
  const submit = (i) => new Promise((resolve, reject) => {
    const req = http.request({ agent, port, host: '127.0.0.1', method: 'POST', path: '/api/v1/transfers', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`POST /transfers ${prefix}${i}: ${res.statusCode} ${body.slice(0, 300)}`))));
    });
    req.on('error', reject);
    req.end(BODY);
  });
  const run = await onServer(kind, pid, submit);
  const floor = await onServer(kind, pid, health(agent, port));
  agent.destroy();
  return { ...run, floor };
}

/** A warm-up, then the timed part (see `timed`) with the server's own CPU per row over it too. */
async function onServer(kind, pid, work) {
  await concurrently(0, WARMUP, CONCURRENCY, work);
  const cpu0 = cpuMs(pid);
  const run = await timed(kind, work);
  return { ...run, cpuMsPer: (cpuMs(pid) - cpu0) / MEMBERS };
}

/**
 * What the server costs a request before any of the API's own work: GET /api/v1/health (no token, no
 * database, a two-field answer) through the same HTTP, Fastify, Nest and hardening layers, with the
 * same client at the same concurrency. The submission's server CPU can go no lower than this.
 */
function health(agent, port) {
  return () => new Promise((resolve, reject) => {
    const req = http.request({ agent, port, host: '127.0.0.1', method: 'GET', path: '/api/v1/health' }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`GET /health: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The same rows as the API wrote (copied from one of them, new ids), by the bare driver. */
async function rawRate(kind, url, template, event) {
  const row = (i) => ({ ...template, id: `raw-t-${i}`, member_id: `raw-${i}`, open_member_id: `raw-${i}`, started_by_id: `raw-${i}` });
  const ev = (i) => ({ ...event, id: `raw-e-${i}`, transfer_id: `raw-t-${i}`, actor_id: `raw-${i}` });
  const cols = Object.keys(template);
  const ecols = Object.keys(event);
  const sql = (table, columns, mark) => `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, k) => mark(k)).join(', ')})`;
  const values = (o, columns) => columns.map((c) => o[c]);
  if (kind === 'postgres') {
    const { Pool } = require('pg');
    const pool = new Pool({ connectionString: url, max: POOL });
    const [ts, es] = [sql('transfers', cols, (k) => `$${k + 1}`), sql('transfer_events', ecols, (k) => `$${k + 1}`)];
    const insert = async (i) => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query(ts, values(row(i), cols));
        await c.query(es, values(ev(i), ecols));
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    };
    await concurrently(0, WARMUP, CONCURRENCY, insert);
    const run = await timed(kind, insert);
    await pool.end();
    return run;
  }
  if (kind === 'mysql') {
    const { createPool } = require('mysql2/promise');
    const pool = createPool({ uri: url, connectionLimit: POOL });
    const [ts, es] = [sql('transfers', cols, () => '?'), sql('transfer_events', ecols, () => '?')];
    const insert = async (i) => {
      const c = await pool.getConnection();
      try {
        await c.beginTransaction();
        await c.query(ts, values(row(i), cols));
        await c.query(es, values(ev(i), ecols));
        await c.commit();
      } finally {
        c.release();
      }
    };
    await concurrently(0, WARMUP, CONCURRENCY, insert);
    const run = await timed(kind, insert);
    await pool.end();
    return run;
  }
  // SQLite: one writer whatever the concurrency, like the API's own write queue.
  const Database = require('better-sqlite3');
  const db = new Database(url.slice('sqlite:'.length));
  db.pragma('journal_mode = WAL');
  const [ti, ei] = [db.prepare(sql('transfers', cols, () => '?')), db.prepare(sql('transfer_events', ecols, () => '?'))];
  const insert = db.transaction((i) => {
    ti.run(values(row(i), cols));
    ei.run(values(ev(i), ecols));
  });
  for (let i = 0; i < WARMUP; i++) insert(i);
  const s = await concurrently(WARMUP, WARMUP + MEMBERS, 1, async (i) => insert(i));
  db.close();
  return { rate: MEMBERS / s, dbMsPer: null };
}

/** The API at each worker count (1 first: what `npm start` runs by default), then the bare driver, on one fresh database. */
async function measure(kind, port, workerCounts) {
  const db = await createDatabase(kind, 'submit');
  const results = [];
  let template;
  let event;
  try {
    for (const workers of workerCounts) {
      const prefix = `bench-w${workers}-`;
      // migrates and loads the demo tree, as `npm start` does
      const server = await startServer(db.url, port++, { XJ_DB_POOL_SIZE: String(POOL), XJ_WORKERS: String(workers) });
      try {
        const ds = await migratedDataSource(db.url);
        await addGraduates(ds, WARMUP + MEMBERS, prefix, workers % 10);
        results.push({ workers, ...(await apiRate(kind, port - 1, server.pid, prefix)) });
        [template] = await ds.query(`SELECT * FROM transfers WHERE member_id = '${prefix}0'`);
        [event] = await ds.query(`SELECT * FROM transfer_events WHERE transfer_id = '${template.id}'`);
        const [{ n }] = await ds.query(`SELECT COUNT(*) AS n FROM transfers WHERE member_id LIKE '${prefix}%'`);
        if (Number(n) !== WARMUP + MEMBERS) throw new Error(`expected ${WARMUP + MEMBERS} transfers, found ${n}`);
        await ds.destroy();
      } finally {
        await stopServer(server);
      }
    }
    const raw = await rawRate(kind, db.url, template, event);
    if (raw.dbMsPer !== null) console.log(`${kind.padEnd(8)} raw driver: database CPU ${raw.dbMsPer.toFixed(2)} ms a row pair, the driver's own (Node) CPU ${raw.ownMsPer.toFixed(2)} ms`);
    for (const api of results) {
      const label = api.workers === 1 ? '1 process (npm start default)' : `${api.workers} worker processes (XJ_WORKERS=${api.workers})`;
      console.log(
        `${kind.padEnd(8)} floor: GET /api/v1/health (no token, no database) ${api.floor.rate.toFixed(0)}/s, server CPU ${api.floor.cpuMsPer.toFixed(2)} ms/request, ` +
          `bench client CPU ${api.floor.ownMsPer.toFixed(2)} ms   ${label}`,
      );
      console.log(
        `${kind.padEnd(8)} API ${api.rate.toFixed(0).padStart(5)} submissions/s   raw driver ${raw.rate.toFixed(0).padStart(5)}/s   ratio ${(api.rate / raw.rate).toFixed(2)}` +
          `   server CPU ${api.cpuMsPer.toFixed(2)} ms/submission${dbCpuText(api.dbMsPer)}   bench client CPU ${api.ownMsPer.toFixed(2)} ms   ${label}`,
      );
    }
  } finally {
    await db.drop();
  }
}

async function main() {
  ensureApiBuilt();
  console.log(`POST /api/v1/transfers, ${MEMBERS} graduates after ${WARMUP} warm-up, ${CONCURRENCY} concurrent clients, pool ${POOL} per process; goal: API ≥ 0.6× raw on PostgreSQL`);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  let port = 39100 + (process.pid % 500);
  // XJ_BENCH_WORKERS=2 also measures the API with 2 server processes (SQLite always runs one).
  const extra = Number(process.env.XJ_BENCH_WORKERS || 1);
  const kinds = process.env.XJ_BENCH_KINDS ? process.env.XJ_BENCH_KINDS.split(',') : ['postgres', 'mysql', 'sqlite'];
  for (const kind of kinds) {
    if (kind !== 'sqlite' && !(await reachable(kind))) {
      console.log(`${kind}: not reachable, skipped`);
      continue;
    }
    const counts = kind === 'sqlite' || extra <= 1 ? [1] : [1, extra];
    await measure(kind, port, counts);
    port += counts.length;
  }
}

main().then(() => console.log(`load average after ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)).catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
