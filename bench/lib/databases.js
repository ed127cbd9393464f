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

/**
 * CPU-ms used so far by the local database server's processes (PostgreSQL's backends, mariadbd; /proc counts
 * in ticks of 1/100 s), or null when none is visible (a remote server, SQLite). CPU time barely moves with
 * what else the machine runs, unlike wall time.
 */
const databaseCpuMs = (kind) => {
  const comm = kind === 'postgres' ? 'postgres' : kind === 'mysql' ? 'mariadbd' : null;
  if (!comm) return null;
  let total = 0;
  let seen = false;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.startsWith(`${pid} (${comm}`)) continue;
      const f = stat.split(') ')[1].split(' ');
      // utime + stime, and cutime + cstime: a backend that ended is counted in the postmaster's children's time.
      total += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10;
      seen = true;
    } catch {
      // a backend that ended meanwhile
    }
  }
  return seen ? total : null;
};
module.exports = { ROOT, API_DIST, api, databaseCpuMs, ensureApiBuilt, servers, createDatabase, migratedDataSource, reachable };
