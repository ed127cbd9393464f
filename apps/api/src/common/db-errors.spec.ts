import { isRetryable, isUniqueViolation, withRetry } from './db-errors';

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
});
