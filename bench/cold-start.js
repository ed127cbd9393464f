#!/usr/bin/env node
// Cold start of the HTTP cloud function: a fresh `node` process that loads dist/functions/http.js,
// answers one GET /api/v1/health API-gateway event and exits — against an empty `node` process.
// Target: ≤ 3× (median of XJ_BENCH_RUNS, 21, runs each). Prints, never fails on timing.
//
// What made the figure wander, and what this does about it:
//  - the machine: every subject runs once per round, in a rotating order, so all see the same
//    load; the load average is printed, and besides wall time each process reports its own CPU
//    time (user + system), which other processes on the machine barely move;
//  - the baseline: the empty process is started exactly as the subjects are (`node -e`, same
//    environment and flags) and exits the same way, reporting the same figures;
//  - the code cache: V8 silently compiles from scratch when it refuses http.js.cache (another Node,
//    other V8 flags). Each run reports whether the cache was used; a refused one is an error here,
//    not a slow figure;
//  - the disk: one unmeasured run of each first, as a platform's image cache would be warm.
const { execFileSync, spawnSync } = require('node:child_process');
const { copyFileSync, mkdirSync, rmSync } = require('node:fs');
const { cpus, loadavg } = require('node:os');
const { join } = require('node:path');
const { ROOT, FUNCTIONS, ensureBundles, seededDatabase, postgresDatabase, median, apiEvent } = require('./lib/functions');

const RUNS = Number(process.env.XJ_BENCH_RUNS || 21);

ensureBundles();
const db = seededDatabase();
const bundle = join(FUNCTIONS, 'http.js');
// The same bundle without its V8 code cache beside it (a sibling folder, so node_modules resolve alike).
const bare = join(FUNCTIONS, '..', 'functions-no-code-cache');
mkdirSync(bare, { recursive: true });
copyFileSync(bundle, join(bare, 'http.js'));
copyFileSync(`${bundle}.program`, join(bare, 'http.js.program'));
const event = JSON.stringify(apiEvent('GET', '/api/v1/health'));
// Every process, the empty one included, ends by printing its own CPU time and the code cache state.
const report = `const u = process.resourceUsage(); process.stdout.write(JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1000, codeCache: globalThis[Symbol.for('xianjie.codeCache')] ?? 'absent' })); process.exit(0);`;
const coldScript = (file) =>
  `require(${JSON.stringify(file)}).handler(${event}, {}).then((r) => { if (r.statusCode !== 200) { console.error(r); process.exit(1); } ${report} }, (e) => { console.error(e); process.exit(1); });`;

// With XJ_TEST_POSTGRES_URL (as in CI), the same cold start on PostgreSQL, the production path.
const pg = process.env.XJ_TEST_POSTGRES_URL ? postgresDatabase(process.env.XJ_TEST_POSTGRES_URL) : null;
// As infra/deploy.sh does with the production database: the code cache retrained on it, so the
// driver's query path is compiled in (without it, the PostgreSQL run compiles ≈ 40 KB of it afresh).
if (pg) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-functions.js'), '--code-cache-only', '--train-database', pg.env.DATABASE_URL], { stdio: 'pipe' });

const subjects = [
  { key: 'empty', label: 'empty node process', script: report, env: db.env, cache: 'absent' },
  { key: 'cold', label: 'http.js cold + health (SQLite)', script: coldScript(bundle), env: db.env, cache: 'used' },
  { key: 'bare', label: '  same, without http.js.cache', script: coldScript(join(bare, 'http.js')), env: db.env, cache: 'absent' },
  ...(pg ? [{ key: 'pg', label: '  same, on PostgreSQL (TCP, local)', script: coldScript(bundle), env: pg.env, cache: 'used' }] : []),
];

function timeRun(s) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', s.script], { env: s.env, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${s.label}: run failed (${r.status}): ${r.stderr || r.stdout}`);
  const { cpu, codeCache } = JSON.parse(r.stdout);
  if (codeCache !== s.cache) throw new Error(`${s.label}: code cache ${codeCache}, expected ${s.cache} — the figure would not be what it claims (${r.stderr.trim()})`);
  return { wall, cpu };
}

try {
  const load = loadavg()[0];
  for (const s of subjects) timeRun(s);
  const results = Object.fromEntries(subjects.map((s) => [s.key, []]));
  for (let i = 0; i < RUNS; i++) {
    for (let j = 0; j < subjects.length; j++) {
      const s = subjects[(i + j) % subjects.length];
      results[s.key].push(timeRun(s));
    }
  }
  const wall = (k) => median(results[k].map((r) => r.wall));
  const cpu = (k) => median(results[k].map((r) => r.cpu));
  const spread = (k) => {
    const xs = results[k].map((r) => r.wall).sort((a, b) => a - b);
    return `${xs[Math.floor(xs.length / 4)].toFixed(0)}–${xs[Math.floor((3 * xs.length) / 4)].toFixed(0)}`;
  };
  const loadNote = (l) => `${l.toFixed(1)} on ${cpus().length} cores`;
  console.log(`${RUNS} interleaved runs each; load average ${loadNote(load)} before, ${loadNote(loadavg()[0])} after`);
  console.log(`${''.padEnd(36)}   wall median (IQR)        CPU median`);
  for (const s of subjects) {
    const ratio = s.key === 'empty' ? '' : `  ${(wall(s.key) / wall('empty')).toFixed(2)}×`;
    const cpuRatio = s.key === 'empty' ? '' : `  ${(cpu(s.key) / cpu('empty')).toFixed(2)}×`;
    console.log(`${s.label.padEnd(36)} ${wall(s.key).toFixed(0).padStart(5)} ms (${spread(s.key).padStart(9)})${ratio.padEnd(8)}  ${cpu(s.key).toFixed(0).padStart(5)} ms${cpuRatio}`);
  }
  if (load > cpus().length || loadavg()[0] > cpus().length) {
    console.log('the machine was busy (load above its cores): wall times wander with it; the CPU-time ratios hold better');
  }
  const ratios = (k) => `${(wall(k) / wall('empty')).toFixed(2)}× (CPU ${(cpu(k) / cpu('empty')).toFixed(2)}×)`;
  console.log(`cold-start ratio ${ratios('cold')}${pg ? `, PostgreSQL ${ratios('pg')}` : ''}; target ≤ 3×`);
} finally {
  if (pg) pg.dispose();
  db.dispose();
  rmSync(bare, { recursive: true, force: true });
}
