#!/usr/bin/env node
// `npm run bench`: runs every benchmark script in this folder in turn and prints their figures.
// Benchmarks measure; they never fail a build on timing (that is what tests must not do either).
const { readdirSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const only = process.argv.slice(2);
const scripts = readdirSync(__dirname)
  .filter((f) => f.endsWith('.js') && f !== 'run.js')
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const f of scripts) {
  console.log(`\n== ${f} ==`);
  const r = spawnSync(process.execPath, [join(__dirname, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
