import type { GatewayResponse } from '../../apps/api/src/functions/events';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Script } from 'node:vm';

/** Helpers for the specs that drive the built bundles in dist/functions. */
export const ROOT = resolve(__dirname, '..', '..');
export const FUNCTIONS = join(ROOT, 'dist', 'functions');
export const TOKEN_SECRET = 'f'.repeat(48);

/** Builds the bundles unless they are newer than every source (a cold build is ≈ 5 s). */
export function ensureBundles(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-functions.js'), '--if-stale'], { stdio: 'pipe', timeout: 120_000 });
}

/**
 * The process outside jest's sandbox. A test file sees jest's copy of `process` (and of `module`,
 * whose createRequire returns jest's require); the bundles must run as the platform runs them.
 */
export const hostProcess = new Script('process').runInThisContext() as NodeJS.Process & {
  getBuiltinModule(id: 'node:module'): typeof import('node:module');
};

/**
 * Node's own require, not jest's: no transform, no module registry, no coverage instrumentation of
 * 3 MB of library code — and the function's environment is the host process's `env`.
 */
export const nodeRequire = hostProcess.getBuiltinModule('node:module').createRequire(__filename);

/** A bundle loaded anew, as in a new container: its module-level app and connection start empty. */
export function loadBundle<T>(name: 'http' | 'sweep' | 'migrate'): T {
  const path = join(FUNCTIONS, `${name}.js`);
  delete nodeRequire.cache[path];
  return nodeRequire(path) as T;
}

/** Sets the function's environment for the duration of a suite; returns the undo. */
export function useFunctionEnv(env: NodeJS.ProcessEnv): () => void {
  const keys = ['NODE_ENV', 'DATABASE_URL', 'XJ_TOKEN_SECRET', 'XJ_PUBLIC_URL'] as const;
  const before = Object.fromEntries(keys.map((k) => [k, hostProcess.env[k]]));
  for (const k of keys) hostProcess.env[k] = env[k];
  return () => {
    for (const k of keys) {
      if (before[k] === undefined) delete hostProcess.env[k];
      else hostProcess.env[k] = before[k];
    }
  };
}

export interface FunctionEnv {
  env: NodeJS.ProcessEnv;
  dispose(): void;
}

/** A fresh SQLite file migrated (and loaded with the demo data) by the deploy step's migrate.js. */
export function migratedDatabase(opts: { seedDemo?: boolean } = {}): FunctionEnv {
  const dir = mkdtempSync(join(tmpdir(), 'xj-functions-'));
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: `sqlite:${join(dir, 'functions.db')}`,
    XJ_TOKEN_SECRET: TOKEN_SECRET,
    XJ_PUBLIC_URL: 'https://xj.example.cn',
  };
  execFileSync(process.execPath, [join(FUNCTIONS, 'migrate.js'), ...(opts.seedDemo === false ? [] : ['--seed-demo'])], { env, stdio: 'pipe' });
  return { env, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export type GatewayResult = GatewayResponse;

export interface HttpBundle {
  handler(event: unknown, context?: object): Promise<GatewayResult & { warm?: true }>;
  close(): Promise<void>;
}

export interface SweepBundle {
  handler(event: unknown, context?: object): Promise<Record<string, unknown> & { at: string }>;
  close(): Promise<void>;
}

/** The JSON body of a gateway result (decoded when the function base64-encoded it). */
export function json<T = any>(r: GatewayResult): T {
  const text = r.isBase64Encoded ? Buffer.from(r.body, 'base64').toString('utf8') : r.body;
  return JSON.parse(text) as T;
}

/** The Tencent SCF API-gateway trigger event, as the gateway sends it. */
export function tencentEvent(
  method: string,
  path: string,
  opts: { body?: unknown; base64?: boolean; token?: string; query?: Record<string, string | string[]>; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Host: 'service-xj-1250000000.gz.apigw.tencentcs.com',
    'User-Agent': 'Mozilla/5.0 MicroMessenger/8.0.50',
    'X-Forwarded-For': '14.17.22.36',
    'X-Anonymous-Consumer': 'true',
    'X-Api-RequestId': 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    ...(opts.headers ?? {}),
  };
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    const text = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    body = opts.base64 ? Buffer.from(text).toString('base64') : text;
  }
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  return {
    requestContext: {
      serviceId: 'service-xj',
      path: '/api',
      httpMethod: 'ANY',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      identity: {},
      sourceIp: '14.17.22.36',
      stage: 'release',
    },
    headers,
    body,
    isBase64Encoded: opts.base64 === true,
    pathParameters: {},
    queryStringParameters: {},
    headerParameters: {},
    stageVariables: { stage: 'release' },
    path,
    queryString: opts.query ?? {},
    httpMethod: method,
  };
}
