// Shared by the H5 benchmark: the app as `npm start` builds and serves it, on a throwaway database.
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The flags this machine's Chromium needs (shared/notes/toolchain.md). */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** What `npm start` builds first (in a child: the builder exits its process when a build fails). */
function buildAsNpmStartDoes() {
  const r = spawnSync(process.execPath, ['-e', "const b = require('./scripts/build-if-stale'); b.buildIfStale(b.RULES); b.buildIfStale(b.API); b.buildIfStale(b.H5)"], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error('building the API or the H5 app failed');
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** `node apps/api/dist/main.js` (what `npm start` runs) on a free port and a fresh SQLite file. */
async function startServer() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'xj-bench-h5-'));
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
      XJ_TOKEN_SECRET: randomBytes(32).toString('hex'),
      XJ_PUBLIC_URL: base,
      XJ_H5_DIR: 'apps/miniapp/dist/h5',
      XJ_SEED_DEMO: 'true',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { base, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`the server did not start:\n${stderr}`);
}

module.exports = { ROOT, CHROMIUM, CHROMIUM_ARGS, buildAsNpmStartDoes, startServer };
