/**
 * Reading driver errors the same way on SQLite, PostgreSQL and MySQL/MariaDB. TypeORM wraps
 * them in QueryFailedError with the driver's own error as `driverError`.
 */
function driverError(e: unknown): { code?: unknown; errno?: unknown } {
  const err = e as { driverError?: { code?: unknown; errno?: unknown }; code?: unknown; errno?: unknown } | null;
  return err?.driverError ?? err ?? {};
}

/** A unique index refused the row: PostgreSQL 23505, MySQL 1062, SQLite SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY. */
export function isUniqueViolation(e: unknown): boolean {
  const { code, errno } = driverError(e);
  return (
    code === '23505' ||
    code === 'ER_DUP_ENTRY' ||
    errno === 1062 ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** Worth running the whole transaction again: a deadlock or a serialisation failure. */
export function isRetryable(e: unknown): boolean {
  const { code, errno } = driverError(e);
  return code === '40001' || code === '40P01' || code === 'ER_LOCK_DEADLOCK' || errno === 1213 || code === 'SQLITE_BUSY';
}

/** Runs `work` again (up to `attempts` times) when the database reports a deadlock. */
export async function withRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      if (i >= attempts || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, 10 * i + Math.floor(Math.random() * 20)));
    }
  }
}
