// The API as `npm start` runs it (apps/api/dist/main.js, its own process, production mode, the demo
// tree seeded), on a bench's own database, and tokens for it signed directly: login is never what a
// bench measures. A folder, so bench/run.js does not run it as a benchmark.
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { join } = require('node:path');
const { API_DIST } = require('./databases');

const SECRET = randomBytes(32).toString('hex');

/** Resolves with the child process once it says it is up; `env` adds to (or overrides) the server's environment. */
function startServer(url, port, env = {}) {
  const serverEnv = { ...process.env, DATABASE_URL: url, PORT: String(port), XJ_H5_DIR: 'none', NODE_ENV: 'production', XJ_TOKEN_SECRET: SECRET, XJ_SEED_DEMO: 'true', ...env };
  const child = spawn(process.execPath, [...(process.env.XJ_BENCH_NODE_ARGS ? process.env.XJ_BENCH_NODE_ARGS.split(' ') : []), join(API_DIST, 'main.js')], { env: serverEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('is up')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before it was up:\n${out}`)));
  });
}

async function stopServer(child) {
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
}

/** A session token for that person, as login would issue (token version 0: a fresh account). */
function tokenFor(personId) {
  const jwt = require('jsonwebtoken');
  return jwt.sign({ sub: personId, ver: 0, sid: personId }, SECRET, { algorithm: 'HS256', expiresIn: 3600 });
}

module.exports = { startServer, stopServer, tokenFor };
