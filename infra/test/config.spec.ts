import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBundles, FUNCTIONS, nodeRequire, ROOT } from './bundles';
import { cronMatches } from './cron';

/**
 * What can be checked of the deployment without a cloud: the CloudBase configuration parses and
 * points at bundles that exist and export what it names, the timer means "hourly", every variable
 * it sets is one the API reads, and the deploy script migrates before it deploys.
 */
const INFRA = join(ROOT, 'infra');
const rc = JSON.parse(readFileSync(join(INFRA, 'cloudbaserc.json'), 'utf8'));
const { stage, handlerTarget } = nodeRequire(join(INFRA, 'stage.js')) as {
  stage(): { name: string; dir: string; files: string[] }[];
  handlerTarget(h: string): { file: string; exportName: string };
};
const fn = (name: string) => rc.functions.find((f: { name: string }) => f.name === name);

/** The variables config.ts reads (`env.NAME`, `intVar(env, 'NAME', …)`): the only ones worth setting. */
function variablesTheApiReads(): Set<string> {
  const source = readFileSync(join(ROOT, 'apps/api/src/config.ts'), 'utf8');
  const names = [...source.matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g), ...source.matchAll(/intVar\(env, '([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1]);
  return new Set(names);
}

describe('cloudbaserc.json', () => {
  beforeAll(() => ensureBundles(), 180_000);

  it('is a v2 configuration with the API, the sweep and the migration function on Node.js 20', () => {
    expect(rc.version).toBe('2.0');
    expect(rc.envId).toBe('{{env.TCB_ENV_ID}}');
    expect(resolve(INFRA, rc.functionRoot)).toBe(join(ROOT, 'dist', 'cloudbase'));
    expect(rc.functions.map((f: { name: string }) => f.name)).toEqual(['xianjie-api', 'xianjie-sweep', 'xianjie-migrate']);
    for (const f of rc.functions) {
      expect(f.runtime).toBe('Nodejs20.19');
      expect([128, 256, 512, 1024, 2048]).toContain(f.memorySize);
      expect(f.timeout).toBeGreaterThanOrEqual(1);
      expect(f.timeout).toBeLessThanOrEqual(60);
      expect(f.installDependency).toBe(true);
      expect(f.vpc).toEqual({ vpcId: '{{env.XJ_VPC_ID}}', subnetId: '{{env.XJ_SUBNET_ID}}' });
    }
  });

  it('names handlers that the staged bundles export', () => {
    const staged = stage();
    expect(staged.map((s) => s.name)).toEqual(['xianjie-api', 'xianjie-sweep', 'xianjie-migrate']);
    for (const f of rc.functions) {
      const { file, exportName } = handlerTarget(f.handler);
      const dir = staged.find((s) => s.name === f.name)!.dir;
      expect(staged.find((s) => s.name === f.name)!.files).toEqual(expect.arrayContaining([file, 'package.json']));
      const path = join(dir, file);
      delete nodeRequire.cache[path];
      const mod = nodeRequire(path) as Record<string, unknown>;
      expect(typeof mod[exportName]).toBe('function');
    }
    expect(fn('xianjie-api').handler).toBe('http.handler');
    expect(fn('xianjie-sweep').handler).toBe('sweep.handler');
    // The API ships its code cache; the deploy package installs the native password hasher.
    expect(staged[0].files).toContain('http.js.cache');
    const manifest = JSON.parse(readFileSync(join(staged[0].dir, 'package.json'), 'utf8'));
    const api = JSON.parse(readFileSync(join(ROOT, 'apps/api/package.json'), 'utf8'));
    expect(manifest.dependencies).toEqual({ '@node-rs/argon2': api.dependencies['@node-rs/argon2'] });
  });

  it('triggers the sweep hourly with the platform’s 7-field cron', () => {
    const triggers = fn('xianjie-sweep').triggers;
    expect(triggers).toEqual([{ name: 'hourly-sweep', type: 'timer', config: expect.any(String) }]);
    const cron = triggers[0].config as string;
    expect(cron.split(' ')).toHaveLength(7);
    // Every second of two days: it fires exactly at hh:00:00, 48 times.
    const start = Date.UTC(2026, 6, 1);
    const fired: string[] = [];
    for (let t = start; t < start + 2 * 86_400_000; t += 1000) if (cronMatches(cron, new Date(t))) fired.push(new Date(t).toISOString().slice(11, 19));
    expect(fired).toHaveLength(48);
    expect(new Set(fired.map((f) => f.slice(3)))).toEqual(new Set(['00:00']));
    expect(fn('xianjie-api').triggers).toBeUndefined();
  });

  it('sets only variables the API reads, the required ones everywhere, and documents each in env.example', () => {
    const read = variablesTheApiReads();
    expect(read.size).toBeGreaterThan(5);
    for (const f of rc.functions) {
      const vars = f.envVariables as Record<string, string>;
      for (const name of Object.keys(vars)) expect(read).toContain(name);
      expect(vars).toMatchObject({ NODE_ENV: 'production', DATABASE_URL: '{{env.DATABASE_URL}}', XJ_TOKEN_SECRET: '{{env.XJ_TOKEN_SECRET}}', XJ_PUBLIC_URL: '{{env.XJ_PUBLIC_URL}}' });
    }
    const example = readFileSync(join(INFRA, 'env.example'), 'utf8');
    const templated = new Set([...JSON.stringify(rc).matchAll(/\{\{env\.([A-Z0-9_]+)\}\}/g)].map((m) => m[1]));
    for (const name of templated) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});

describe('scf_bootstrap', () => {
  it('is an executable bash script with LF endings that starts web.js on port 9000', () => {
    const file = join(FUNCTIONS, 'scf_bootstrap');
    const text = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o111).toBe(0o111);
    expect(text.startsWith('#!/bin/bash\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(text).toContain('/var/lang/node20/bin/node');
    expect(text).toMatch(/PORT="\$\{PORT:-9000\}"/);
    expect(text).toMatch(/exec "\$NODE" web\.js/);
    expect(statSync(join(FUNCTIONS, 'web.js')).isFile()).toBe(true);
  });
});

describe('infra/deploy.sh', () => {
  it('is valid bash', () => {
    expect(() => execFileSync('bash', ['-n', join(INFRA, 'deploy.sh')])).not.toThrow();
  });

  it('migrates once, before it deploys the API (dry run)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xj-deploy-'));
    try {
      const envFile = join(dir, 'env');
      writeFileSync(envFile, readFileSync(join(INFRA, 'env.example'), 'utf8').replace(/^XJ_TOKEN_SECRET=$/m, `XJ_TOKEN_SECRET=${'s'.repeat(40)}`));
      const run = (...args: string[]) =>
        spawnSync(join(INFRA, 'deploy.sh'), ['--dry-run', ...args], { cwd: ROOT, env: { ...process.env, XJ_DEPLOY_ENV_FILE: envFile }, encoding: 'utf8', timeout: 120_000 });
      const local = run('--seed-demo');
      expect(local.status).toBe(0);
      const lines = local.stdout.split('\n');
      const migrate = lines.findIndex((l) => l.includes('node dist/functions/migrate.js --seed-demo'));
      const api = lines.findIndex((l) => l.includes('fn deploy xianjie-api --force --path /api'));
      const sweep = lines.findIndex((l) => l.includes('fn deploy xianjie-sweep --force'));
      expect(migrate).toBeGreaterThan(-1);
      expect(api).toBeGreaterThan(migrate);
      expect(sweep).toBeGreaterThan(migrate);
      expect(lines.filter((l) => l.includes('node dist/functions/migrate.js'))).toHaveLength(1);
      // after migrating, the API's code cache is retrained on the real database, then staged again
      const retrain = lines.findIndex((l) => l.includes('--code-cache-only --train-database postgres://xianjie:***@'));
      expect(retrain).toBeGreaterThan(migrate);
      expect(api).toBeGreaterThan(retrain);
      expect(local.stdout).not.toContain('CHANGE-ME');

      const cloud = run('--migrate-in-cloud');
      expect(cloud.status).toBe(0);
      expect(cloud.stdout).toMatch(/fn deploy xianjie-migrate[\s\S]*fn invoke xianjie-migrate --params \{"seedDemo": false\}[\s\S]*fn deploy xianjie-api/);
      expect(cloud.stdout).not.toContain('node dist/functions/migrate.js');

      writeFileSync(envFile, readFileSync(envFile, 'utf8').replace(/^XJ_TOKEN_SECRET=.*$/m, 'XJ_TOKEN_SECRET=short'));
      const weak = run();
      expect(weak.status).not.toBe(0);
      expect(weak.stderr).toContain('at least 32 characters');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
