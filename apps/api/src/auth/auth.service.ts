import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { In } from 'typeorm';
import { Clock, iso } from '../common/time';
import { Database } from '../database/database.service';
import { Membership } from '../members/membership.entity';
import { Org } from '../orgs/org.entity';
import { Actor } from './actor';
import { accountLocked, badCredentials, tooManyAttempts, weakPassword, wrongOldPassword } from './auth.errors';
import { LoginThrottle } from './login-throttle';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { Person } from './person.entity';
import { RoleGrant } from './role-grant.entity';

const LOCK_AFTER_FAILURES = 5;
const LOCK_MINUTES = 15;

interface TokenPayload {
  sub: string;
  ver: number;
}

export interface LoginResult {
  token: string;
  mustChangePassword: boolean;
  user: { id: string; name: string; roles: { role: string; orgId: string; orgName: string }[] };
}

@Injectable()
export class AuthService {
  private readonly throttle = new LoginThrottle();

  constructor(
    private readonly db: Database,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
  ) {}

  async login(idNumber: string, password: string): Promise<LoginResult> {
    const now = this.clock.now();
    const key = idNumber.toUpperCase();
    const wait = this.throttle.hit(key, now.getTime());
    if (wait > 0) throw tooManyAttempts(wait);

    const person = await this.db.manager.findOneBy(Person, { idNumber: key });
    if (!person) throw badCredentials();
    if (person.lockedUntil && person.lockedUntil > iso(now)) {
      throw accountLocked(Math.ceil((Date.parse(person.lockedUntil) - now.getTime()) / 1000));
    }
    const ok = person.passwordHash
      ? await verifyPassword(person.passwordHash, password)
      : password === person.idNumber.slice(-8);
    if (!ok) {
      const failures = person.failedLogins + 1;
      const lockedUntil = failures >= LOCK_AFTER_FAILURES ? iso(new Date(now.getTime() + LOCK_MINUTES * 60_000)) : null;
      await this.db.transaction((em) =>
        em.update(Person, { id: person.id }, { failedLogins: lockedUntil ? 0 : failures, lockedUntil }),
      );
      if (lockedUntil) throw accountLocked(LOCK_MINUTES * 60);
      throw badCredentials();
    }
    if (person.failedLogins > 0 || person.lockedUntil) {
      await this.db.transaction((em) => em.update(Person, { id: person.id }, { failedLogins: 0, lockedUntil: null }));
    }
    const actor = await this.loadActor(person);
    return {
      token: await this.jwt.signAsync({ sub: person.id, ver: person.tokenVersion } satisfies TokenPayload),
      mustChangePassword: person.mustChangePassword,
      user: { id: person.id, name: person.name, roles: actor.grants.map(({ role, orgId, orgName }) => ({ role, orgId, orgName })) },
    };
  }

  async changePassword(actor: Actor, oldPassword: string, newPassword: string): Promise<void> {
    const person = await this.db.manager.findOneByOrFail(Person, { id: actor.id });
    const ok = person.passwordHash ? await verifyPassword(person.passwordHash, oldPassword) : oldPassword === person.idNumber.slice(-8);
    if (!ok) throw wrongOldPassword();
    if (newPassword === oldPassword) throw weakPassword('新密码不能与原密码相同');
    const problem = passwordProblem(newPassword, person.idNumber);
    if (problem) throw weakPassword(problem);
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction((em) =>
      // The caller's token stays valid (the contract answers 204 and the app carries on with it);
      // a reset by a secretary is what revokes tokens.
      em.update(Person, { id: person.id }, { passwordHash, mustChangePassword: false }),
    );
  }

  /** Back to the initial password (last 8 of the ID), to be changed at next login. */
  async resetPassword(personId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const person = await em.findOneByOrFail(Person, { id: personId });
      await em.update(Person, { id: personId }, {
        passwordHash: null, mustChangePassword: true, failedLogins: 0, lockedUntil: null, tokenVersion: person.tokenVersion + 1,
      });
    });
  }

  async actorFromToken(token: string): Promise<Actor | null> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      return null;
    }
    const person = await this.db.manager.findOneBy(Person, { id: payload.sub });
    if (!person || person.tokenVersion !== payload.ver) return null;
    return this.loadActor(person);
  }

  private async loadActor(person: Person): Promise<Actor> {
    const em = this.db.manager;
    const grants = await em.findBy(RoleGrant, { personId: person.id });
    const orgs = grants.length ? await em.findBy(Org, { id: In(grants.map((g) => g.orgId)) }) : [];
    const byId = new Map(orgs.map((o) => [o.id, o]));
    return {
      id: person.id,
      name: person.name,
      idNumber: person.idNumber,
      phone: person.phone,
      mustChangePassword: person.mustChangePassword,
      grants: grants
        .filter((g) => byId.has(g.orgId))
        .map((g) => ({ role: g.role, orgId: g.orgId, orgName: byId.get(g.orgId)!.name, orgPath: byId.get(g.orgId)!.path })),
      membership: await em.findOneBy(Membership, { personId: person.id }),
    };
  }
}
