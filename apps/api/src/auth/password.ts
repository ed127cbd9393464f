import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** The rule lives in libs/rules so the phone shows and pre-checks the same one. */
export { passwordProblem } from '@xianjie/rules';

/**
 * Hashing behind a provider, so a test can see how much password work a request does.
 * Every login attempt verifies exactly one argon2 hash — a dummy one when the account does not
 * exist or still has its initial password — so the answer takes the same time either way.
 */
@Injectable()
export class PasswordHasher {
  private dummy: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return hash(password);
  }

  verify(stored: string, password: string): Promise<boolean> {
    return verify(stored, password).catch(() => false);
  }

  /** Spends one verification's time on a hash of nothing anybody knows. */
  async burn(password: string): Promise<void> {
    this.dummy ??= hash(`no-such-account-${Math.random()}`);
    await this.verify(await this.dummy, password);
  }
}
