import { NAME_MAX, ORG_NAME_MAX, ROLES, type ImportAdmin, type ImportFile, type ImportMember, type ImportOrg, type ImportProblem, type Role } from '@xianjie/contract';
import {
  isValidIdNumber, isValidMobile, ORG_DOMAINS, ORG_KINDS, ORG_PURPOSES, TRANSITION_BRANCH_NAME, type OrgDomain, type OrgKind, type OrgPurpose,
} from '@xianjie/rules';

/** The JSON file's own way of naming a problem's place. */
export const locateJson = (p: ImportProblem): ImportProblem => ({ ...p, where: `${p.row}${p.field ? `「${p.field}」` : ''}` });

/** What the database already holds, as far as validation needs it. */
export interface ExistingState {
  orgs: Map<string, { kind: OrgKind; domain: OrgDomain; isTownship: boolean; hasChildren: boolean }>;
  /** idNumber → person id, phone → person id */
  idNumbers: Map<string, string>;
  phones: Map<string, string>;
}

const TOWNSHIP_KINDS: OrgKind[] = ['committee', 'working-committee', 'general-branch'];
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,47}$/;
const PROVINCE_RE = /^[a-z]{2,32}$/;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// Control characters (NUL above all, which PostgreSQL refuses in text) never belong in a name.
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max && !/[\u0000-\u001f\u007f]/.test(v);

/**
 * The township org (乡镇街道团委) of a township domain: a township-domain org that is not a branch and
 * whose parent is outside the township domain, unless the file says otherwise.
 */
export function derivedIsTownship(org: ImportOrg, parentDomain: OrgDomain | undefined): boolean {
  if (org.isTownship !== undefined) return org.isTownship;
  return org.domain === 'township' && org.kind !== 'branch' && parentDomain !== 'township';
}

/** Check the whole file before anything is written; every bad row with its reason. */
export function validateImport(raw: unknown, existing: ExistingState): { file: ImportFile; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const bad = (row: string, field: string, message: string) => problems.push({ row, field, message });
  if (!isObj(raw)) return { file: { orgs: [], members: [], admins: [] }, problems: [{ row: 'file', field: '', message: '文件应为 JSON 对象 { orgs, members, admins }' }] };
  for (const k of Object.keys(raw)) if (!['orgs', 'members', 'admins'].includes(k)) bad('file', k, `未知的字段：${k}`);
  const list = (k: 'orgs' | 'members' | 'admins'): unknown[] => {
    if (raw[k] === undefined) return [];
    if (!Array.isArray(raw[k])) {
      bad('file', k, `${k} 应为数组`);
      return [];
    }
    return raw[k] as unknown[];
  };

  const orgs: ImportOrg[] = [];
  const orgRows = new Map<string, number>();
  list('orgs').forEach((o, i) => {
    const row = `orgs[${i}]`;
    if (!isObj(o)) return bad(row, '', '应为对象');
    const allowed = ['id', 'name', 'kind', 'parentId', 'domain', 'province', 'purpose', 'isTownship'];
    for (const k of Object.keys(o)) if (!allowed.includes(k)) bad(row, k, `未知的字段：${k}`);
    const before = problems.length;
    if (typeof o.id !== 'string' || !ID_RE.test(o.id)) bad(row, 'id', 'id 应为 1–48 位字母、数字、_ . -');
    else if (orgRows.has(o.id)) bad(row, 'id', `id 与 orgs[${orgRows.get(o.id)}] 重复`);
    if (!isText(o.name, ORG_NAME_MAX)) bad(row, 'name', `名称不能为空且不超过 ${ORG_NAME_MAX} 字`);
    if (!ORG_KINDS.includes(o.kind as OrgKind)) bad(row, 'kind', `组织类型应为 ${ORG_KINDS.join(' / ')}`);
    if (!ORG_DOMAINS.includes(o.domain as OrgDomain)) bad(row, 'domain', `行业类别应为 ${ORG_DOMAINS.join(' / ')}`);
    if (typeof o.province !== 'string' || !PROVINCE_RE.test(o.province)) bad(row, 'province', '省份应为小写拼音，如 hubei');
    if (o.parentId !== null && o.parentId !== undefined && typeof o.parentId !== 'string') bad(row, 'parentId', 'parentId 应为字符串或 null');
    if (o.purpose !== undefined && o.purpose !== null && !ORG_PURPOSES.includes(o.purpose as OrgPurpose)) bad(row, 'purpose', `用途应为 ${ORG_PURPOSES.join(' / ')}`);
    if (o.isTownship !== undefined && typeof o.isTownship !== 'boolean') bad(row, 'isTownship', 'isTownship 应为 true 或 false');
    if (problems.length > before) return;
    orgRows.set(o.id as string, i);
    // Contract: a branch named "…学社衔接临时团支部" without a purpose is the transition branch; the
    // name may carry the place, so it is a suffix, and a purpose the file states always wins.
    if (o.kind === 'branch' && (o.purpose === undefined || o.purpose === null) && (o.name as string).trim().endsWith(TRANSITION_BRANCH_NAME)) o.purpose = 'transition';
    orgs.push({
      id: o.id as string, name: (o.name as string).trim(), kind: o.kind as OrgKind, parentId: (o.parentId as string | null | undefined) ?? null,
      domain: o.domain as OrgDomain, province: o.province as string, purpose: (o.purpose as OrgPurpose | null | undefined) ?? null,
      ...(o.isTownship === undefined ? {} : { isTownship: o.isTownship as boolean }),
    });
  });

  // The tree: parents exist, no cycles, leaves are branches, branches have no children.
  const inFile = new Map(orgs.map((o) => [o.id, o]));
  const kindOf = (id: string) => inFile.get(id)?.kind ?? existing.orgs.get(id)?.kind;
  const domainOf = (id: string | null) => (id ? inFile.get(id)?.domain ?? existing.orgs.get(id)?.domain : undefined);
  const childCount = new Map<string, number>();
  for (const o of orgs) if (o.parentId) childCount.set(o.parentId, (childCount.get(o.parentId) ?? 0) + 1);
  const townshipOf = (o: ImportOrg) => derivedIsTownship(o, domainOf(o.parentId));
  for (const o of orgs) {
    const row = `orgs[${orgRows.get(o.id)}]`;
    if (o.parentId) {
      if (!kindOf(o.parentId)) bad(row, 'parentId', `上级组织 ${o.parentId} 不存在`);
      else if (kindOf(o.parentId) === 'branch') bad(row, 'parentId', '团支部下不能再设组织');
    } else if (o.kind !== 'leading-organ') {
      bad(row, 'parentId', '只有团的领导机关可以没有上级组织');
    }
    let cursor: string | null = o.parentId;
    for (let hops = 0; cursor && inFile.has(cursor); hops++) {
      if (cursor === o.id || hops > 64) {
        bad(row, 'parentId', '上下级关系形成了循环');
        break;
      }
      cursor = inFile.get(cursor)!.parentId;
    }
    const hasChildren = (childCount.get(o.id) ?? 0) > 0 || !!existing.orgs.get(o.id)?.hasChildren;
    if (o.kind === 'branch' && hasChildren) bad(row, 'kind', '团支部是末级组织，不能有下级组织');
    if (o.kind !== 'branch' && !hasChildren) bad(row, 'kind', '末级组织必须是团支部');
    if (o.kind === 'branch' && o.purpose === undefined) o.purpose = null;
    if (o.purpose && o.kind !== 'branch' && o.purpose !== 'new-students') bad(row, 'purpose', '只有团支部可以标注用途');
    if (o.kind === 'branch' && o.parentId && domainOf(o.parentId) === 'township' && o.domain !== 'township') {
      bad(row, 'domain', '乡镇街道团委下属团支部的行业类别应为乡镇街道');
    }
    if (townshipOf(o)) {
      if (!TOWNSHIP_KINDS.includes(o.kind)) bad(row, 'kind', '乡镇街道团委只能是团委、团工委或团总支');
      if (o.domain !== 'township') bad(row, 'domain', '乡镇街道团委的行业类别应为乡镇街道');
      const transition = orgs.some((c) => c.parentId === o.id && c.kind === 'branch' && c.purpose === 'transition');
      if (!transition && !existing.orgs.get(o.id)?.isTownship) bad(row, 'id', `乡镇街道团委必须设有“${TRANSITION_BRANCH_NAME}”（用途为 transition 的团支部，名称可带地名）`);
    }
  }
  for (const o of orgs) o.isTownship = townshipOf(o);

  // People: valid ID numbers, one phone per person, one ID per person.
  // In-file owners carry their row so a clash names the importer's own row; owners already in the
  // database are never named (security issue #10: errors must not reveal other people).
  const seenIds = new Map<string, { id: string; row: string }>();
  const seenPhones = new Map<string, { id: string; row: string }>();
  const personIds = new Map<string, { idNumber: string; row: string }>();
  const person = (row: string, p: Record<string, unknown>): boolean => {
    const before = problems.length;
    if (typeof p.id !== 'string' || !ID_RE.test(p.id)) bad(row, 'id', 'id 应为 1–48 位字母、数字、_ . -');
    if (!isText(p.name, NAME_MAX)) bad(row, 'name', `姓名不能为空且不超过 ${NAME_MAX} 字`);
    const idNumber = typeof p.idNumber === 'string' ? p.idNumber.toUpperCase() : '';
    if (!isValidIdNumber(idNumber)) bad(row, 'idNumber', '身份证号不符合 GB 11643（18 位，校验位正确）');
    if (typeof p.phone !== 'string' || !isValidMobile(p.phone)) bad(row, 'phone', '手机号应为 11 位大陆手机号');
    if (typeof p.orgId !== 'string' || !kindOf(p.orgId)) bad(row, 'orgId', `所在组织 ${String(p.orgId)} 不存在`);
    if (problems.length > before) return false;
    const id = p.id as string;
    const phone = p.phone as string;
    const known = personIds.get(id);
    if (known && known.idNumber !== idNumber) bad(row, 'id', `id 与 ${known.row} 重复但身份证号不同`);
    const idInFile = seenIds.get(idNumber);
    if (idInFile && idInFile.id !== id) bad(row, 'idNumber', `身份证号与 ${idInFile.row} 重复`);
    else if (!idInFile && (existing.idNumbers.get(idNumber) ?? id) !== id) bad(row, 'idNumber', '该身份证号已被其他账号使用');
    const phoneInFile = seenPhones.get(phone);
    if (phoneInFile && phoneInFile.id !== id) bad(row, 'phone', `手机号与 ${phoneInFile.row} 重复：一人一号`);
    else if (!phoneInFile && (existing.phones.get(phone) ?? id) !== id) bad(row, 'phone', '该手机号已被其他账号使用：一人一号');
    if (!idInFile) seenIds.set(idNumber, { id, row });
    if (!phoneInFile) seenPhones.set(phone, { id, row });
    if (!known) personIds.set(id, { idNumber, row });
    p.idNumber = idNumber;
    return problems.length === before;
  };

  const members: ImportMember[] = [];
  const memberRows = new Set<string>();
  list('members').forEach((m, i) => {
    const row = `members[${i}]`;
    if (!isObj(m)) return bad(row, '', '应为对象');
    for (const k of Object.keys(m)) if (!['id', 'name', 'idNumber', 'phone', 'orgId', 'graduationYear', 'isLeagueMember'].includes(k)) bad(row, k, `未知的字段：${k}`);
    const before = problems.length;
    if (m.graduationYear !== undefined && m.graduationYear !== null && !(Number.isInteger(m.graduationYear) && (m.graduationYear as number) >= 1990 && (m.graduationYear as number) <= 2100)) {
      bad(row, 'graduationYear', '毕业年份应为 1990–2100 的整数');
    }
    if (m.isLeagueMember !== undefined && typeof m.isLeagueMember !== 'boolean') bad(row, 'isLeagueMember', 'isLeagueMember 应为 true 或 false');
    if (!person(row, m) || problems.length > before) return;
    if (memberRows.has(m.id as string)) return bad(row, 'id', '同一团员出现了两次');
    memberRows.add(m.id as string);
    if (kindOf(m.orgId as string) !== 'branch') return bad(row, 'orgId', '团员只能属于团支部');
    members.push({
      id: m.id as string, name: (m.name as string).trim(), idNumber: m.idNumber as string, phone: m.phone as string, orgId: m.orgId as string,
      graduationYear: (m.graduationYear as number | null | undefined) ?? null, isLeagueMember: (m.isLeagueMember as boolean | undefined) ?? true,
    });
  });

  const admins: ImportAdmin[] = [];
  list('admins').forEach((a, i) => {
    const row = `admins[${i}]`;
    if (!isObj(a)) return bad(row, '', '应为对象');
    for (const k of Object.keys(a)) if (!['id', 'name', 'idNumber', 'phone', 'orgId', 'role'].includes(k)) bad(row, k, `未知的字段：${k}`);
    const before = problems.length;
    if (!ROLES.includes(a.role as Role)) bad(row, 'role', `角色应为 ${ROLES.join(' / ')}`);
    if (!person(row, a) || problems.length > before) return;
    admins.push({ id: a.id as string, name: (a.name as string).trim(), idNumber: a.idNumber as string, phone: a.phone as string, orgId: a.orgId as string, role: a.role as Role });
  });

  return { file: { orgs, members, admins }, problems };
}
