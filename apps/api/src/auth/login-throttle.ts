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
    const recent = (this.attempts.get(key) ?? []).filter((t) => nowMs - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent);
      return Math.ceil((recent[0] + this.windowMs - nowMs) / 1000);
    }
    recent.push(nowMs);
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
