import { setFlagsFromString } from 'node:v8';

/** Flags with which whoever started the process chose the optimiser's state themselves. */
const OPTIMIZER_FLAG = /^--(no-)?(turbofan|opt|jitless|max-opt)(=|$)/;

/**
 * Runs a cloud function's start — the bundle's module top levels, Nest's scan and injection, the
 * routes — with V8's optimising compiler (TurboFan) off, and turns it back on after, for the
 * requests. That code runs once: what TurboFan made of it came too late to be used. On a cold
 * start (2026-12-02, V8's function-event log) it optimised Nest's iterator helpers (`iterare`) in
 * two background jobs that finished as the first answer left, and a process that exits waits for
 * them. The same bundle with and without this, 21 alternating runs: 271 → 242 ms, wall and CPU.
 * Sparkplug (the quick baseline compiler) stays on.
 *
 * V8 reads the flag when it decides to optimise, so flipping it at run time takes effect at once;
 * the code cache was already checked against the flags when the program was compiled. A process
 * started with its own optimiser flags (--jitless, --no-turbofan, …) is left as it was.
 */
export async function startWithoutOptimizer<T>(start: () => Promise<T>, flags: string[] = startFlags()): Promise<T> {
  if (flags.some((f) => OPTIMIZER_FLAG.test(f))) return start();
  setFlagsFromString('--no-turbofan');
  try {
    return await start();
  } finally {
    setFlagsFromString('--turbofan');
  }
}

function startFlags(): string[] {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].filter(Boolean);
}
