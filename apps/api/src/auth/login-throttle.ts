/**
 * Login attempts per account within a sliding window. Keyed on the account, not the address:
 * on results day a whole campus logs in from one NAT address and must not be refused.
 * In-memory per process; the lockout after repeated failures lives in the database, so it holds
 * across cloud-function containers.
 */
export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 60_000,
  ) {}

  /** Seconds to wait, or 0 when this attempt may go ahead (and is counted). */
  hit(key: string, nowMs: number): number {
    return this.hitMany(key, 1, nowMs);
  }

  /** `count` attempts at once (a batch's rows): all counted, or none and the seconds to wait. */
  hitMany(key: string, count: number, nowMs: number): number {
    const recent = (this.attempts.get(key) ?? []).filter((t) => nowMs - t < this.windowMs);
    if (recent.length + count > this.limit) {
      this.attempts.set(key, recent);
      const freed = recent[Math.min(recent.length - 1, Math.max(0, recent.length + count - this.limit - 1))];
      return count > this.limit || freed === undefined ? Math.ceil(this.windowMs / 1000) : Math.max(1, Math.ceil((freed + this.windowMs - nowMs) / 1000));
    }
    for (let i = 0; i < count; i++) recent.push(nowMs);
    this.attempts.set(key, recent);
    if (this.attempts.size > 50_000) this.prune(nowMs);
    return 0;
  }

  private prune(nowMs: number): void {
    for (const [key, times] of this.attempts) {
      if (times.every((t) => nowMs - t >= this.windowMs)) this.attempts.delete(key);
    }
  }
}
