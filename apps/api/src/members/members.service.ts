import { Injectable } from '@nestjs/common';
import { maskIdNumber } from '@xianjie/rules';
import { Actor } from '../auth/actor';
import { Person } from '../auth/person.entity';
import { ADMIN_ROLES, ScopeService, WATCHER_ROLES } from '../auth/scope.service';
import { isUniqueViolation } from '../common/db-errors';
import { AppError, notFound } from '../common/app-error';
import { LIKE_ESCAPE, likeContains, rawBool, underAny } from '../common/sql';
import { Database } from '../database/database.service';
import { Org } from '../orgs/org.entity';
import { OrgsService } from '../orgs/orgs.service';
import { Membership } from './membership.entity';

export interface MemberRow {
  id: string;
  name: string;
  idNumberMasked: string;
  phone: string;
  orgId: string;
  orgName: string;
  graduationYear: number | null;
  isGraduate: boolean;
  place: Membership['place'];
}

const LIST_LIMIT = 200;
const phoneTaken = () => new AppError(409, 'PHONE_TAKEN', '该手机号已被其他账号使用：一人一号，请换一个手机号');

@Injectable()
export class MembersService {
  constructor(
    private readonly db: Database,
    private readonly scope: ScopeService,
    private readonly orgs: OrgsService,
  ) {}

  /** The caller's own membership, with the path of their branch. */
  async profile(actor: Actor) {
    const m = actor.membership;
    if (!m) return null;
    const org = await this.db.manager.findOneBy(Org, { id: m.orgId });
    const view = org ? (await this.orgs.views([org]))[0] : null;
    return {
      orgId: m.orgId,
      orgName: view?.name ?? '',
      orgPath: view?.path ?? [],
      place: m.place,
      graduationYear: m.graduationYear,
      isGraduate: !!m.isGraduate,
      isLeagueMember: !!m.isLeagueMember,
    };
  }

  /** Members inside the caller's subtree (org admins and counsellors), ID numbers masked. */
  async list(actor: Actor, query: { orgId?: string; q?: string }): Promise<MemberRow[]> {
    const scopes = this.scope.scopes(actor, WATCHER_ROLES);
    const qb = this.db.manager
      .createQueryBuilder(Membership, 'm')
      .innerJoin(Person, 'p', 'p.id = m.person_id')
      .innerJoin(Org, 'o', 'o.id = m.org_id')
      .select(['p.id AS id', 'p.name AS name', 'p.id_number AS "idNumber"', 'p.phone AS phone', 'o.id AS "orgId"', 'o.name AS "orgName"'])
      .addSelect(['m.graduation_year AS "graduationYear"', 'm.is_graduate AS "isGraduate"', 'm.place AS place']);
    const within = underAny('o.path', scopes);
    qb.where(within.sql, within.params);
    if (query.orgId) {
      const org = await this.scope.orgInScope(actor, query.orgId, WATCHER_ROLES);
      const sub = underAny('o.path', [org.path], 'sub');
      qb.andWhere(sub.sql, sub.params);
    }
    if (query.q?.trim()) qb.andWhere(`p.name LIKE :q ${LIKE_ESCAPE}`, { q: likeContains(query.q.trim()) });
    const rows: Record<string, unknown>[] = await qb.orderBy('o.name', 'ASC').addOrderBy('p.name', 'ASC').limit(LIST_LIMIT).getRawMany();
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      idNumberMasked: maskIdNumber(String(r.idNumber)),
      phone: String(r.phone),
      orgId: String(r.orgId),
      orgName: String(r.orgName),
      graduationYear: r.graduationYear === null ? null : Number(r.graduationYear),
      isGraduate: rawBool(r.isGraduate),
      place: r.place as Membership['place'],
    }));
  }

  async changePhone(actor: Actor, phone: string): Promise<void> {
    if (phone === actor.phone) return;
    try {
      await this.db.transaction(async (em) => {
        if (await em.existsBy(Person, { phone })) throw phoneTaken();
        await em.update(Person, { id: actor.id }, { phone });
      });
    } catch (e) {
      // Two people claiming one number at once: the unique index decides.
      if (isUniqueViolation(e)) throw phoneTaken();
      throw e;
    }
  }

  /** 404 unless the caller administers this member's branch. */
  async assertAdminOver(actor: Actor, memberId: string): Promise<void> {
    if (!(await this.scope.memberInScope(actor, memberId, ADMIN_ROLES))) throw notFound('该团员');
  }
}
