import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { ENTITIES, MIGRATIONS } from './entities';

export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: false as const };
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
          conn.pragma('busy_timeout = 5000');
          conn.pragma('foreign_keys = ON');
        },
      };
    case 'postgres':
      return { ...common, type: 'postgres', url: db.url, extra: { max: db.poolSize ?? 10 } };
    case 'mysql':
      return { ...common, type: 'mysql', url: db.url, charset: 'utf8mb4_unicode_ci', timezone: 'Z', extra: { connectionLimit: db.poolSize ?? 10 } };
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
