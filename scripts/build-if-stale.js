// Builds a workspace only when its sources are newer than its last build, so `npm start`,
// `npm run import` and `npm run sweep` work on a fresh clone and stay quick afterwards.
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = join(__dirname, '..');
const SKIP = new Set(['node_modules', 'dist', '.swc', 'coverage']);

function newestMtime(path) {
  let newest = 0;
  if (!existsSync(path)) return newest;
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const p = join(path, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** @param {{ name: string, workspace: string, inputs: string[], stamp: string, script: string }} step */
function buildIfStale(step) {
  const stamp = join(ROOT, step.stamp);
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changed = Math.max(...step.inputs.map((i) => newestMtime(join(ROOT, i))));
  if (built > changed) return;
  console.log(`building ${step.name}…`);
  const r = spawnSync('npm', ['run', step.script, '-w', step.workspace], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`building ${step.name} failed`);
    process.exit(r.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

const RULES = { name: '@xianjie/rules', workspace: 'libs/rules', inputs: ['libs/rules/src', 'libs/rules/package.json'], stamp: 'libs/rules/dist/.built', script: 'build' };
const API = { name: 'the API', workspace: 'apps/api', inputs: ['apps/api/src', 'libs/rules/src'], stamp: 'apps/api/dist/.built', script: 'build' };
const H5 = { name: 'the H5 app (about half a minute)', workspace: 'apps/miniapp', inputs: ['apps/miniapp/src', 'apps/miniapp/config', 'libs/rules/src'], stamp: 'apps/miniapp/dist/h5/.built', script: 'build:h5' };

module.exports = { buildIfStale, RULES, API, H5 };
