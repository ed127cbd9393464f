import { availableParallelism } from 'node:os';
import { ConfigError } from './config';
import { workerCount } from './workers';

describe('XJ_WORKERS', () => {
  const pg = { type: 'postgres' as const, url: 'postgres://x@127.0.0.1/x' };
  it('is one process unless asked', () => {
    expect(workerCount({}, pg)).toBe(1);
    expect(workerCount({ XJ_WORKERS: '3' }, pg)).toBe(3);
    expect(workerCount({ XJ_WORKERS: 'auto' }, { type: 'mysql', url: 'mysql://x' })).toBe(availableParallelism());
  });
  it('keeps SQLite at one process: its writes are queued inside one', () => {
    expect(workerCount({ XJ_WORKERS: '4' }, { type: 'sqlite', path: '/tmp/x.db' })).toBe(1);
  });
  it('refuses what is not a count', () => {
    for (const bad of ['0', '-2', 'two', '1.5', '10000']) expect(() => workerCount({ XJ_WORKERS: bad }, pg)).toThrow(ConfigError);
  });
});
