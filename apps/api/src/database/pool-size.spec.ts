import { ConfigError, loadConfig } from '../config';
import { dataSourceOptions } from './data-source';

const env = (extra: Record<string, string>) => ({ NODE_ENV: 'test', XJ_TOKEN_SECRET: 'x'.repeat(40), ...extra });

describe('XJ_DB_POOL_SIZE', () => {
  it('sizes the PostgreSQL pool, 10 when unset', () => {
    const pg = (extra: Record<string, string> = {}) =>
      dataSourceOptions(loadConfig(env({ DATABASE_URL: 'postgres://u@h:5432/db', ...extra })).database) as { extra?: { max?: number } };
    expect(pg().extra?.max).toBe(10);
    expect(pg({ XJ_DB_POOL_SIZE: '32' }).extra?.max).toBe(32);
  });

  it('sizes the MySQL pool', () => {
    const options = dataSourceOptions(loadConfig(env({ DATABASE_URL: 'mysql://u@h:3306/db', XJ_DB_POOL_SIZE: '4' })).database) as { extra?: { connectionLimit?: number } };
    expect(options.extra?.connectionLimit).toBe(4);
  });

  it.each(['0', '-3', '2.5', 'many'])('refuses %p', (value) => {
    expect(() => loadConfig(env({ DATABASE_URL: 'postgres://u@h:5432/db', XJ_DB_POOL_SIZE: value }))).toThrow(ConfigError);
  });
});
