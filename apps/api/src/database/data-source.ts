import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions, Logger } from 'typeorm';
import type { DatabaseConfig, DatabaseTimeouts } from '../config';
import { ENTITIES, MIGRATIONS } from './entities';

const DEFAULT_CONNECT_MS = 3000;

/**
 * @param timeouts the serving app's limits: without them a black-holed database network held
 * requests for 45 s and more. Without `queryMs` (migrations, CLI, sweep) a query may run long.
 */
/**
 * TypeORM logs "slow" queries whatever `logging` says, with their parameters (ID numbers), and a
 * MySQL query timeout counts as slow. Errors reach the error filter, which logs them redacted.
 */
const quietLogger: Logger = { logQuery() {}, logQueryError() {}, logQuerySlow() {}, logSchemaBuild() {}, logMigration() {}, log() {} };

export function dataSourceOptions(db: DatabaseConfig, timeouts?: DatabaseTimeouts): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: false as const, logger: quietLogger };
  const connectMs = timeouts?.connectMs ?? DEFAULT_CONNECT_MS;
  const queryMs = timeouts?.queryMs;
  switch (db.type) {
    case 'sqlite':
      if (db.path !== ':memory:') mkdirSync(dirname(db.path), { recursive: true });
      return {
        ...common,
        type: 'better-sqlite3',
        database: db.path,
        // WAL lets readers go on while the (serialised) writer commits.
        prepareDatabase: (conn: { pragma(s: string): unknown }) => {
          if (db.path !== ':memory:') conn.pragma('journal_mode = WAL');
          // A writer from another process (import, sweep) holds the file lock: wait, then 503.
          conn.pragma(`busy_timeout = ${Math.min(queryMs ?? 5000, 5000)}`);
          conn.pragma('foreign_keys = ON');
        },
      };
    case 'postgres':
      return {
        ...common,
        type: 'postgres',
        url: db.url,
        connectTimeoutMS: connectMs,
        // query_timeout ends the wait on our side (a silent network); statement_timeout frees the server.
        extra: { max: db.poolSize ?? 10, keepAlive: true, ...(queryMs ? { query_timeout: queryMs, statement_timeout: queryMs } : {}) },
      };
    case 'mysql':
      return {
        ...common,
        type: 'mysql',
        url: db.url,
        charset: 'utf8mb4_unicode_ci',
        timezone: 'Z',
        connectTimeout: connectMs,
        ...(queryMs ? { enableQueryTimeout: true, maxQueryExecutionTime: queryMs } : {}),
        extra: { connectionLimit: db.poolSize ?? 10, enableKeepAlive: true },
      };
  }
}

export function createDataSource(db: DatabaseConfig): DataSource {
  return new DataSource(dataSourceOptions(db));
}

/** Bring the schema up to date. Used by `npm start`, import, sweep and the deploy step — never at cold start. */
export async function migrate(ds: DataSource): Promise<string[]> {
  const ran = await ds.runMigrations({ transaction: 'each' });
  return ran.map((m) => m.name);
}

/**
 * mysql2 answers a query timeout to the caller but leaves the query as the connection's current
 * command, so the next query on that pooled connection waits behind it for a minute. A connection
 * released while its command is still running is destroyed instead of reused.
 */
export function dropStuckMysqlConnections(ds: DataSource): void {
  const pool = (ds.driver as unknown as { pool?: { on?(event: string, fn: (conn: MysqlPoolConnection) => void): void } }).pool;
  if (ds.options.type !== 'mysql' || typeof pool?.on !== 'function') return;
  pool.on('release', (conn) => {
    if (conn._command) conn.destroy();
  });
}

interface MysqlPoolConnection {
  _command: unknown;
  destroy(): void;
}
