import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResult } from '@xianjie/contract';
import { Clock, iso } from '../common/time';
import { Database } from '../database/database.service';
import { Actor, grantViews } from './actor';
import { loadPerson } from './actor-query';
import { accountLocked, badCredentials, passwordChangedMeanwhile, tooManyAttempts, weakPassword, wrongOldPassword } from './auth.errors';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher, passwordProblem } from './password';
import { Person } from './person.entity';
import { isTokenPayload, TokenPayload } from './token';

const LOCK_AFTER_FAILURES = 5;
const LOCK_MINUTES = 15;
/** Not locked now (`:now`, an ISO string like the column's). */
const UNLOCKED = '(locked_until IS NULL OR locked_until <= :now)';

const digest = (s: string) => createHash('sha256').update(s).digest();

@Injectable()
export class AuthService {
  /** Shared by login and change-password's old-password check: both guess the same secret. */
  private readonly throttle = new LoginThrottle();

  constructor(
    private readonly db: Database,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
  ) {}

  async login(idNumber: string, password: string): Promise<LoginResult> {
    const key = idNumber.toUpperCase();
    this.throttled(key);
    const found = await loadPerson(this.db.manager, { idNumber: key });
    if (!found) {
      // Same work as for a real account, so the answer's timing does not tell whether it exists.
      await this.hasher.burn(password);
      throw badCredentials();
    }
    const { person, actor } = found;
    await this.checkPassword(person, password, badCredentials);
    const sid = randomBytes(12).toString('base64url');
    return {
      token: await this.jwt.signAsync({ sub: person.id, ver: person.tokenVersion, sid }),
      mustChangePassword: person.mustChangePassword,
      user: { id: person.id, name: person.name, roles: grantViews(actor) },
    };
  }

  /** Ends every other session of this person; the one that asked (its `sid`) carries on. */
  async changePassword(actor: Actor, oldPassword: string, newPassword: string): Promise<void> {
    this.throttled(actor.idNumber.toUpperCase());
    const person = await this.db.manager.findOneByOrFail(Person, { id: actor.id });
    await this.checkPassword(person, oldPassword, wrongOldPassword);
    if (newPassword === oldPassword) throw weakPassword('新密码不能与原密码相同');
    const problem = passwordProblem(newPassword, person.idNumber);
    if (problem) throw weakPassword(problem);
    const passwordHash = await this.hasher.hash(newPassword);
    // Only over the password just checked: a reset or another change in between wins, and this one says so.
    const written = await this.db.transaction((em) =>
      em
        .createQueryBuilder()
        .update(Person)
        .set({ passwordHash, mustChangePassword: false, keptSession: actor.sessionId ?? null, tokenVersion: () => 'token_version + 1' })
        .where('id = :id AND token_version = :version', { id: person.id, version: person.tokenVersion })
        .execute(),
    );
    if (!written.affected) throw passwordChangedMeanwhile();
  }

  /** Back to the initial password (last 8 of the ID), to be changed at next login; every session ends. */
  async resetPassword(personId: string): Promise<void> {
    await this.db.transaction((em) =>
      em
        .createQueryBuilder()
        .update(Person)
        .set({ passwordHash: null, mustChangePassword: true, failedLogins: 0, lockedUntil: null, keptSession: null, tokenVersion: () => 'token_version + 1' })
        .where('id = :id', { id: personId })
        .execute(),
    );
  }

  async actorFromToken(token: string): Promise<Actor | null> {
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync(token);
    } catch {
      return null;
    }
    if (!isTokenPayload(payload)) return null;
    const found = await loadPerson(this.db.manager, { id: payload.sub });
    if (!found || !this.sessionAlive(found.person, payload)) return null;
    return { ...found.actor, sessionId: payload.sid };
  }

  private sessionAlive(person: Person, payload: TokenPayload): boolean {
    return payload.ver === person.tokenVersion || (person.keptSession !== null && payload.sid === person.keptSession);
  }

  private throttled(key: string): void {
    const wait = this.throttle.hit(key, this.clock.now().getTime());
    if (wait > 0) throw tooManyAttempts(wait);
  }

  /**
   * One argon2 verification whatever the account's state (the initial password is compared in
   * constant time beside a dummy verification). The person was read before the hash was checked,
   * and a burst of parallel guesses is checked side by side: so the lock is decided by the database
   * after the check — failures counted there one by one, none once the account is locked, and a
   * right password honoured only while it is not locked.
   */
  private async checkPassword(person: Person, password: string, wrong: () => Error): Promise<void> {
    const now = this.clock.now();
    this.refuseIfLocked(person.lockedUntil, now);
    let ok: boolean;
    if (person.passwordHash) ok = await this.hasher.verify(person.passwordHash, password);
    else {
      await this.hasher.burn(password);
      ok = timingSafeEqual(digest(password), digest(person.idNumber.slice(-8)));
    }
    if (ok) {
      // Nothing to clear and, as read, not locked: no write (most logins). Otherwise the count is
      // cleared only while the account is still unlocked — a burst may have locked it meanwhile.
      if (person.failedLogins === 0 && !person.lockedUntil) return this.refuseIfLocked(await this.lockedUntil(person.id), now);
      const cleared = await this.db.transaction((em) =>
        em.createQueryBuilder().update(Person).set({ failedLogins: 0, lockedUntil: null }).where(`id = :id AND ${UNLOCKED}`, { id: person.id, now: iso(now) }).execute(),
      );
      if (!cleared.affected) throw this.locked(await this.lockedUntil(person.id), now);
      return;
    }
    const { failures, lockedUntil } = await this.countFailure(person.id, now);
    this.refuseIfLocked(lockedUntil, now);
    if (failures >= LOCK_AFTER_FAILURES) throw accountLocked(LOCK_MINUTES * 60);
    throw wrong();
  }

  /** 429 ACCOUNT_LOCKED while a lock runs (as read before the check, or after it: a parallel burst may have set one). */
  private refuseIfLocked(lockedUntil: string | null, now: Date): void {
    if (lockedUntil && lockedUntil > iso(now)) throw this.locked(lockedUntil, now);
  }

  private async lockedUntil(personId: string): Promise<string | null> {
    const row = await this.db.manager.findOne(Person, { where: { id: personId }, select: { id: true, lockedUntil: true } });
    return row?.lockedUntil ?? null;
  }

  private locked(until: string | null, now: Date): Error {
    const seconds = until ? Math.ceil((Date.parse(until) - now.getTime()) / 1000) : LOCK_MINUTES * 60;
    return accountLocked(Math.max(1, seconds));
  }

  /**
   * Adds one failure in a single UPDATE — unless the account is locked — and reads the count and the
   * lock back in the same transaction; the 5th locks. The UPDATE waits for a parallel one and then
   * sees its outcome, so a burst counts 1, 2, 3, 4, locks, and every later guess finds the lock.
   */
  private countFailure(personId: string, now: Date): Promise<{ failures: number; lockedUntil: string | null }> {
    return this.db.transaction(async (em) => {
      const at = iso(now);
      await em.createQueryBuilder().update(Person).set({ failedLogins: () => 'failed_logins + 1' }).where(`id = :id AND ${UNLOCKED}`, { id: personId, now: at }).execute();
      const row = await em.findOne(Person, { where: { id: personId }, select: { id: true, failedLogins: true, lockedUntil: true } });
      const failures = row?.failedLogins ?? 0;
      if (row?.lockedUntil && row.lockedUntil > at) return { failures, lockedUntil: row.lockedUntil };
      if (failures >= LOCK_AFTER_FAILURES) {
        // Compare-and-set: of several parallel failures past the limit, one sets the lock and
        // restarts the count, so the account gets five fresh tries once the lock runs out.
        await em
          .createQueryBuilder()
          .update(Person)
          .set({ failedLogins: 0, lockedUntil: iso(new Date(now.getTime() + LOCK_MINUTES * 60_000)) })
          .where('id = :id AND failed_logins >= :limit', { id: personId, limit: LOCK_AFTER_FAILURES })
          .execute();
      }
      return { failures, lockedUntil: null };
    });
  }
}
