import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Person } from '../auth/person.entity';
import { RoleGrant } from '../auth/role-grant.entity';
import { AppError } from '../common/app-error';
import { Clock, iso } from '../common/time';
import { Database } from '../database/database.service';
import { Membership } from '../members/membership.entity';
import { anchorCohort } from '../members/cohort-anchor';
import { Org } from '../orgs/org.entity';
import { ExistingState, ImportFile, ImportProblem, validateImport } from './import-file';

export interface Tally {
  created: number;
  updated: number;
  unchanged: number;
}
export interface ImportReport {
  orgs: Tally;
  members: Tally;
  admins: Tally;
}

export class ImportRejected extends AppError {
  constructor(readonly problems: ImportProblem[]) {
    super(422, 'IMPORT_INVALID', `导入文件有 ${problems.length} 处错误，未导入任何数据`, { problems });
  }
}

const tally = (): Tally => ({ created: 0, updated: 0, unchanged: 0 });
const CHUNK = 500;
const chunks = <T>(xs: T[]): T[][] => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));
const grantId = (personId: string, role: string, orgId: string) => createHash('sha1').update(`${personId}\n${role}\n${orgId}`).digest('hex');

/**
 * Loads an import file (contract §3): everything is validated first, a file with any error writes
 * nothing, and ids in the file become the records' ids so a second run changes nothing.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * @param within when given (an admin's upload), every org, member and admin must lie inside these subtrees.
   */
  async run(raw: unknown, within?: string[]): Promise<ImportReport> {
    return this.db.transaction(async (em) => {
      const existing = await this.existingState(em, raw);
      const { file, problems } = validateImport(raw, existing);
      const paths = problems.length ? new Map<string, string>() : await this.paths(em, file, problems);
      if (within && problems.length === 0) this.checkWithin(file, paths, within, problems);
      if (problems.length) throw new ImportRejected(problems);
      const report = await this.apply(em, file, paths);
      await anchorCohort(em, file.members.map((m) => m.id), this.clock.now());
      return report;
    });
  }

  private async existingState(em: EntityManager, raw: unknown): Promise<ExistingState> {
    const r = (raw ?? {}) as Partial<Record<'orgs' | 'members' | 'admins', Record<string, unknown>[]>>;
    const arr = (k: 'orgs' | 'members' | 'admins') => (Array.isArray(r[k]) ? r[k]!.filter((x) => x && typeof x === 'object') : []);
    const strs = (xs: unknown[]) => [...new Set(xs.filter((x): x is string => typeof x === 'string'))];
    const people = [...arr('members'), ...arr('admins')];
    const orgIds = strs([...arr('orgs').flatMap((o) => [o.id, o.parentId]), ...people.map((p) => p.orgId)]);
    const state: ExistingState = { orgs: new Map(), idNumbers: new Map(), phones: new Map() };
    for (const ids of chunks(orgIds)) {
      const orgs = await em.find(Org, { where: { id: In(ids) } });
      const parents: { parentId: string }[] = await em
        .createQueryBuilder(Org, 'o').select('o.parent_id', 'parentId').where('o.parent_id IN (:...ids)', { ids }).groupBy('o.parent_id').getRawMany();
      const withChildren = new Set(parents.map((p) => p.parentId));
      for (const o of orgs) state.orgs.set(o.id, { kind: o.kind, domain: o.domain, isTownship: !!o.isTownship, hasChildren: withChildren.has(o.id) });
    }
    const idNumbers = strs(people.map((p) => (typeof p.idNumber === 'string' ? p.idNumber.toUpperCase() : null)));
    for (const ids of chunks(idNumbers)) {
      for (const p of await em.find(Person, { where: { idNumber: In(ids) }, select: { id: true, idNumber: true } })) state.idNumbers.set(p.idNumber, p.id);
    }
    for (const phones of chunks(strs(people.map((p) => p.phone)))) {
      for (const p of await em.find(Person, { where: { phone: In(phones) }, select: { id: true, phone: true } })) state.phones.set(p.phone, p.id);
    }
    return state;
  }

  /** Materialised paths for the file's orgs (parents first) and the orgs people point at. */
  private async paths(em: EntityManager, file: ImportFile, problems: ImportProblem[]): Promise<Map<string, string>> {
    const paths = new Map<string, string>();
    const wanted = [...new Set([...file.orgs.flatMap((o) => [o.id, o.parentId ?? '']), ...file.members.map((m) => m.orgId), ...file.admins.map((a) => a.orgId)])].filter(Boolean);
    const stored = new Map<string, Org>();
    for (const ids of chunks(wanted)) for (const o of await em.find(Org, { where: { id: In(ids) } })) stored.set(o.id, o);
    for (const [id, o] of stored) paths.set(id, o.path);
    const byId = new Map(file.orgs.map((o) => [o.id, o]));
    const resolve = (id: string): string | undefined => {
      if (paths.has(id) && !byId.has(id)) return paths.get(id);
      const o = byId.get(id);
      if (!o) return paths.get(id);
      const parentPath = o.parentId ? resolve(o.parentId) : '/';
      if (parentPath === undefined) return undefined;
      const path = `${parentPath}${o.id}/`;
      paths.set(id, path);
      return path;
    };
    file.orgs.forEach((o, i) => {
      const old = stored.get(o.id);
      if (old && old.parentId !== o.parentId) problems.push({ row: `orgs[${i}]`, field: 'parentId', message: '已有组织不能通过导入调整上级组织' });
      const path = resolve(o.id);
      if (path && path.length > 700) problems.push({ row: `orgs[${i}]`, field: 'id', message: '组织层级过深' });
    });
    return paths;
  }

  private checkWithin(file: ImportFile, paths: Map<string, string>, within: string[], problems: ImportProblem[]): void {
    const inside = (orgId: string) => within.some((w) => (paths.get(orgId) ?? '').startsWith(w));
    file.orgs.forEach((o, i) => inside(o.id) || problems.push({ row: `orgs[${i}]`, field: 'parentId', message: '该组织不在您的管理范围内' }));
    file.members.forEach((m, i) => inside(m.orgId) || problems.push({ row: `members[${i}]`, field: 'orgId', message: '该组织不在您的管理范围内' }));
    file.admins.forEach((a, i) => {
      if (!inside(a.orgId)) problems.push({ row: `admins[${i}]`, field: 'orgId', message: '该组织不在您的管理范围内' });
      if (a.role === 'provincial-reviewer') problems.push({ row: `admins[${i}]`, field: 'role', message: '省级审核员只能由系统管理员导入' });
    });
  }

  private async apply(em: EntityManager, file: ImportFile, paths: Map<string, string>): Promise<ImportReport> {
    const now = iso(this.clock.now());
    const report: ImportReport = { orgs: tally(), members: tally(), admins: tally() };
    const ordered = [...file.orgs].sort((a, b) => paths.get(a.id)!.length - paths.get(b.id)!.length);
    for (const o of ordered) {
      const path = paths.get(o.id)!;
      const next = { name: o.name, kind: o.kind, parentId: o.parentId, domain: o.domain, province: o.province, purpose: o.purpose ?? null, isTownship: !!o.isTownship, path, depth: path.split('/').filter(Boolean).length - 1 };
      const old = await em.findOneBy(Org, { id: o.id });
      if (!old) {
        await em.insert(Org, { id: o.id, ...next, graduationYear: null, createdAt: now });
        report.orgs.created++;
      } else if (Object.entries(next).some(([k, v]) => (old as unknown as Record<string, unknown>)[k] !== v && !(typeof v === 'boolean' && !!(old as unknown as Record<string, unknown>)[k] === v))) {
        await em.update(Org, { id: o.id }, next);
        report.orgs.updated++;
      } else report.orgs.unchanged++;
    }
    for (const m of file.members) {
      const changed = await this.upsertPerson(em, m, now);
      const old = await em.findOneBy(Membership, { personId: m.id });
      const next = { orgId: m.orgId, graduationYear: m.graduationYear ?? null, isLeagueMember: m.isLeagueMember ?? true };
      if (!old) {
        await em.insert(Membership, { personId: m.id, ...next, place: 'branch', graduatingOrgId: null, isGraduate: false, updatedAt: now });
        report.members.created++;
      } else if (old.orgId !== next.orgId || old.graduationYear !== next.graduationYear || !!old.isLeagueMember !== next.isLeagueMember) {
        await em.update(Membership, { personId: m.id }, { ...next, updatedAt: now });
        report.members.updated++;
      } else report.members[changed ? 'updated' : 'unchanged']++;
    }
    for (const a of file.admins) {
      const changed = await this.upsertPerson(em, a, now);
      const id = grantId(a.id, a.role, a.orgId);
      if (!(await em.existsBy(RoleGrant, { id }))) {
        await em.insert(RoleGrant, { id, personId: a.id, role: a.role, orgId: a.orgId });
        report.admins.created++;
      } else report.admins[changed ? 'updated' : 'unchanged']++;
    }
    return report;
  }

  /** Creates the person on the initial password; never touches an existing password. */
  private async upsertPerson(em: EntityManager, p: { id: string; name: string; idNumber: string; phone: string }, now: string): Promise<boolean> {
    const old = await em.findOneBy(Person, { id: p.id });
    if (!old) {
      await em.insert(Person, { id: p.id, name: p.name, idNumber: p.idNumber, phone: p.phone, passwordHash: null, mustChangePassword: true, failedLogins: 0, lockedUntil: null, tokenVersion: 0, createdAt: now, wechatOpenid: null });
      return true;
    }
    if (old.name === p.name && old.idNumber === p.idNumber && old.phone === p.phone) return false;
    await em.update(Person, { id: p.id }, { name: p.name, idNumber: p.idNumber, phone: p.phone });
    return true;
  }
}
