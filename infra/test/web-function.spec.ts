import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureBundles, FUNCTIONS, FunctionEnv, migratedDatabase } from './bundles';

/** The web-function variant: scf_bootstrap starts web.js, a plain HTTP server (port 9000 on SCF). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<Response> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`scf_bootstrap exited ${child.exitCode}: ${log()}`);
    try {
      return await fetch(url);
    } catch {
      if (Date.now() > deadline) throw new Error(`no answer from ${url}: ${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('scf_bootstrap, the web function', () => {
  let db: FunctionEnv;
  let child: ChildProcess | undefined;

  beforeAll(() => {
    ensureBundles();
    db = migratedDatabase();
  }, 180_000);

  afterAll(() => {
    child?.kill('SIGTERM');
    db?.dispose();
  });

  it('serves the API over HTTP, validation included', async () => {
    const port = await freePort();
    let output = '';
    child = spawn(join(FUNCTIONS, 'scf_bootstrap'), [], { env: { ...db.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const base = `http://127.0.0.1:${port}/api/v1`;
    const health = await waitFor(`${base}/health`, child, () => output);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const bad = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idNumber: '420111200201101019', password: 'x', extra: 1 }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(output).toContain(`listening on :${port}`);
  });
});
