/** Timestamps are stored as ISO-8601 UTC strings of fixed width: they sort and compare alike on every database. */
export const iso = (d: Date = new Date()): string => d.toISOString();

/** A clock the tests and the sweep can set. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
