import { AppError } from './app-error';
import { isDatabaseUnavailable, isRetryable, isUniqueViolation, withRetry } from './db-errors';
import { toErrorBody } from './error.filter';

describe('driver errors', () => {
  it('recognises a unique violation from each driver, wrapped or not', () => {
    expect(isUniqueViolation({ driverError: { code: '23505' } })).toBe(true);
    expect(isUniqueViolation({ driverError: { code: 'ER_DUP_ENTRY', errno: 1062 } })).toBe(true);
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(true);
    expect(isUniqueViolation({ driverError: { code: '23503' } })).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });

  it('retries deadlocks only, a bounded number of times', async () => {
    expect(isRetryable({ driverError: { code: '40P01' } })).toBe(true);
    expect(isRetryable({ driverError: { errno: 1213 } })).toBe(true);
    let calls = 0;
    await expect(withRetry(async () => {
      calls++;
      if (calls < 3) throw { driverError: { code: '40001' } };
      return 'ok';
    })).resolves.toBe('ok');
    calls = 0;
    await expect(withRetry(async () => {
      calls++;
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });

  it('tells an unreachable or timed-out database from a failing query, and answers it 503', () => {
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Query read timeout'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { code: 'PROTOCOL_SEQUENCE_TIMEOUT' } })).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { code: '08006' } })).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { code: '23505' } })).toBe(false);
    expect(isDatabaseUnavailable(new Error('column "x" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(new AppError(409, 'X', 'Connection terminated by the user'))).toBe(false);
    expect(toErrorBody(new Error('Query read timeout'))).toEqual({ status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' } });
  });
});
