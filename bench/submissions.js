#!/usr/bin/env node
// Submissions per second (issue #13): POST /api/v1/transfers through the server `npm start` runs
// (apps/api/dist/main.js, its own process) at C concurrent clients, each a graduate submitting their
// own transfer, against the bare driver inserting the same rows (the transfer and its first event,
// one transaction each, same concurrency, same pool size) — in the same run, on a database built
// for it with ≥ 2,000 graduates. Tokens are signed directly: login is not what this measures.
// Prints both rates, their ratio and the server's CPU-ms per submission; never fails on timing.
// XJ_BENCH_NODE_ARGS passes flags to the server process (e.g. "--cpu-prof --cpu-prof-dir=/tmp").
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const http = require('node:http');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { API_DIST, createDatabase, ensureApiBuilt, migratedDataSource, reachable } = require('./lib/databases');

const MEMBERS = Number(process.env.XJ_BENCH_MEMBERS || 2000);
const WARMUP = 200;
const CONCURRENCY = Number(process.env.XJ_BENCH_CONCURRENCY || 32);
const POOL = Number(process.env.XJ_DB_POOL_SIZE || 10);
const SECRET = randomBytes(32).toString('hex');
const BRANCH = 'chutian-cs-2201';
const BODY = JSON.stringify({ answers: { destination: 'employed', employerHasLeagueOrg: true }, targetOrgId: 'dongfeng' });
const TICK_MS = 10; // /proc/<pid>/stat counts CPU time in clock ticks of 1/100 s

const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
};

/** Runs `work(i)` for i in [from, to) with `c` in flight at a time; returns seconds taken. */
async function concurrently(from, to, c, work) {
  let next = from;
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: c }, async () => {
    while (next < to) await work(next++);
  }));
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function startServer(url, port) {
  const env = { ...process.env, DATABASE_URL: url, PORT: String(port), XJ_H5_DIR: 'none', NODE_ENV: 'production', XJ_TOKEN_SECRET: SECRET, XJ_SEED_DEMO: 'true', XJ_DB_POOL_SIZE: String(POOL) };
  const child = spawn(process.execPath, [...(process.env.XJ_BENCH_NODE_ARGS ? process.env.XJ_BENCH_NODE_ARGS.split(' ') : []), join(API_DIST, 'main.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('is up')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before it was up:\n${out}`)));
  });
}

/** The bench's graduates, in the demo's class branch, already flagged as graduates (entity property names). */
async function addGraduates(ds, n) {
  const at = new Date().toISOString();
  for (let from = 0; from < n; from += 500) {
    const ids = Array.from({ length: Math.min(500, n - from) }, (_, k) => from + k);
    await ds.createQueryBuilder().insert().into('people').values(ids.map((i) => ({
      id: `bench-${i}`, name: `压测${i}`, idNumber: `B${String(i).padStart(17, '0')}`, phone: `170${String(i).padStart(8, '0')}`,
      passwordHash: null, mustChangePassword: false, failedLogins: 0, tokenVersion: 0, createdAt: at,
    }))).execute();
    await ds.createQueryBuilder().insert().into('memberships').values(ids.map((i) => ({
      personId: `bench-${i}`, orgId: BRANCH, place: 'branch', graduationYear: 2026, graduatingOrgId: BRANCH,
      isGraduate: true, isLeagueMember: true, updatedAt: at,
    }))).execute();
  }
}

async function apiRate(port, pid) {
  const jwt = require('jsonwebtoken');
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const token = (i) => jwt.sign({ sub: `bench-${i}`, ver: 0, sid: `bench-${i}` }, SECRET, { algorithm: 'HS256', expiresIn: 3600 });
  const submit = (i) => new Promise((resolve, reject) => {
    const req = http.request({ agent, port, host: '127.0.0.1', method: 'POST', path: '/api/v1/transfers', headers: { 'content-type': 'application/json', authorization: `Bearer ${token(i)}` } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`POST /transfers bench-${i}: ${res.statusCode} ${body.slice(0, 300)}`))));
    });
    req.on('error', reject);
    req.end(BODY);
  });
  await concurrently(0, WARMUP, CONCURRENCY, submit);
  const cpu0 = cpuMs(pid);
  const seconds = await concurrently(WARMUP, WARMUP + MEMBERS, CONCURRENCY, submit);
  const cpu = cpuMs(pid) - cpu0;
  agent.destroy();
  return { rate: MEMBERS / seconds, cpuMsPer: cpu / MEMBERS };
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
    const s = await concurrently(WARMUP, WARMUP + MEMBERS, CONCURRENCY, insert);
    await pool.end();
    return MEMBERS / s;
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
    const s = await concurrently(WARMUP, WARMUP + MEMBERS, CONCURRENCY, insert);
    await pool.end();
    return MEMBERS / s;
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
  return MEMBERS / s;
}

async function measure(kind, port) {
  const db = await createDatabase(kind, 'submit');
  let server;
  try {
    server = await startServer(db.url, port); // migrates and loads the demo tree, as `npm start` does
    const ds = await migratedDataSource(db.url);
    await addGraduates(ds, WARMUP + MEMBERS);
    const api = await apiRate(port, server.pid);
    const [template] = await ds.query(`SELECT * FROM transfers WHERE member_id = 'bench-0'`);
    const [event] = await ds.query(`SELECT * FROM transfer_events WHERE transfer_id = '${template.id}'`);
    const [{ n }] = await ds.query(`SELECT COUNT(*) AS n FROM transfers WHERE member_id LIKE 'bench-%'`);
    if (Number(n) !== WARMUP + MEMBERS) throw new Error(`expected ${WARMUP + MEMBERS} transfers, found ${n}`);
    await ds.destroy();
    const raw = await rawRate(kind, db.url, template, event);
    console.log(
      `${kind.padEnd(8)} API ${api.rate.toFixed(0).padStart(5)} submissions/s   raw driver ${raw.toFixed(0).padStart(5)}/s   ratio ${(api.rate / raw).toFixed(2)}` +
        `   server CPU ${api.cpuMsPer.toFixed(2)} ms/submission`,
    );
  } finally {
    if (server) {
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
    }
    await db.drop();
  }
}

async function main() {
  ensureApiBuilt();
  console.log(`POST /api/v1/transfers, ${MEMBERS} graduates after ${WARMUP} warm-up, ${CONCURRENCY} concurrent clients, pool ${POOL}; goal: API ≥ 0.6× raw on PostgreSQL`);
  let port = 39100 + (process.pid % 500);
  for (const kind of ['postgres', 'mysql', 'sqlite']) {
    if (kind !== 'sqlite' && !(await reachable(kind))) {
      console.log(`${kind}: not reachable, skipped`);
      continue;
    }
    await measure(kind, port++);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
