// Fresh databases for the benches that drive the API's own code (apps/api/dist) against
// PostgreSQL, MySQL/MariaDB and SQLite. A folder, so bench/run.js does not run it as a benchmark.
const { mkdtempSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..', '..');
const API_DIST = join(ROOT, 'apps', 'api', 'dist');

/** Builds @xianjie/rules and the API when their sources changed since the last build. */
function ensureApiBuilt() {
  const { buildIfStale, RULES, API } = require(join(ROOT, 'scripts', 'build-if-stale'));
  buildIfStale(RULES);
  buildIfStale(API);
}

const api = (path) => require(join(API_DIST, path));

/** The servers to measure on: PostgreSQL and MariaDB on this machine unless told otherwise ('' skips one). */
function servers() {
  const pick = (name, fallback) => (process.env[name] === undefined ? fallback : process.env[name]);
  return {
    postgres: pick('XJ_BENCH_POSTGRES_URL', 'postgres://postgres@127.0.0.1:5432/postgres'),
    mysql: pick('XJ_BENCH_MYSQL_URL', 'mysql://root@127.0.0.1:3306/test'),
  };
}

const withDatabase = (url, name) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** A new empty database of that kind: { kind, url, drop() }. */
async function createDatabase(kind, tag) {
  const name = `xj_bench_${tag}_${process.pid}`;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'xj-bench-'));
    return { kind, url: `sqlite:${join(dir, 'bench.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = servers()[kind];
  if (kind === 'postgres') {
    const { Client } = require('pg');
    const run = async (sql) => {
      const c = new Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await run(`CREATE DATABASE ${name}`);
    return { kind, url: withDatabase(admin, name), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  const { createConnection } = require('mysql2/promise');
  const run = async (sql) => {
    const c = await createConnection(admin);
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  return { kind, url: withDatabase(admin, name), drop: () => run(`DROP DATABASE IF EXISTS ${name}`) };
}

/** An initialised TypeORM DataSource on `url`, schema migrated by the API's own migrations. */
async function migratedDataSource(url, extra = {}) {
  const { parseDatabaseUrl } = api('config.js');
  const { createDataSource, migrate } = api('database/data-source.js');
  const ds = createDataSource({ ...parseDatabaseUrl(url), ...extra });
  await ds.initialize();
  await migrate(ds);
  return ds;
}

/** Whether a server answers at all (the bench skips a kind that is not running, and says so). */
async function reachable(kind) {
  const url = servers()[kind];
  if (!url) return false;
  try {
    if (kind === 'postgres') {
      const { Client } = require('pg');
      const c = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
      await c.connect();
      await c.end();
    } else {
      const { createConnection } = require('mysql2/promise');
      const c = await createConnection({ uri: url, connectTimeout: 2000 });
      await c.end();
    }
    return true;
  } catch {
    return false;
  }
}

/** /proc/<pid>/stat counts CPU time in clock ticks of 1/100 s. */
const TICK_MS = 10;

/**
 * A process's CPU-ms so far from /proc/<pid>/stat (utime + stime; with `reaped`, also cutime + cstime:
 * the children that ended), and its command name; null when the process is gone.
 */
function processCpu(pid, { reaped = false } = {}) {
  let stat;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const close = stat.lastIndexOf(') ');
  const f = stat.slice(close + 2).split(' ');
  const ticks = Number(f[11]) + Number(f[12]) + (reaped ? Number(f[13]) + Number(f[14]) : 0);
  return { comm: stat.slice(stat.indexOf('(') + 1, close), ms: ticks * TICK_MS };
}

/**
 * CPU-ms used so far by the local database server's processes (PostgreSQL's backends, mariadbd), or
 * null when none is visible (a remote server, SQLite). A backend that ended is counted in the
 * postmaster's children's time. CPU time barely moves with what else the machine runs, unlike wall time.
 */
const databaseCpuMs = (kind) => {
  const comm = kind === 'postgres' ? 'postgres' : kind === 'mysql' ? 'mariadbd' : null;
  if (!comm) return null;
  let total = 0;
  let seen = false;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const cpu = processCpu(pid, { reaped: true });
    if (!cpu || !cpu.comm.startsWith(comm)) continue;
    total += cpu.ms;
    seen = true;
  }
  return seen ? total : null;
};
module.exports = { ROOT, API_DIST, api, databaseCpuMs, processCpu, ensureApiBuilt, servers, createDatabase, migratedDataSource, reachable };
