// Shared by the function benchmarks (a folder, so bench/run.js does not run it as a benchmark).
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..', '..');
const FUNCTIONS = join(ROOT, 'dist', 'functions');

/** Builds dist/functions when a source is newer than the bundles (or they are missing). */
function ensureBundles() {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-functions.js'), '--if-stale'], { stdio: 'inherit' });
}

/** A fresh SQLite file, migrated and loaded with the demo data by the deploy step's own migrate.js. */
function seededDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'xj-bench-'));
  const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`, XJ_TOKEN_SECRET: 'b'.repeat(48), NODE_ENV: 'production' };
  execFileSync(process.execPath, [join(FUNCTIONS, 'migrate.js'), '--seed-demo'], { env, stdio: 'pipe' });
  return { env, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh PostgreSQL database on `adminUrl`'s server, migrated by migrate.js; dropped by dispose(). */
function postgresDatabase(adminUrl) {
  const name = `xj_bench_${process.pid}`;
  const psql = (sql) => execFileSync(process.execPath, ['-e', `const { Client } = require('pg'); const c = new Client({ connectionString: ${JSON.stringify(adminUrl)} }); c.connect().then(() => c.query(${JSON.stringify(sql)})).then(() => c.end()).catch((e) => { console.error(e.message); process.exit(1); });`], { cwd: ROOT, stdio: 'pipe' });
  psql(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const env = { ...process.env, DATABASE_URL: url.toString(), XJ_TOKEN_SECRET: 'b'.repeat(48), NODE_ENV: 'production' };
  execFileSync(process.execPath, [join(FUNCTIONS, 'migrate.js')], { env, stdio: 'pipe' });
  return { env, dispose: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** An API-gateway event in Tencent SCF's shape. */
function apiEvent(method, path, { body, token, query } = {}) {
  const headers = { host: 'service-xj.gz.apigw.tencentcs.com', 'user-agent': 'bench', 'x-forwarded-for': '10.0.0.1' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  return {
    httpMethod: method,
    path,
    headers,
    queryString: query ?? {},
    queryStringParameters: query ?? {},
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: { serviceId: 'service-xj', path: '/api', httpMethod: 'ANY', requestId: 'bench', sourceIp: '10.0.0.1', stage: 'release', identity: {} },
  };
}

module.exports = { ROOT, FUNCTIONS, ensureBundles, seededDatabase, postgresDatabase, median, percentile, apiEvent };
