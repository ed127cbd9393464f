import { Injectable } from '@nestjs/common';
import type { PullInCandidate } from '@xianjie/contract';
import { maskIdNumber, maskMobile, normalizeIdNumber } from '@xianjie/rules';
import { In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { LoginThrottle } from '../auth/login-throttle';
import { Person } from '../auth/person.entity';
import { ADMIN_ROLES, ScopeService } from '../auth/scope.service';
import { Clock } from '../common/time';
import { Database } from '../database/database.service';
import { Membership } from '../members/membership.entity';
import { Org } from '../orgs/org.entity';
import { schoolOf } from './receiver';
import { Transfer } from './transfer.entity';
import { memberNotFound, pullInNotAllowed, tooManyLookups } from './transfers.errors';

/** The member a pull-in names, once both the ID number and the name matched. */
export interface Identified {
  person: Person;
  membership: Membership;
  branch: Org;
}

// A school's intake typed one by one stays well under this; guessing ID numbers does not.
const LOOKUPS_PER_MINUTE = 30;

/**
 * 转入组织发起 (domain §7): the receiving side names a member by ID number and name, as in the
 * national system. Both must match one member, or the answer is the same 404 whichever was
 * wrong; every try counts against the caller, so nobody can enumerate members.
 */
@Injectable()
export class PullIn {
  private readonly throttle = new LoginThrottle(LOOKUPS_PER_MINUTE, 60_000);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly scope: ScopeService,
  ) {}

  /** The member with this ID number and exactly this name, or 404 MEMBER_NOT_FOUND. */
  async identify(actor: Actor, idNumber: string, name: string): Promise<Identified> {
    if (this.scope.scopes(actor, ADMIN_ROLES).length === 0) throw memberNotFound();
    const wait = this.throttle.hit(actor.id, this.clock.now().getTime());
    if (wait > 0) throw tooManyLookups(wait);
    const em = this.db.manager;
    // One query whichever part is wrong: a wrong name and an unknown ID number take the same path.
    const person = await em.findOneBy(Person, { idNumber: normalizeIdNumber(idNumber) });
    if (!person || person.name !== name.trim()) throw memberNotFound();
    const membership = await em.findOneBy(Membership, { personId: person.id });
    const branch = membership ? await em.findOneBy(Org, { id: membership.orgId }) : null;
    if (!membership || !branch || membership.place !== 'branch') throw memberNotFound();
    return { person, membership, branch };
  }

  /** 核对: whom the ID number and name found, masked, and whether a transfer of theirs is open. */
  async lookup(actor: Actor, idNumber: string, name: string): Promise<PullInCandidate> {
    if (this.scope.scopes(actor, ADMIN_ROLES).length === 0) throw pullInNotAllowed();
    const { person, branch } = await this.identify(actor, idNumber, name);
    const em = this.db.manager;
    const ids = branch.path.split('/').filter(Boolean);
    const [chain, open] = await Promise.all([em.findBy(Org, { id: In(ids) }), em.existsBy(Transfer, { openMemberId: person.id })]);
    const byId = new Map(chain.map((o) => [o.id, o]));
    const school = schoolOf(ids.map((id) => byId.get(id)).filter((o): o is Org => !!o));
    return {
      name: person.name,
      idNumberMasked: maskIdNumber(person.idNumber),
      phoneMasked: maskMobile(person.phone),
      orgName: school?.name ?? branch.name,
      transferOpen: open,
    };
  }
}
