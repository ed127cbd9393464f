import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../src/config';
import { createDataSource, migrate } from '../src/database/data-source';

/**
 * The real databases the e2e suites run on: SQLite always; PostgreSQL and MySQL/MariaDB when
 * XJ_TEST_POSTGRES_URL / XJ_TEST_MYSQL_URL are set. Each suite gets a fresh database, dropped after.
 */
export interface TestDatabase {
  name: 'sqlite' | 'postgres' | 'mysql';
  create(): Promise<{ config: DatabaseConfig; drop(): Promise<void> }>;
}

export const withDatabase = (url: string, db: string): string => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};
export const freshName = () => `xj_test_${randomBytes(5).toString('hex')}`;

/** One statement on a PostgreSQL server's admin database (CREATE / DROP DATABASE), on a connection of its own. */
export async function runOnPostgres(admin: string, sql: string): Promise<void> {
  const { Client } = await import('pg');
  const c = new Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'xj-'));
    return { config: { type: 'sqlite', path: join(dir, 'test.db') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

const postgres = (admin: string): TestDatabase => ({
  name: 'postgres',
  async create() {
    const name = freshName();
    const run = (sql: string) => runOnPostgres(admin, sql);
    await run(`CREATE DATABASE ${name}`);
    return { config: { type: 'postgres', url: withDatabase(admin, name) }, drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  },
});

const mysql = (admin: string): TestDatabase => ({
  name: 'mysql',
  async create() {
    const { createConnection } = await import('mysql2/promise');
    const name = freshName();
    const run = async (sql: string) => {
      const c = await createConnection(admin);
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await run(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    return { config: { type: 'mysql', url: withDatabase(admin, name) }, drop: () => run(`DROP DATABASE IF EXISTS ${name}`) };
  },
});

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [sqlite];
  if (process.env.XJ_TEST_POSTGRES_URL) list.push(postgres(process.env.XJ_TEST_POSTGRES_URL));
  if (process.env.XJ_TEST_MYSQL_URL) list.push(mysql(process.env.XJ_TEST_MYSQL_URL));
  return list;
}

/**
 * Undoes migrations back to and including `name` (later ones first, as a real rollback would), so
 * a test of one migration keeps working when newer ones are added.
 */
export async function undoThrough(ds: DataSource, name: string): Promise<void> {
  for (;;) {
    const [last]: { name: string }[] = await ds.query('SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1');
    if (!last) throw new Error(`migration ${name} was never run`);
    await ds.undoLastMigration({ transaction: 'each' });
    if (last.name === name) return;
  }
}

/**
 * A fresh database of that kind, migrated, for the enclosing describe block (dropped after it):
 * the returned function gives its DataSource inside the tests.
 */
export function useMigratedDatabase(db: TestDatabase): () => DataSource {
  let ds: DataSource | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await db.create();
    drop = created.drop;
    ds = createDataSource(created.config);
    await ds.initialize();
    await migrate(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await drop?.();
  });
  return () => ds!;
}
