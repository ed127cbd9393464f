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

/** Runs `work` again (up to `attempts` times) when the database reports a deadlock — or whatever else `retryable` names. */
export async function withRetry<T>(work: () => Promise<T>, attempts = 3, retryable: (e: unknown) => boolean = isRetryable): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      if (i >= attempts || !retryable(e)) throw e;
      await new Promise((r) => setTimeout(r, 10 * i + Math.floor(Math.random() * 20)));
    }
  }
}

export const DATABASE_UNAVAILABLE_MESSAGE = '数据库暂时不可用，请稍后重试';

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  // mysql2
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN',
  // PostgreSQL: statement_timeout, shutting down / starting up, too many connections
  '57014', '57P01', '57P02', '57P03', '53300',
  // SQLite: still locked after busy_timeout
  'SQLITE_BUSY',
]);
// node-postgres reports its own timeouts and lost sockets without a code.
const UNREACHABLE_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|Query read timeout|Connection timeout/i;

/**
 * The database cannot answer now (unreachable, timed out, overloaded): the request may succeed
 * later, so it is a 503, not a 500. PostgreSQL's class 08 covers its connection failures.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (const err of [e, (e as { driverError?: unknown } | null)?.driverError]) {
    if (!err || typeof err !== 'object') continue;
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    const message = (err as { message?: unknown }).message;
    if (err instanceof Error && typeof message === 'string' && !('status' in err) && UNREACHABLE_MESSAGES.test(message)) return true;
  }
  return false;
}
