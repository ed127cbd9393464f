#!/usr/bin/env node
// The weapp production build's size: total, main package and each subpackage, in KB.
// Builds nothing: run `npm run build:weapp -w apps/miniapp` first.
// WeChat refuses a main package over 2 MB (this script then fails); the project's budget is 600 KB.
const { existsSync, readFileSync, readdirSync, statSync } = require('node:fs');
const { join, relative, sep } = require('node:path');

const HARD_LIMIT = 2 * 1024 * 1024;
const BUDGET = 600 * 1024;
const dist = join(__dirname, '..', 'apps', 'miniapp', 'dist', 'weapp');
const appJson = join(dist, 'app.json');

if (!existsSync(appJson)) {
  console.error(`miniapp-size: no weapp build at ${relative(process.cwd(), dist) || dist}`);
  console.error('  build it first: npm run build:weapp -w apps/miniapp');
  process.exit(1);
}

const app = JSON.parse(readFileSync(appJson, 'utf8'));
const roots = (app.subPackages || app.subpackages || []).map((p) => p.root.replace(/\/+$/, ''));

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) yield* files(p);
    else yield { path: relative(dist, p).split(sep).join('/'), size: st.size };
  }
}

// Source maps and licence notes are not uploaded with the package.
const counted = (f) => !f.path.endsWith('.map') && !f.path.endsWith('.LICENSE.txt');
let total = 0;
let main = 0;
const sub = Object.fromEntries(roots.map((r) => [r, 0]));
const biggest = [];
for (const f of files(dist)) {
  if (!counted(f)) continue;
  total += f.size;
  const root = roots.find((r) => f.path === r || f.path.startsWith(`${r}/`));
  if (root) sub[root] += f.size;
  else {
    main += f.size;
    biggest.push(f);
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`weapp total:        ${kb(total)}`);
console.log(`weapp main package: ${kb(main)} (budget ${kb(BUDGET)}, limit ${kb(HARD_LIMIT)})`);
for (const r of roots) console.log(`subpackage ${r}/:`.padEnd(20) + ` ${kb(sub[r])}`);
console.log('largest main-package files:');
for (const f of biggest.sort((a, b) => b.size - a.size).slice(0, 5)) console.log(`  ${kb(f.size).padStart(10)}  ${f.path}`);

if (main > HARD_LIMIT) {
  console.error(`\nFAIL: the main package is ${kb(main)}, over WeChat's 2 MB limit — WeChat will refuse to upload it.`);
  process.exit(1);
}
if (main > BUDGET) console.warn(`\nWARNING: the main package is over the ${kb(BUDGET)} budget.`);
