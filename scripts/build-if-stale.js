// Builds a workspace only when its last build no longer fits, so `npm start`, `npm run import` and
// `npm run sweep` work on a fresh clone and stay quick afterwards.
//
// A build fits when it was made from these sources *under these settings*. The settings matter as
// much as the sources: `NODE_ENV=development` in a developer's shell made Taro compile React Fast
// Refresh into the H5 app, which the server then served without its runtime (a blank page,
// `$RefreshReg$ is not defined`) and, with only file times compared, kept serving after the
// variable was gone. So a step fixes the environment its build runs with (`env`), and the stamp
// records that plus every variable that reaches the output (`keyVars`); a different record
// means a rebuild. The stamp also records the output's own marker file, so a build written into
// the folder by something else (`npm run dev:h5`) is not taken for the one recorded.
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
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

/**
 * @typedef {{ name: string, workspace: string, inputs: string[], stamp: string, script: string,
 *   env?: Record<string, string>, keyVars?: RegExp, output?: string, needs?: Step[] }} Step
 *  env      variables the build always runs with, whatever the caller's environment says
 *  keyVars  other variables that change the output (their values are part of the build's key)
 *  output   a file the build (re)writes, relative to the root: its mtime ties the stamp to the build
 *  needs    steps built first (what this one compiles against)
 */

/** What a build of `step` under `environment` must have been made with to be reused. */
function buildKey(step, environment) {
  const vars = Object.keys(environment)
    .filter((k) => step.keyVars?.test(k) && !(k in (step.env ?? {})))
    .sort()
    .map((k) => [k, environment[k]]);
  return { env: step.env ?? {}, vars: Object.fromEntries(vars) };
}

/** The stamp's record, or null when there is none or it is not one this script wrote. */
function readStamp(path) {
  try {
    const stamp = JSON.parse(readFileSync(path, 'utf8'));
    return stamp && typeof stamp === 'object' && stamp.key ? stamp : null;
  } catch {
    return null;
  }
}

/** Why `step` must be built now, or null when its last build still fits. */
function staleReason(step, { root = ROOT, environment = process.env } = {}) {
  const stampPath = join(root, step.stamp);
  const stamp = existsSync(stampPath) ? readStamp(stampPath) : null;
  if (!stamp) return 'no record of a previous build';
  if (JSON.stringify(stamp.key) !== JSON.stringify(buildKey(step, environment))) {
    return `built with ${JSON.stringify(stamp.key)}, now ${JSON.stringify(buildKey(step, environment))}`;
  }
  if (step.output) {
    const out = join(root, step.output);
    if (!existsSync(out) || statSync(out).mtimeMs !== stamp.outputMtimeMs) return `${step.output} is not the recorded build`;
  }
  const built = statSync(stampPath).mtimeMs;
  const changed = Math.max(...step.inputs.map((i) => newestMtime(join(root, i))));
  return built > changed ? null : 'sources changed';
}

/** @param {Step} step */
function buildIfStale(step, { root = ROOT, environment = process.env } = {}) {
  // What a step compiles against comes first (its declarations are read from their dist).
  for (const need of step.needs ?? []) buildIfStale(need, { root, environment });
  const reason = staleReason(step, { root, environment });
  if (!reason) return false;
  console.log(`building ${step.name}… (${reason})`);
  const r = spawnSync('npm', ['run', step.script, '-w', step.workspace], {
    cwd: root,
    env: { ...environment, ...step.env },
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    console.error(`building ${step.name} failed`);
    process.exit(r.status ?? 1);
  }
  const outputMtimeMs = step.output && existsSync(join(root, step.output)) ? statSync(join(root, step.output)).mtimeMs : undefined;
  writeFileSync(join(root, step.stamp), `${JSON.stringify({ key: buildKey(step, environment), outputMtimeMs, builtAt: new Date().toISOString() })}\n`);
  return true;
}

const RULES = { name: '@xianjie/rules', workspace: 'libs/rules', inputs: ['libs/rules/src', 'libs/rules/package.json'], stamp: 'libs/rules/dist/.built', script: 'build' };
const CONTRACT = { name: '@xianjie/contract', workspace: 'libs/contract', inputs: ['libs/contract/src', 'libs/contract/package.json', 'libs/rules/src'], stamp: 'libs/contract/dist/.built', script: 'build', needs: [RULES] };
const API = { name: 'the API', workspace: 'apps/api', inputs: ['apps/api/src', 'libs/rules/src', 'libs/contract/src'], stamp: 'apps/api/dist/.built', script: 'build', needs: [RULES, CONTRACT] };
/**
 * The H5 app the server serves: always a production build (minified, split, no dev runtime).
 * Only `TARO_APP_*` variables reach client code (shared/notes/toolchain.md); they are its key.
 */
const H5 = {
  name: 'the H5 app (about half a minute)',
  workspace: 'apps/miniapp',
  inputs: ['apps/miniapp/src', 'apps/miniapp/config', 'apps/miniapp/babel.config.js', 'apps/miniapp/package.json', 'libs/rules/src', 'libs/contract/src'],
  stamp: 'apps/miniapp/dist/h5/.built',
  output: 'apps/miniapp/dist/h5/index.html',
  script: 'build:h5',
  env: { NODE_ENV: 'production' },
  keyVars: /^TARO_APP_/,
};

module.exports = { buildIfStale, staleReason, RULES, CONTRACT, API, H5 };
