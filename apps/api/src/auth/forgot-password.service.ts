import { Injectable } from '@nestjs/common';
import type { PasswordHelp } from '@xianjie/contract';
import { isValidIdNumber, maskMobile, normalizeIdNumber } from '@xianjie/rules';
import { In, Not } from 'typeorm';
import { ValidationFailed } from '../common/app-error';
import { Clock } from '../common/time';
import { Database } from '../database/database.service';
import { guardedAgainst, unvettedPullIn } from '../members/unvetted-pull-in';
import { Org } from '../orgs/org.entity';
import { loadPerson } from './actor-query';
import { tooManyLookups } from './auth.errors';
import { LoginThrottle } from './login-throttle';
import { Person } from './person.entity';
import { RoleGrant } from './role-grant.entity';

const HOW_IT_WORKS =
  '本系统不通过短信找回密码：请联系所在团支部书记（或上级团组织管理员），由其在“成员”中为你重置密码。重置后用身份证号后 8 位登录，并按提示设置新密码。';

/**
 * 忘记密码: names whom to ask, with masked phones, to whoever gives an ID number with its name. Public,
 * so it is rate-limited per address (a campus NAT gets room for a class) and, tighter, per ID number
 * (no walking one person's data).
 */
@Injectable()
export class ForgotPasswordService {
  private readonly perAddress = new LoginThrottle(30, 10 * 60_000);
  private readonly perIdNumber = new LoginThrottle(5, 10 * 60_000);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async help(rawIdNumber: string, name: string, address: string): Promise<PasswordHelp> {
    const now = this.clock.now();
    const idNumber = normalizeIdNumber(rawIdNumber);
    const waitAddress = this.perAddress.hit(address, now.getTime());
    if (waitAddress > 0) throw tooManyLookups(waitAddress);
    if (!isValidIdNumber(idNumber, now)) throw new ValidationFailed([{ field: 'idNumber', message: '身份证号不正确，请核对后重试' }]);
    const waitId = this.perIdNumber.hit(idNumber, now.getTime());
    if (waitId > 0) throw tooManyLookups(waitId);
    return { howItWorks: HOW_IT_WORKS, contacts: await this.contacts(idNumber, name) };
  }

  /**
   * Whom to ask — only when the name is that ID number's person's: an ID number alone must not tell
   * a stranger that someone is registered, or in which branch. A wrong name reads as no one found.
   */
  private async contacts(idNumber: string, name: string): Promise<PasswordHelp['contacts']> {
    const found = await loadPerson(this.db.manager, { idNumber });
    if (!found || found.person.name !== name.trim()) return [];
    const { actor } = found;
    const home = actor.membership?.orgId ?? actor.grants[0]?.orgId;
    if (!home) return [];
    const org = await this.db.manager.findOneBy(Org, { id: home });
    if (!org) return [];
    const ancestors = org.path.split('/').filter(Boolean);
    const all: { id: string; name: string; phone: string; org_name: string; path: string; depth: number }[] = await this.db.manager
      .createQueryBuilder(RoleGrant, 'g')
      .innerJoin(Person, 'p', 'p.id = g.person_id')
      .innerJoin(Org, 'o', 'o.id = g.org_id')
      .select(['p.id AS id', 'p.name AS name', 'p.phone AS phone', 'o.name AS org_name', 'o.path AS path', 'o.depth AS depth'])
      .where({ role: 'org-admin', orgId: In(ancestors), personId: Not(actor.id) })
      .getRawMany();
    // Nobody who may not reset this member's password (members/unvetted-pull-in.ts): the next level up then.
    const guard = await unvettedPullIn(this.db.manager, actor.id);
    const rows = guard ? all.filter((r) => !guardedAgainst(guard, { id: r.id, adminPaths: [r.path] })) : all;
    if (!rows.length) return [];
    const nearest = Math.max(...rows.map((r) => Number(r.depth)));
    return rows
      .filter((r) => Number(r.depth) === nearest)
      .map((r) => ({ name: r.name, phoneMasked: maskMobile(r.phone), orgName: r.org_name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }
}
