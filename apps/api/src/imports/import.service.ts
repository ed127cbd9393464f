import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ImportFile, ImportProblem, ImportReport, ImportTally } from '@xianjie/contract';
import { currentCampaignYear, schoolNameKey } from '@xianjie/rules';
import { EntityManager, In } from 'typeorm';
import { Person } from '../auth/person.entity';
import { RoleGrant } from '../auth/role-grant.entity';
import { peopleWithin } from '../auth/scope.service';
import { Clock, iso } from '../common/time';
import { isRetryable, isUniqueViolation, withRetry } from '../common/db-errors';
import { Database } from '../database/database.service';
import { Membership } from '../members/membership.entity';
import { anchorCohort } from '../members/cohort-anchor';
import { Org } from '../orgs/org.entity';
import { Transfer } from '../transfers/transfer.entity';
import { ExistingState, locateJson, validateImport } from './import-file';
import { readWorkbook } from './import-xlsx';
import { importConflict, ImportRejected } from './imports.errors';
import { isWithin, isWithinAny } from '../auth/subtree';
import { heldByUnvettedPuller, type AdminCaller } from '../members/unvetted-pull-in';
import { holdsSchools, SCHOOL_BRANCH_PURPOSES } from '../orgs/school-branches';

/** The admin whose upload it is (the CLI's import has none: it holds the database). */
export type Importer = AdminCaller;

export { ImportRejected };

const tally = (): ImportTally => ({ created: 0, updated: 0, unchanged: 0 });
const CHUNK = 500;
const chunks = <T>(xs: T[]): T[][] => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));
const grantId = (personId: string, role: string, orgId: string) => createHash('sha1').update(`${personId}\n${role}\n${orgId}`).digest('hex');

type ImportOrg = ImportFile['orgs'][number];

/** The stored columns an import row sets on an org. */
const orgColumns = (o: ImportOrg, path: string) => ({
  name: o.name, kind: o.kind, parentId: o.parentId, domain: o.domain, province: o.province, purpose: o.purpose ?? null,
  isTownship: !!o.isTownship, path, depth: path.split('/').filter(Boolean).length - 1,
});

/** Which of those columns writing `next` over the stored org would change (booleans come back 0/1 from some drivers). */
function orgChanges(old: Org, next: ReturnType<typeof orgColumns>): (keyof typeof next)[] {
  const stored = old as unknown as Record<string, unknown>;
  return (Object.keys(next) as (keyof typeof next)[]).filter((k) => {
    const v = next[k];
    return typeof v === 'boolean' ? !!stored[k] !== v : (stored[k] ?? null) !== v;
  });
}

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
   * @param by when given (an admin's upload), the admin: every org, member and admin must lie inside their subtrees.
   * @param locate names a problem's place in the file it came from.
   */
  async run(raw: unknown, by?: Importer, locate: (p: ImportProblem) => ImportProblem = locateJson): Promise<ImportReport> {
    const once = () =>
      this.db.transaction(async (em) => {
        const existing = await this.existingState(em, raw);
        const { file, problems } = validateImport(raw, existing);
        const { paths, stored } = problems.length ? { paths: new Map<string, string>(), stored: new Map<string, Org>() } : await this.paths(em, file, problems);
        if (by && problems.length === 0) await this.checkWithin(em, file, paths, stored, by, problems);
        if (problems.length) throw new ImportRejected(problems.map(locate));
        const report = await this.apply(em, file, paths, stored);
        // Cohorts are anchored as soon as the graduation year is known; imported after June 1, they are graduates now.
        await anchorCohort(em, file.members.map((m) => m.id), this.clock.now());
        return report;
      });
    try {
      // Two uploads of one roster at once both find its rows missing, and the later one's insert meets the
      // earlier's on a unique key (or deadlocks). Run again, it finds them there: unchanged, or a problem to report.
      return await withRetry(once, 3, (e) => isRetryable(e) || isUniqueViolation(e));
    } catch (e) {
      if (isUniqueViolation(e)) throw importConflict();
      throw e;
    }
  }

  /** An `.xlsx` workbook (sheets orgs / members / admins): read a row at a time, then the same validation as JSON. */
  async runWorkbook(archive: Buffer, by?: Importer): Promise<ImportReport> {
    const book = await readWorkbook(archive);
    if (book.problems.length) throw new ImportRejected(book.problems);
    return this.run(book.data, by, book.locate);
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

  /**
   * Materialised paths for the file's orgs (parents first) and the orgs people point at — and those
   * orgs as stored now (the file's own included), which the scope check and the write go by.
   */
  private async paths(em: EntityManager, file: ImportFile, problems: ImportProblem[]): Promise<{ paths: Map<string, string>; stored: Map<string, Org> }> {
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
    return { paths, stored };
  }

  /**
   * An admin's upload stays inside their subtrees: every org, membership and grant it writes, and every
   * existing person it touches — whose membership and every grant must already lie inside, so nobody
   * takes over (or moves away) a person held above or beside them (security issue #10).
   */
  private async checkWithin(
    em: EntityManager, file: ImportFile, paths: Map<string, string>, stored: Map<string, Org>, by: Importer, problems: ImportProblem[],
  ): Promise<void> {
    const within = by.adminPaths;
    const inside = (orgId: string) => isWithinAny(paths.get(orgId), within);
    const outside = '该组织不在您的管理范围内';
    file.orgs.forEach((o, i) => inside(o.id) || problems.push({ row: `orgs[${i}]`, field: 'parentId', message: outside }));
    file.members.forEach((m, i) => inside(m.orgId) || problems.push({ row: `members[${i}]`, field: 'orgId', message: outside }));
    file.admins.forEach((a, i) => {
      if (!inside(a.orgId)) problems.push({ row: `admins[${i}]`, field: 'orgId', message: outside });
      if (a.role === 'provincial-reviewer') problems.push({ row: `admins[${i}]`, field: 'role', message: '省级审核员只能由系统管理员导入' });
    });
    // An org that exists keeps what its superiors decide: the org an admin runs is changed from above, and
    // the township flag only through the correction reported level by level (domain §7).
    file.orgs.forEach((o, i) => {
      const old = stored.get(o.id);
      if (!old) return;
      const changes = orgChanges(old, orgColumns(o, paths.get(o.id)!));
      if (within.includes(old.path) && changes.some((k) => k !== 'isTownship')) {
        problems.push({ row: `orgs[${i}]`, field: 'id', message: '不能通过导入修改您所管理的组织本身，请联系上级组织' });
      }
      if (changes.includes('isTownship')) problems.push({ row: `orgs[${i}]`, field: 'isTownship', message: '乡镇街道团委标识不能通过导入修改，请在组织详情中报告标识有误，由上级组织审核' });
    });
    const held = await peopleWithin(em, [...file.members, ...file.admins].map((p) => p.id), within);
    const notHeld = '该编号的人员已存在且不在您的管理范围内，导入不能修改其信息';
    file.members.forEach((m, i) => held.get(m.id) === false && problems.push({ row: `members[${i}]`, field: 'id', message: notHeld }));
    file.admins.forEach((a, i) => held.get(a.id) === false && problems.push({ row: `admins[${i}]`, field: 'id', message: notHeld }));
    await this.checkAppointments(em, file, paths, within, problems);
    await this.checkIdentityChanges(em, file, by, problems);
    await this.checkSchools(em, file, stored, problems);
    await this.checkPlacements(em, file, stored, problems);
  }

  /**
   * Orgs that others' work goes by stand where the domain puts them, in an admin's upload (security
   * review 4): a school's floating, study-abroad and delayed-graduation branches right under the school
   * committee (graduates kept at school go there by default: a college's would take other colleges'
   * graduates); township orgs under a county committee or inside a township, with the transition and a
   * county's floating branches (graduates pick them as their township); and a province as the parent's,
   * never changed (the provincial reviewers of that province review its special-unit transfers).
   * Checked for what is new or changed, so legacy rows already stored pass again unchanged. The CLI
   * import (whoever holds the database) is not checked; what it stored deeper down is never a school's
   * default (school-branches.ts `specialBranches`).
   */
  private async checkPlacements(em: EntityManager, file: ImportFile, stored: Map<string, Org>, problems: ImportProblem[]): Promise<void> {
    const inFile = new Map(file.orgs.map((o) => [o.id, o]));
    type Placed = Pick<Org, 'kind' | 'domain' | 'province'> & { parentId: string | null };
    const missing = [...new Set(file.orgs.flatMap((o) => {
      const parent = o.parentId ? inFile.get(o.parentId) ?? stored.get(o.parentId) : undefined;
      return parent?.parentId && !inFile.has(parent.parentId) && !stored.has(parent.parentId) ? [parent.parentId] : [];
    }))];
    const above = new Map<string, Org>(); // grandparents not read so far (the write goes by `stored` alone)
    for (const ids of chunks(missing)) for (const o of await em.find(Org, { where: { id: In(ids) } })) above.set(o.id, o);
    const orgOf = (id: string | null | undefined): Placed | undefined => (id ? inFile.get(id) ?? stored.get(id) ?? above.get(id) : undefined);
    file.orgs.forEach((o, i) => {
      const old = stored.get(o.id);
      const changed = (k: 'purpose' | 'domain' | 'name') => !old || (old[k] ?? null) !== (o[k] ?? null);
      const parent = orgOf(o.parentId);
      const refuse = (field: string, message: string) => problems.push({ row: `orgs[${i}]`, field, message });
      if (old && old.province !== o.province) refuse('province', '已有组织的所属省份不能通过导入修改，请联系系统管理员');
      else if (!old && parent && parent.province !== o.province) refuse('province', '所属省份应与上级组织相同');
      const purpose = o.purpose ?? null;
      const schoolTop = !!parent && parent.domain === 'school' && parent.kind !== 'branch' && orgOf(parent.parentId)?.domain !== 'school';
      if (o.domain === 'school' && (SCHOOL_BRANCH_PURPOSES as readonly string[]).includes(purpose ?? '') && (changed('purpose') || changed('name') || changed('domain')) && !schoolTop) {
        refuse('parentId', '流动团员、出国（境）学习研究、延迟毕业团支部由学校团委设立，只能直接设在学校团委之下');
      } else if (o.domain === 'township' && changed('domain') && !(parent?.kind === 'leading-organ' || parent?.domain === 'township')) {
        refuse('parentId', '乡镇街道团组织只能设在区县团委之下，或乡镇街道团组织之内');
      } else if (purpose === 'transition' && changed('purpose') && parent?.domain !== 'township') {
        refuse('parentId', '学社衔接临时团支部只能设在乡镇街道团组织之下');
      } else if (purpose === 'floating' && o.domain !== 'school' && changed('purpose') && parent?.kind !== 'leading-organ') {
        refuse('parentId', '流动团员团支部只能由区县团委设立，直接设在其下');
      }
    });
  }

  /**
   * A school's league org (行业类别 school) sits under an org that holds schools (a leading organ or a
   * government working committee, school-branches.ts `holdsSchools`) or inside a school, and a new or
   * renamed school top does not take another school's name. A school's new-students org lists the
   * graduates who typed its name (new-students.service.ts): an employer's "school", or a second
   * 江城工业大学团委, would list — and pull in — another school's admitted students.
   */
  private async checkSchools(em: EntityManager, file: ImportFile, stored: Map<string, Org>, problems: ImportProblem[]): Promise<void> {
    const inFile = new Map(file.orgs.map((o) => [o.id, o]));
    const parentOf = (o: ImportFile['orgs'][number]) => (o.parentId ? inFile.get(o.parentId) ?? stored.get(o.parentId) : undefined);
    const named: { o: ImportFile['orgs'][number]; i: number }[] = [];
    file.orgs.forEach((o, i) => {
      if (o.domain !== 'school') return;
      const parent = parentOf(o);
      if (parent?.domain === 'school') return;
      if (!parent || !holdsSchools(parent)) {
        problems.push({ row: `orgs[${i}]`, field: 'parentId', message: '学校团组织只能设在团省委、团市委、区县团委或机关、教育工委之下，或学校团组织之内' });
      } else if (stored.get(o.id)?.name !== o.name) named.push({ o, i });
    });
    if (named.length === 0) return;
    // Every school's top (a school-domain org under a non-school one), then the real ones by `holdsSchools`.
    const tops: { id: string; name: string; kind: Org['kind']; domain: Org['domain'] }[] = await em
      .createQueryBuilder(Org, 'o')
      .innerJoin(Org, 'p', 'p.id = o.parent_id')
      .select(['o.id AS id', 'o.name AS name', 'p.kind AS kind', 'p.domain AS domain'])
      .where("o.domain = 'school' AND o.deleted_at IS NULL AND p.domain <> 'school'")
      .getRawMany();
    const keys = new Map<string, string[]>();
    for (const s of tops.filter(holdsSchools)) keys.set(schoolNameKey(s.name), [...(keys.get(schoolNameKey(s.name)) ?? []), s.id]);
    for (const { o, i } of named) {
      if ((keys.get(schoolNameKey(o.name)) ?? []).some((id) => id !== o.id)) {
        problems.push({ row: `orgs[${i}]`, field: 'name', message: '已有同名的学校团组织，请核对学校名称' });
      }
    }
  }

  /**
   * An admin appoints org-admins below their own orgs, never beside themselves: a second admin of
   * one's own org would be the "someone else" that an approval of one's own request, or a reset
   * the security rules leave to another admin, waits for. Grants already held stay as they are, so
   * a roster uploaded again passes; counsellors (who watch and remind) may be added at one's own org.
   */
  private async checkAppointments(em: EntityManager, file: ImportFile, paths: Map<string, string>, within: string[], problems: ImportProblem[]): Promise<void> {
    const below = (orgId: string) => {
      const path = paths.get(orgId);
      return path !== undefined && within.some((root) => path !== root && isWithin(path, root));
    };
    // (outside the subtree altogether: refused as such above)
    const atOwn = file.admins.map((a, i) => ({ a, i })).filter(({ a }) => a.role === 'org-admin' && within.includes(paths.get(a.orgId) ?? '') && !below(a.orgId));
    if (atOwn.length === 0) return;
    const held = new Set<string>();
    for (const ids of chunks(atOwn.map(({ a }) => grantId(a.id, a.role, a.orgId)))) {
      for (const g of await em.find(RoleGrant, { where: { id: In(ids) }, select: { id: true } })) held.add(g.id);
    }
    for (const { a, i } of atOwn) {
      if (!held.has(grantId(a.id, a.role, a.orgId))) problems.push({ row: `admins[${i}]`, field: 'orgId', message: '不能通过导入为您所管理的组织本身增加管理员，请联系上级组织' });
    }
  }

  /** An ID number changed by import becomes the password at the next reset: not for a member pulled in unvetted (unvetted-pull-in.ts). */
  private async checkIdentityChanges(em: EntityManager, file: ImportFile, by: Importer, problems: ImportProblem[]): Promise<void> {
    const rows = [...file.members.map((p, i) => ({ p, row: `members[${i}]` })), ...file.admins.map((p, i) => ({ p, row: `admins[${i}]` }))];
    const stored = new Map<string, string>();
    for (const ids of chunks([...new Set(rows.map(({ p }) => p.id))])) {
      for (const p of await em.find(Person, { where: { id: In(ids) }, select: { id: true, idNumber: true } })) stored.set(p.id, p.idNumber);
    }
    const changed = rows.filter(({ p }) => stored.has(p.id) && stored.get(p.id) !== p.idNumber.toUpperCase());
    for (const { p, row } of changed) {
      if (await heldByUnvettedPuller(em, p.id, by)) {
        problems.push({ row, field: 'idNumber', message: '该团员经“发起转入”转来、转出方没有审批，其身份证号不能由发起转入的管理员及其下级修改，请联系上级组织' });
      }
    }
  }

  /**
   * Writes the validated file: what exists is read in chunks up front and new rows go in as
   * multi-row inserts, so a 20,000-member roster costs a few hundred statements, not 80,000.
   * Only rows that really change are updated, one by one.
   */
  private async apply(em: EntityManager, file: ImportFile, paths: Map<string, string>, oldOrgs: Map<string, Org>): Promise<ImportReport> {
    const now = iso(this.clock.now());
    const report: ImportReport = { orgs: tally(), members: tally(), admins: tally() };
    const load = async <T>(ids: string[], find: (part: string[]) => Promise<T[]>) => {
      const out: T[] = [];
      for (const part of chunks([...new Set(ids)])) out.push(...(await find(part)));
      return out;
    };

    const newOrgs: Partial<Org>[] = [];
    const ordered = [...file.orgs].sort((a, b) => paths.get(a.id)!.length - paths.get(b.id)!.length);
    for (const o of ordered) {
      const next = orgColumns(o, paths.get(o.id)!);
      const old = oldOrgs.get(o.id);
      if (!old) {
        newOrgs.push({ id: o.id, ...next, graduationYear: null, createdAt: now });
        report.orgs.created++;
      } else if (orgChanges(old, next).length) {
        await em.update(Org, { id: o.id }, next);
        report.orgs.updated++;
      } else report.orgs.unchanged++;
    }
    // Sorted parents first: MySQL and SQLite check each row's parent as it goes in.
    for (const part of chunks(newOrgs)) await em.insert(Org, part);

    const personIds = [...file.members, ...file.admins].map((p) => p.id);
    const people = new Map((await load(personIds, (ids) => em.find(Person, { where: { id: In(ids) }, select: { id: true, name: true, idNumber: true, phone: true } }))).map((p) => [p.id, p]));
    const newPeople: Partial<Person>[] = [];
    const changedPeople = new Map<string, Pick<Person, 'name' | 'idNumber' | 'phone'>>();
    /** Creates the person on the initial password; never touches an existing password. */
    const upsertPerson = (p: { id: string; name: string; idNumber: string; phone: string }): boolean => {
      const old = people.get(p.id);
      const next = { name: p.name, idNumber: p.idNumber, phone: p.phone };
      if (!old) {
        newPeople.push({ id: p.id, ...next, passwordHash: null, mustChangePassword: true, failedLogins: 0, lockedUntil: null, tokenVersion: 0, createdAt: now, wechatOpenid: null });
      } else if (old.name === p.name && old.idNumber === p.idNumber && old.phone === p.phone) return false;
      else changedPeople.set(p.id, next);
      people.set(p.id, { id: p.id, ...next } as Person);
      return true;
    };

    const memberships = new Map((await load(file.members.map((m) => m.id), (ids) => em.find(Membership, { where: { personId: In(ids) } }))).map((m) => [m.personId, m]));
    const newMemberships: Partial<Membership>[] = [];
    const changedMemberships: (Pick<Membership, 'personId' | 'orgId' | 'graduationYear' | 'isLeagueMember'> & Partial<Pick<Membership, 'isGraduate' | 'graduatingOrgId'>> & { readOrgId: string })[] = [];
    const season = currentCampaignYear(this.clock.now());
    // Where a completed transfer put a member is the workflow's record, not the roster's: re-running
    // last spring's roster must not pull graduates back into their class branch.
    const transferred = new Set(
      (await load([...memberships.keys()], (ids) => em.find(Transfer, { where: { memberId: In(ids), status: 'completed' }, select: { memberId: true } }))).map((t) => t.memberId),
    );
    for (const m of file.members) {
      const changed = upsertPerson(m);
      const old = memberships.get(m.id);
      const next = { orgId: old && transferred.has(m.id) ? old.orgId : m.orgId, graduationYear: m.graduationYear ?? null, isLeagueMember: m.isLeagueMember ?? true };
      if (!old) {
        newMemberships.push({ personId: m.id, ...next, place: 'branch', graduatingOrgId: null, isGraduate: false, updatedAt: now });
        report.members.created++;
      } else if (old.orgId !== next.orgId || old.graduationYear !== next.graduationYear || !!old.isLeagueMember !== next.isLeagueMember) {
        // A year corrected to a later season (or taken away) after the June 1 flip: not a graduate after
        // all, and anchored afresh by anchorCohort. One who has left with a transfer stays as they left.
        const ungraduate = old.isGraduate && !transferred.has(m.id) && (next.graduationYear === null || next.graduationYear > season);
        changedMemberships.push({ personId: m.id, ...next, ...(ungraduate ? { isGraduate: false, graduatingOrgId: null } : {}), readOrgId: old.orgId });
        report.members.updated++;
      } else report.members[changed ? 'updated' : 'unchanged']++;
    }

    const grantIds = file.admins.map((a) => grantId(a.id, a.role, a.orgId));
    const grants = new Set((await load(grantIds, (ids) => em.find(RoleGrant, { where: { id: In(ids) }, select: { id: true } }))).map((g) => g.id));
    const newGrants: RoleGrant[] = [];
    file.admins.forEach((a, i) => {
      const changed = upsertPerson(a);
      if (!grants.has(grantIds[i])) {
        grants.add(grantIds[i]);
        newGrants.push({ id: grantIds[i], personId: a.id, role: a.role, orgId: a.orgId });
        report.admins.created++;
      } else report.admins[changed ? 'updated' : 'unchanged']++;
    });

    for (const part of chunks(newPeople)) await em.insert(Person, part);
    for (const [id, next] of changedPeople) await em.update(Person, { id }, next);
    for (const part of chunks(newMemberships)) await em.insert(Membership, part);
    // Only over the membership as read: a transfer completing (or an unplaced move) since then put the
    // member where they are now, and the workflow's record is not undone by a roster.
    for (const { personId, readOrgId, ...next } of changedMemberships) await em.update(Membership, { personId, orgId: readOrgId }, { ...next, updatedAt: now });
    for (const part of chunks(newGrants)) await em.insert(RoleGrant, part);
    return report;
  }
}
