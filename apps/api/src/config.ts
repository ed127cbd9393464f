import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

/**
 * The one place that reads the environment. Everything else receives an AppConfig.
 * Relative paths (SQLite files, the H5 folder) resolve against the repository root so the
 * same variables work from `npm start`, the CLI and the tests.
 */
export type DatabaseConfig =
  | { type: 'sqlite'; path: string } // ':memory:' allowed
  | { type: 'postgres'; url: string; poolSize?: number }
  | { type: 'mysql'; url: string; poolSize?: number };

/** How long to wait for the database before answering 503 instead of hanging. */
export interface DatabaseTimeouts {
  /** Opening a connection (TCP + handshake). */
  connectMs: number;
  /** One query; also PostgreSQL's statement_timeout. */
  queryMs: number;
}

export interface AppConfig {
  env: 'production' | 'development' | 'test';
  port: number;
  database: DatabaseConfig;
  databaseTimeouts: DatabaseTimeouts;
  tokenSecret: string;
  /** Session token lifetime, seconds. */
  tokenTtlSeconds: number;
  /** Where reminder links point (no trailing slash). */
  publicUrl: string;
  /** The built H5 app served at `/`; null when not served (functions, tests). */
  h5Dir: string | null;
  /** Load the demo data set into a new, empty database. */
  seedDemo: boolean;
  /** Serve the OpenAPI docs at /api/docs (off in production unless XJ_API_DOCS=true). */
  apiDocs: boolean;
  notifier: 'log' | 'wechat';
  wechat: { appId: string; appSecret: string; reminderTemplateId: string };
  /**
   * How many proxies in front of the server append to X-Forwarded-For (XJ_TRUST_PROXY, default 0).
   * The caller's address — what the public routes' per-address limits count — is the entry the
   * nearest trusted proxy added; with 0 the header is ignored. Trusting it whole would let a client
   * name any address it likes and step around every per-address limit.
   */
  trustProxyHops: number;
}

export class ConfigError extends Error {}

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const DEFAULT_DATABASE_URL = 'sqlite:data/xianjie.db';

export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const raw = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!raw) throw new ConfigError('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:data/xianjie.db');
    const path = raw === ':memory:' || isAbsolute(raw) ? raw : resolve(REPO_ROOT, raw);
    return { type: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { type: 'postgres', url };
  if (/^(mysql|mariadb):\/\//.test(url)) return { type: 'mysql', url: url.replace(/^mariadb:/, 'mysql:') };
  throw new ConfigError(`DATABASE_URL must start with sqlite:, postgres:// or mysql:// (got "${url.split(':')[0]}:…")`);
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be ${min === 0 ? 'a whole number (0 or more)' : 'a positive integer'}`);
  return n;
}

/**
 * Where the development secret of one database lives: beside a SQLite file, else one file per
 * server and database name. One shared secret would let a token from one demo database log in
 * on another, whose user ids are the same demo ids.
 */
export function localTokenSecretFile(database: DatabaseConfig): string | null {
  if (database.type === 'sqlite') return database.path === ':memory:' ? null : `${database.path}.token-secret`;
  const u = new URL(database.url);
  const identity = `${database.type}://${u.hostname}:${u.port}${u.pathname}`;
  return resolve(REPO_ROOT, 'data', `.token-secret-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`);
}

/** A secret for local use: generated once per database and kept beside its data so tokens survive restarts. */
function localTokenSecret(database: DatabaseConfig): string {
  const file = localTokenSecretFile(database);
  if (!file) return randomBytes(32).toString('hex');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const mode = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const parsed = parseDatabaseUrl(env.DATABASE_URL || DEFAULT_DATABASE_URL);
  // SQLite has one connection whatever is asked; the servers' pools are sized to what one process keeps busy.
  const database: DatabaseConfig = parsed.type === 'sqlite' ? parsed : { ...parsed, poolSize: intVar(env, 'XJ_DB_POOL_SIZE', 10) };
  let tokenSecret = env.XJ_TOKEN_SECRET ?? '';
  if (!tokenSecret) {
    if (mode === 'production') throw new ConfigError('XJ_TOKEN_SECRET is required when NODE_ENV=production');
    tokenSecret = localTokenSecret(database);
  } else if (tokenSecret.length < 32) {
    throw new ConfigError('XJ_TOKEN_SECRET must be at least 32 characters');
  }
  const port = intVar(env, 'PORT', 3000);
  const h5 = env.XJ_H5_DIR ?? 'apps/miniapp/dist/h5';
  const notifier = env.XJ_NOTIFIER === 'wechat' ? 'wechat' : 'log';
  const wechat = {
    appId: env.XJ_WECHAT_APPID ?? '',
    appSecret: env.XJ_WECHAT_SECRET ?? '',
    reminderTemplateId: env.XJ_WECHAT_REMINDER_TEMPLATE ?? '',
  };
  if (notifier === 'wechat' && (!wechat.appId || !wechat.appSecret || !wechat.reminderTemplateId)) {
    throw new ConfigError('XJ_NOTIFIER=wechat needs XJ_WECHAT_APPID, XJ_WECHAT_SECRET and XJ_WECHAT_REMINDER_TEMPLATE');
  }
  return {
    env: mode,
    port,
    database,
    tokenSecret,
    databaseTimeouts: { connectMs: intVar(env, 'XJ_DB_CONNECT_TIMEOUT_MS', 3000), queryMs: intVar(env, 'XJ_DB_QUERY_TIMEOUT_MS', 5000) },
    tokenTtlSeconds: intVar(env, 'XJ_TOKEN_TTL_SECONDS', 12 * 3600),
    publicUrl: (env.XJ_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    h5Dir: h5 === 'none' ? null : isAbsolute(h5) ? h5 : resolve(REPO_ROOT, h5),
    seedDemo: env.XJ_SEED_DEMO !== 'false',
    apiDocs: env.XJ_API_DOCS ? env.XJ_API_DOCS === 'true' : mode !== 'production',
    notifier,
    wechat,
    trustProxyHops: intVar(env, 'XJ_TRUST_PROXY', 0, 0),
  };
}
