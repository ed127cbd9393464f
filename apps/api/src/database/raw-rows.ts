import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
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

/** `INSERT INTO table (every column) VALUES (…)` and the entity's values in that order, as the driver stores them. */
export function insertRow(ds: DataSource, entity: EntityTarget<ObjectLiteral>, row: ObjectLiteral, firstPlaceholder = 1): { sql: string; params: unknown[] } {
  const { columns, table, sql: built } = shapeOf(ds, entity);
  const key = `insert ${firstPlaceholder}`;
  let sql = built.get(key);
  if (sql === undefined) {
    const names = columns.map((c) => ds.driver.escape(c.databaseName)).join(', ');
    const marks = columns.map((_, i) => placeholder(ds, firstPlaceholder + i)).join(', ');
    sql = `INSERT INTO ${ds.driver.escape(table)} (${names}) VALUES (${marks})`;
    built.set(key, sql);
  }
  return {
    sql,
    params: columns.map((c) => ds.driver.preparePersistentValue(row[c.propertyName] ?? null, c)),
  };
}
