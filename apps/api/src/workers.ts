import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { ConfigError, type DatabaseConfig } from './config';

/**
 * How many server processes `npm start` runs (XJ_WORKERS): a number, or `auto` for one per core.
 * Default 1. The API's CPU per request is the limit of one process (issue #13); Node's `cluster`
 * shares the port between workers. SQLite stays at one: its writes are queued inside a process,
 * and two processes writing one file would meet as SQLITE_BUSY instead.
 * Per-process state then counts per worker: the login throttle's window allows N× the attempts
 * (as it already does per cloud-function instance).
 */
export function workerCount(env: NodeJS.ProcessEnv, database: DatabaseConfig): number {
  const raw = (env.XJ_WORKERS ?? '').trim();
  if (database.type === 'sqlite' || raw === '' || raw === '1') return 1;
  if (raw === 'auto') return availableParallelism();
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1) throw new ConfigError(`XJ_WORKERS must be a whole number ≥ 1 or "auto" (got "${raw}")`);
  return Number(raw);
}

/** In the primary: starts `n` workers running `script` and resolves once every one listens. A worker that dies is replaced. */
export function startWorkers(n: number, script: string, log: (m: string) => void): Promise<void> {
  cluster.setupPrimary({ exec: script });
  return new Promise((resolve) => {
    let listening = 0;
    let up = false;
    cluster.on('listening', () => {
      if (!up && ++listening === n) {
        up = true;
        resolve();
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      if (shuttingDown) return;
      log(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
      cluster.fork({ XJ_WORKER: '1' });
    });
    for (let i = 0; i < n; i++) cluster.fork({ XJ_WORKER: '1' });
  });
}

let shuttingDown = false;
/** The primary passes SIGTERM/SIGINT on to its workers and exits when they have. */
export function stopWorkersOnSignal(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      shuttingDown = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
      const left = () => Object.keys(cluster.workers ?? {}).length;
      if (left() === 0) process.exit(0);
      cluster.on('exit', () => left() === 0 && process.exit(0));
    });
  }
}

/** This process is a worker started by startWorkers (it serves; the primary prepared the database). */
export const isWorker = (): boolean => cluster.isWorker && process.env.XJ_WORKER === '1';
