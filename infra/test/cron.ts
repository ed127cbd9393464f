/**
 * The SCF / CloudBase timer cron (7 fields: second minute hour day-of-month month day-of-week year),
 * evaluated in UTC, enough to check what a trigger means: `*`, numbers, lists, ranges and steps.
 */
const FIELDS = [
  { get: (d: Date) => d.getUTCSeconds(), min: 0, max: 59 },
  { get: (d: Date) => d.getUTCMinutes(), min: 0, max: 59 },
  { get: (d: Date) => d.getUTCHours(), min: 0, max: 23 },
  { get: (d: Date) => d.getUTCDate(), min: 1, max: 31 },
  { get: (d: Date) => d.getUTCMonth() + 1, min: 1, max: 12 },
  { get: (d: Date) => d.getUTCDay(), min: 0, max: 6 },
  { get: (d: Date) => d.getUTCFullYear(), min: 1970, max: 2099 },
];

function fieldMatches(expr: string, value: number, min: number, max: number): boolean {
  return expr.split(',').some((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let lo: number;
    let hi: number;
    if (range === '*') [lo, hi] = [min, max];
    else if (range.includes('-')) [lo, hi] = range.split('-').map(Number) as [number, number];
    else [lo, hi] = [Number(range), stepText === undefined ? Number(range) : max];
    if ([lo, hi, step].some((n) => !Number.isInteger(n)) || step < 1) throw new Error(`unsupported cron field "${expr}"`);
    return value >= lo && value <= hi && (value - lo) % step === 0;
  });
}

export function cronMatches(cron: string, at: Date): boolean {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 7) throw new Error(`a timer cron has 7 fields, got ${parts.length}: "${cron}"`);
  return parts.every((p, i) => fieldMatches(p, FIELDS[i].get(at), FIELDS[i].min, FIELDS[i].max));
}
