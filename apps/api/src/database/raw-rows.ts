import { QueryFailedError, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type QueryRunner } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Plain SQL for the hot paths (every request's caller, a submission), with TypeORM's own column
 * metadata and value conversion. A profile of `POST /transfers` put TypeORM's query building and
 * entity hydration (alias renaming, escaping, result grouping) at about a quarter of the server's
 * CPU; these statements are written once per entity, and rows are converted column by column
 * with the driver's `prepareHydratedValue` / `preparePersistentValue`, exactly as TypeORM would
 * (booleans 1/0 on SQLite and MySQL, true/false on PostgreSQL). Queries still go through the
 * data source's query runner, so its logger sees every statement.
 */
interface Shape {
  columns: ColumnMetadata[];
  create: () => ObjectLiteral;
  table: string;
  /** Statements built for this entity, by a key of their own (they depend only on the driver). */
  sql: Map<string, string>;
}

const shapes = new WeakMap<DataSource, Map<unknown, Shape>>();

function shapeOf(ds: DataSource, entity: EntityTarget<ObjectLiteral>): Shape {
  let byEntity = shapes.get(ds);
  if (!byEntity) shapes.set(ds, (byEntity = new Map()));
  let shape = byEntity.get(entity);
  if (!shape) {
    const meta = ds.getMetadata(entity);
    shape = { columns: meta.columns, create: () => meta.create(), table: meta.tableName, sql: new Map() };
    byEntity.set(entity, shape);
  }
  return shape;
}

/** `$1` on PostgreSQL, `?` on MySQL and SQLite. */
export const placeholder = (ds: DataSource, n: number): string => (ds.options.type === 'postgres' ? `$${n}` : '?');

/** `alias.col AS prefix_col, …` for every column of the entity (the aliases are lower case: PostgreSQL folds them). */
export function selectColumns(ds: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string, prefix = alias): string {
  const shape = shapeOf(ds, entity);
  const key = `select ${alias} ${prefix}`;
  let sql = shape.sql.get(key);
  if (sql === undefined) {
    sql = shape.columns.map((c) => `${alias}.${ds.driver.escape(c.databaseName)} AS ${ds.driver.escape(`${prefix}_${c.databaseName}`)}`).join(', ');
    shape.sql.set(key, sql);
  }
  return sql;
}

/** The entity selected with `selectColumns(…, prefix)` from a raw row, or null when its primary key came back NULL (a left join's miss). */
export function hydrate<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, row: Record<string, unknown>, prefix: string): T | null {
  const { columns, create } = shapeOf(ds, entity as EntityTarget<ObjectLiteral>);
  const out = create();
  for (const c of columns) {
    const value = row[`${prefix}_${c.databaseName}`];
    if (c.isPrimary && (value === null || value === undefined)) return null;
    out[c.propertyName] = ds.driver.prepareHydratedValue(value, c);
  }
  return out as T;
}

/** How many values `insertRow` binds for the entity (the next placeholder's number is this + 1). */
export const columnCount = (ds: DataSource, entity: EntityTarget<ObjectLiteral>): number => shapeOf(ds, entity).columns.length;

/**
 * `INSERT INTO table (every column) VALUES (…)` and the entity's values in that order, as the driver
 * stores them. With `from` (`FROM … WHERE …`), `INSERT … SELECT <the values> FROM …`: the row goes
 * in once per row the source yields — none when a condition no longer holds.
 */
export function insertRow(
  ds: DataSource, entity: EntityTarget<ObjectLiteral>, row: ObjectLiteral, firstPlaceholder = 1, from?: string,
): { sql: string; params: unknown[] } {
  const { columns, table, sql: built } = shapeOf(ds, entity);
  const key = `insert ${firstPlaceholder} ${from ?? ''}`;
  let sql = built.get(key);
  if (sql === undefined) {
    const names = columns.map((c) => ds.driver.escape(c.databaseName)).join(', ');
    const marks = columns.map((_, i) => placeholder(ds, firstPlaceholder + i)).join(', ');
    sql = `INSERT INTO ${ds.driver.escape(table)} (${names}) ${from === undefined ? `VALUES (${marks})` : `SELECT ${marks} ${from}`}`;
    built.set(key, sql);
  }
  return {
    sql,
    params: columns.map((c) => ds.driver.preparePersistentValue(row[c.propertyName] ?? null, c)),
  };
}

const statementNames = new Map<string, string>();
/** Each pooled connection keeps what it prepared: a bound on shapes (the chain's varies with depth) keeps that small. */
const MAX_NAMED = 64;

/**
 * A hot statement (every request's caller, a submission's chain and write): on PostgreSQL a named
 * prepared statement, so each pooled connection parses it once and reuses the plan — the server's
 * log put parse + plan of the caller's five-table join at ~1 ms a request, most of PostgreSQL's
 * time for a submission. Elsewhere, or for a statement of one-off shape, the ordinary `query`.
 * Either way TypeORM's logger sees the statement and a failure is its QueryFailedError (the
 * driver's error as `driverError`, so a unique violation still reads as one).
 */
export async function hotQuery(on: DataSource | EntityManager, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  const ds = 'connection' in on ? on.connection : on;
  if (ds.options.type !== 'postgres') return on.query(sql, params);
  let name = statementNames.get(sql);
  if (!name && statementNames.size < MAX_NAMED) statementNames.set(sql, (name = `xj_hot_${statementNames.size + 1}`));
  if (!name) return on.query(sql, params);
  const inTransaction = 'connection' in on ? on.queryRunner : undefined;
  const runner: QueryRunner = inTransaction ?? ds.createQueryRunner();
  try {
    const client = (await runner.connect()) as { query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }> };
    ds.logger.logQuery(sql, params, runner);
    try {
      return (await client.query({ name, text: sql, values: params })).rows;
    } catch (err) {
      ds.logger.logQueryError(err as Error, sql, params, runner);
      throw new QueryFailedError(sql, params, err as Error);
    }
  } finally {
    if (!inTransaction) await runner.release();
  }
}
