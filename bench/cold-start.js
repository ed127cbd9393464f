#!/usr/bin/env node
// Cold start of the HTTP cloud function: a fresh `node` process that loads dist/functions/http.js,
// answers one GET /api/v1/health API-gateway event and exits — against an empty `node` process.
// Median of N runs each (XJ_BENCH_RUNS, 21), interleaved so all see the same machine. Target: ≤ 3×. Prints, never fails on timing.
const { spawnSync } = require('node:child_process');
const { copyFileSync, mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { FUNCTIONS, ensureBundles, seededDatabase, postgresDatabase, median, apiEvent } = require('./lib/functions');

const RUNS = Number(process.env.XJ_BENCH_RUNS || 21);

ensureBundles();
const db = seededDatabase();
const bundle = join(FUNCTIONS, 'http.js');
// The same bundle without its V8 code cache beside it (a sibling folder, so node_modules resolve alike).
const bare = join(FUNCTIONS, '..', 'functions-no-code-cache');
mkdirSync(bare, { recursive: true });
copyFileSync(bundle, join(bare, 'http.js'));
const event = JSON.stringify(apiEvent('GET', '/api/v1/health'));
const coldScript = (file) =>
  `require(${JSON.stringify(file)}).handler(${event}, {}).then((r) => { if (r.statusCode !== 200) { console.error(r); process.exit(1); } process.exit(0); }, (e) => { console.error(e); process.exit(1); });`;

function timeRun(args, env = db.env) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`run failed (${r.status}): ${r.stderr || r.stdout}`);
  return ms;
}

// With XJ_TEST_POSTGRES_URL (as in CI), the same cold start on PostgreSQL, the production path.
const pg = process.env.XJ_TEST_POSTGRES_URL ? postgresDatabase(process.env.XJ_TEST_POSTGRES_URL) : null;

try {
  // One unmeasured run of each warms the OS file cache, as a platform's image cache would be.
  timeRun(['-e', '0']);
  timeRun(['-e', coldScript(bundle)]);
  timeRun(['-e', coldScript(join(bare, 'http.js'))]);
  const empty = [];
  const cold = [];
  const noCache = [];
  for (let i = 0; i < RUNS; i++) {
    empty.push(timeRun(['-e', '0']));
    cold.push(timeRun(['-e', coldScript(bundle)]));
    noCache.push(timeRun(['-e', coldScript(join(bare, 'http.js'))]));
  }
  const e = median(empty);
  const c = median(cold);
  const n = median(noCache);
  const range = (xs) => `min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}`;
  console.log(`empty node process                 median ${e.toFixed(1)} ms  (${RUNS} runs, ${range(empty)})`);
  console.log(`http.js cold + health              median ${c.toFixed(1)} ms  (${range(cold)})  ${(c / e).toFixed(2)}×`);
  console.log(`  same, without http.js.cache      median ${n.toFixed(1)} ms  (${range(noCache)})  ${(n / e).toFixed(2)}×`);
  if (pg) {
    const onPg = [];
    for (let i = 0; i < RUNS; i++) onPg.push(timeRun(['-e', coldScript(bundle)], pg.env));
    const p = median(onPg);
    console.log(`  same, on PostgreSQL (TCP, local)  median ${p.toFixed(1)} ms  (${range(onPg)})  ${(p / e).toFixed(2)}×`);
  }
  console.log(`cold-start ratio ${(c / e).toFixed(2)}× (target ≤ 3×; anchors: bundled Nest+TypeORM 6.3×, bundled Nest hello 4.2×)`);
} finally {
  if (pg) pg.dispose();
  db.dispose();
  rmSync(bare, { recursive: true, force: true });
}
