import { execFileSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { startWithoutOptimizer } from './optimizer';

jest.mock('node:v8', () => ({ setFlagsFromString: jest.fn() }));
const setFlags = setFlagsFromString as jest.MockedFunction<typeof setFlagsFromString>;

describe('startWithoutOptimizer', () => {
  beforeEach(() => setFlags.mockClear());

  it('turns TurboFan off for the start and back on once it is done', async () => {
    const seen: string[][] = [];
    const app = await startWithoutOptimizer(async () => {
      seen.push(setFlags.mock.calls.map((c) => c[0]));
      return 'app';
    }, []);
    expect(app).toBe('app');
    expect(seen).toEqual([['--no-turbofan']]);
    expect(setFlags.mock.calls.map((c) => c[0])).toEqual(['--no-turbofan', '--turbofan']);
  });

  it('turns it back on when the start fails, and the failure still reaches the caller', async () => {
    await expect(startWithoutOptimizer(() => Promise.reject(new Error('database unreachable')), [])).rejects.toThrow('database unreachable');
    expect(setFlags.mock.calls.map((c) => c[0])).toEqual(['--no-turbofan', '--turbofan']);
  });

  it.each([['--jitless'], ['--no-turbofan'], ['--turbofan'], ['--no-opt'], ['--max-opt=2']])('leaves a process started with %s as it was', async (flag) => {
    await expect(startWithoutOptimizer(async () => 1, ['--max-old-space-size=512', flag])).resolves.toBe(1);
    expect(setFlags).not.toHaveBeenCalled();
  });

  it('is not fooled by flags that only share a prefix', async () => {
    await startWithoutOptimizer(async () => 1, ['--optimize-for-size', '--turbofan-stats']);
    expect(setFlags).toHaveBeenCalledTimes(2);
  });
});

describe('the flag it flips, in this Node', () => {
  // The mechanism itself, in a process of its own (no mock): flipped at run time, the flag stops
  // and restarts optimisation. If a Node upgrade renamed or froze it, this fails.
  it('keeps a hot function unoptimised while off, and optimises it once on again', () => {
    const script = `
      const v8 = require('node:v8');
      function hot(n) { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s; }
      const optimised = () => (%GetOptimizationStatus(hot) & 16) !== 0;
      const run = () => { for (let k = 0; k < 2000; k++) hot(2000); };
      v8.setFlagsFromString('--no-turbofan');
      run();
      const off = optimised();
      v8.setFlagsFromString('--turbofan');
      run();
      console.log(JSON.stringify({ off, on: optimised() }));`;
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--no-concurrent-recompilation', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ off: false, on: true });
  });
});
