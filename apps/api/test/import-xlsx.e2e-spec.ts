import type { ImportProblem } from '@xianjie/contract';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '@xianjie/rules';
import { testDatabases } from './databases';
import { person } from './harness';
import { useTestApp } from './use-test-app';

/** School-year issue #11: rosters come as `.xlsx`, through the same validation as JSON. */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Row = Record<string, unknown>;
type File = { orgs: Row[]; members: Row[]; admins: Row[] };

/** A workbook with one sheet per entry: a header row, then the rows (cells by header). */
async function workbook(sheets: Record<string, { header: string[]; rows: unknown[][] }>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, { header, rows }] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(header);
    for (const r of rows) sheet.addRow(r);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The JSON file as a workbook with the field names as headers (a row's absent fields are empty cells). */
function asWorkbook(file: File): Promise<Buffer> {
  const sheets: Record<string, { header: string[]; rows: unknown[][] }> = {};
  for (const key of ['orgs', 'members', 'admins'] as const) {
    const header = [...new Set(file[key].flatMap((r) => Object.keys(r)))];
    sheets[key] = { header, rows: file[key].map((r) => header.map((h) => (r[h] === undefined ? null : r[h]))) };
  }
  return workbook(sheets);
}

const id = (n: number) => makeIdNumber('420111', '20040101', String(n).padStart(3, '0'));

/** One row for each rule the import checks (the scope rules have their own spec). */
const everyRule = (): File => ({
  orgs: [
    { id: 'bad id!', name: '坏编号团支部', kind: 'branch', parentId: 'chutian', domain: 'school', province: 'hubei' },
    { id: 'r-dup', name: '重复一', kind: 'branch', parentId: 'chutian', domain: 'school', province: 'hubei' },
    { id: 'r-dup', name: '重复二', kind: 'branch', parentId: 'chutian', domain: 'school', province: 'hubei' },
    { id: 'r-bad', name: ' ', kind: 'cell', parentId: 'chutian', domain: 'space', province: 'Hubei', purpose: 'party', isTownship: 'maybe' },
    { id: 'r-orphan', name: '孤立团支部', kind: 'branch', parentId: 'no-such-org', domain: 'school', province: 'hubei' },
    { id: 'r-under', name: '支部下的支部', kind: 'branch', parentId: 'chutian-cs-2201', domain: 'school', province: 'hubei' },
    { id: 'r-root', name: '无上级团委', kind: 'committee', domain: 'school', province: 'hubei' },
    { id: 'r-leaf', name: '空团委', kind: 'committee', parentId: 'chutian', domain: 'school', province: 'hubei' },
    { id: 'r-cycle-a', name: '循环甲', kind: 'committee', parentId: 'r-cycle-b', domain: 'school', province: 'hubei' },
    { id: 'r-cycle-b', name: '循环乙', kind: 'committee', parentId: 'r-cycle-a', domain: 'school', province: 'hubei' },
    { id: 'r-purpose', name: '带用途的团委', kind: 'general-branch', parentId: 'chutian', domain: 'school', province: 'hubei', purpose: 'class' },
    { id: 'r-purpose-1', name: '一支部', kind: 'branch', parentId: 'r-purpose', domain: 'school', province: 'hubei' },
    { id: 'r-ts', name: '无衔接支部街道', kind: 'working-committee', parentId: 'hongshan', domain: 'township', province: 'hubei' },
    { id: 'r-ts-1', name: '社区团支部', kind: 'branch', parentId: 'r-ts', domain: 'school', province: 'hubei' },
    { id: 'r-ts-branch', name: '乡镇团支部', kind: 'branch', parentId: 'hongshan', domain: 'township', province: 'hubei', isTownship: true },
    { id: 'chutian-cs', name: '楚天大学计算机学院团委', kind: 'committee', parentId: 'hubei', domain: 'school', province: 'hubei' },
  ],
  members: [
    { id: 'r-m1', name: '校验位错', idNumber: '420111200301011234', phone: '13900001111', orgId: 'chutian-cs-2201' },
    { id: 'r-m2', name: '', idNumber: id(2), phone: '1390000111', orgId: 'no-such-branch' },
    { id: 'r-m3', name: '在团委', idNumber: id(3), phone: '13900001113', orgId: 'chutian-cs' },
    { id: 'r-m4', name: '同号', idNumber: id(4), phone: person('m-ee2201-1').phone, orgId: 'chutian-cs-2201' },
    { id: 'r-m5', name: '同证', idNumber: person('m-ee2201-2').idNumber, phone: '13900001115', orgId: 'chutian-cs-2201' },
    { id: 'r-m6', name: '文件内同证', idNumber: id(6), phone: '13900001116', orgId: 'chutian-cs-2201' },
    { id: 'r-m7', name: '文件内同证', idNumber: id(6), phone: '13900001116', orgId: 'chutian-cs-2201' },
    { id: 'r-m8', name: '两次', idNumber: id(8), phone: '13900001118', orgId: 'chutian-cs-2201' },
    { id: 'r-m8', name: '两次', idNumber: id(8), phone: '13900001118', orgId: 'chutian-cs-2201' },
    { id: 'r-m8', name: '换证', idNumber: id(9), phone: '13900001119', orgId: 'chutian-cs-2201' },
    { id: 'r-m11', name: '年份错', idNumber: id(11), phone: '13900001121', orgId: 'chutian-cs-2201', graduationYear: 1800, isLeagueMember: 'perhaps' },
  ],
  admins: [{ id: 'r-a1', name: '管理员', idNumber: id(10), phone: '13900001120', orgId: 'chutian', role: 'king' }],
});

/** The rules `everyRule` breaks, as (row, field): each must be reported. */
const EXPECTED: [string, string][] = [
  ['orgs[0]', 'id'], ['orgs[2]', 'id'], ['orgs[3]', 'name'], ['orgs[3]', 'kind'], ['orgs[3]', 'domain'], ['orgs[3]', 'province'],
  ['orgs[3]', 'purpose'], ['orgs[3]', 'isTownship'], ['orgs[4]', 'parentId'], ['orgs[5]', 'parentId'], ['orgs[6]', 'parentId'],
  ['orgs[7]', 'kind'], ['orgs[8]', 'parentId'], ['orgs[10]', 'purpose'], ['orgs[12]', 'id'], ['orgs[13]', 'domain'], ['orgs[14]', 'kind'],
  ['members[0]', 'idNumber'], ['members[1]', 'name'], ['members[1]', 'phone'], ['members[1]', 'orgId'], ['members[2]', 'orgId'],
  ['members[10]', 'graduationYear'], ['members[10]', 'isLeagueMember'], ['members[3]', 'phone'], ['members[4]', 'idNumber'],
  ['members[6]', 'idNumber'], ['members[6]', 'phone'], ['members[8]', 'id'], ['members[9]', 'id'], ['admins[0]', 'role'],
];

describe.each(testDatabases().map((d) => [d.name, d] as const))('xlsx import on %s', (_name, db) => {
  const t = useTestApp(db);
  let schoolAdmin: string;
  const service = async () => t.app.get((await import('../src/imports/import.service')).ImportService);
  const rejection = async (work: Promise<unknown>): Promise<ImportProblem[]> => {
    const { ImportRejected } = await import('../src/imports/imports.errors');
    try {
      await work;
    } catch (e) {
      if (e instanceof ImportRejected) return e.problems;
      throw e;
    }
    throw new Error('the import was not rejected');
  };
  const upload = async (token: string, bytes: Buffer, url = '/api/v1/admin/import') => {
    const res = await t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, 'content-type': XLSX }, payload: bytes });
    return { status: res.statusCode, body: JSON.parse(res.body) };
  };

  beforeAll(async () => {
    schoolAdmin = await t.login(person('a-chutian').idNumber);
  });

  it('rejects every broken rule from JSON and from .xlsx alike, naming sheet, row and column', async () => {
    const svc = await service();
    const fromJson = await rejection(svc.run(everyRule()));
    const reported = new Set(fromJson.map((p) => `${p.row} ${p.field}`));
    for (const [row, field] of EXPECTED) expect([...reported]).toContain(`${row} ${field}`);
    for (const p of fromJson) expect(p.message).not.toMatch(/m-ee2201|吴昊|郑爽|13827000010|13827000011/);

    const fromXlsx = await rejection(svc.runWorkbook(await asWorkbook(everyRule())));
    const label: Record<string, string> = { id: '编号', name: '名称', kind: '组织类型', parentId: '上级组织编号', domain: '行业类别', province: '省份', purpose: '用途', isTownship: '是否乡镇街道团委' };
    const personLabel: Record<string, string> = { id: '编号', name: '姓名', idNumber: '身份证号', phone: '手机号', orgId: '所在团支部编号', graduationYear: '毕业年份', isLeagueMember: '是否团员', role: '角色' };
    // Record i sits on sheet row i + 2 (the header is row 1); cross-references are relabelled the same way.
    const relabel = (text: string) => text.replace(/(orgs|members|admins)\[(\d+)\]/g, (_, k: string, i: string) => `${k} 表第 ${Number(i) + 2} 行`);
    const expected = fromJson.map((p) => {
      const row = relabel(p.row);
      const column = p.field ? (p.row.startsWith('orgs') ? label[p.field] : personLabel[p.field]) : '';
      return { row, field: p.field, where: `${row}${column ? `「${column}」` : ''}`, message: relabel(p.message) };
    });
    expect(fromXlsx).toEqual(expected);
    expect(fromXlsx).toContainEqual(expect.objectContaining({ where: 'members 表第 5 行「手机号」', message: '该手机号已被其他账号使用：一人一号' }));
  });

  it('imports a roster with Chinese sheet names, headers and labels over HTTP, and a second upload changes nothing', async () => {
    const bytes = await workbook({
      组织: { header: ['编号', '名称', '组织类型', '上级组织编号', '行业类别', '省份', '用途'], rows: [['x-2301', '计算机2301班团支部', '团支部', 'chutian-cs', '学校', '湖北省', '班级团支部']] },
      团员: {
        header: ['编号', '姓名', '身份证号', '手机号', '所在团支部编号', '毕业年份', '是否团员'],
        rows: [['x-m1', '新同学甲', id(21), 13700002101, 'x-2301', 2027, '是'], ['x-m2', { richText: [{ text: '新同学' }, { text: '乙' }] }, id(22), '13700002102', 'x-2301', '2027', '否']],
      },
      管理员: { header: ['编号', '姓名', '身份证号', '手机号', '管理的组织编号', '角色'], rows: [['x-a1', '新书记', id(23), '13700002103', 'x-2301', '组织管理员']] },
    });
    const first = await upload(schoolAdmin, bytes);
    expect(first).toEqual({ status: 200, body: { orgs: { created: 1, updated: 0, unchanged: 0 }, members: { created: 2, updated: 0, unchanged: 0 }, admins: { created: 1, updated: 0, unchanged: 0 } } });
    const again = await upload(schoolAdmin, bytes);
    expect(again.body).toEqual({ orgs: { created: 0, updated: 0, unchanged: 1 }, members: { created: 0, updated: 0, unchanged: 2 }, admins: { created: 0, updated: 0, unchanged: 1 } });
    const list = await t.request('GET', '/members?orgId=x-2301', { token: schoolAdmin });
    expect(list.body.map((m: Row) => m.name).sort()).toEqual(['新同学乙', '新同学甲']);
  });

  it('keeps an upload inside the uploader\'s subtree, and says where in the workbook', async () => {
    const college = await t.login(person('a-chutian-cs').idNumber);
    const target = person('a-chutian');
    const bytes = await workbook({ members: { header: ['id', 'name', 'idNumber', 'phone', 'orgId'], rows: [[target.id, '冒名者', id(31), '13700003101', 'chutian-cs-2201']] } });
    const res = await upload(college, bytes);
    expect(res).toMatchObject({ status: 422, body: { code: 'IMPORT_INVALID', problems: [{ where: 'members 表第 2 行「编号」' }] } });
    expect(JSON.stringify(res.body)).not.toContain(target.name);
  });

  it('reports a workbook\'s shape problems: unknown sheets and columns, numeric ID numbers, bytes that are no workbook', async () => {
    const shape = await upload(schoolAdmin, await workbook({
      Sheet1: { header: ['a'], rows: [['b']] },
      members: { header: ['编号', '姓名', '身份证', '手机号', '手机号'], rows: [] },
    }));
    expect(shape.status).toBe(422);
    expect(shape.body.problems.map((p: ImportProblem) => p.where)).toEqual(['工作表「Sheet1」', 'members 表第 1 行「身份证」', 'members 表第 1 行「手机号」']);

    const numeric = await upload(schoolAdmin, await workbook({ members: { header: ['编号', '姓名', '身份证号', '手机号', '所在团支部编号'], rows: [['x-n1', '数字身份证', 420111200401010410, '13700004101', 'chutian-cs-2201']] } }));
    expect(numeric).toMatchObject({ status: 422, body: { problems: [{ where: 'members 表第 2 行「身份证号」', message: expect.stringContaining('设为文本') }] } });

    const garbage = await upload(schoolAdmin, Buffer.from('not a zip at all'));
    expect(garbage).toMatchObject({ status: 422, body: { code: 'IMPORT_INVALID', problems: [{ where: '文件', message: expect.stringContaining('无法读取') }] } });
    const truncated = (await workbook({ members: { header: ['id'], rows: Array.from({ length: 500 }, (_, i) => [`x-t${i}`]) } })).subarray(0, 3000);
    expect((await upload(schoolAdmin, truncated)).status).toBe(422);
    const empty = await upload(schoolAdmin, Buffer.alloc(0));
    expect(empty).toMatchObject({ status: 422, body: { problems: [{ where: '文件', message: '文件是空的' }] } });
    // Not /auth/login: its 4 KB body cap answers 413 before any parser looks at the type.
    const elsewhere = await upload(schoolAdmin, await workbook({ members: { header: ['id'], rows: [] } }), '/api/v1/transfers');
    expect(elsewhere.status).toBe(415);
  });

  it('hands admins a template with Chinese headers and one example row per sheet, which reads back', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/import/template', headers: { authorization: `Bearer ${schoolAdmin}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['组织', '团员', '管理员']);
    const members = book.getWorksheet('团员')!;
    expect(members.getRow(1).values).toEqual([undefined, '编号', '姓名', '身份证号', '手机号', '所在团支部编号', '毕业年份', '是否团员']);
    expect(members.actualRowCount).toBe(2);
    // The example reads through the same path: its only complaints are the example orgs not existing here.
    const problems = await rejection((await service()).runWorkbook(res.rawPayload));
    expect(new Set(problems.map((p) => p.field))).toEqual(new Set(['parentId', 'orgId']));

    const member = await t.login(person('m-cs2201-4').idNumber);
    expect((await t.request('GET', '/admin/import/template', { token: member })).status).toBe(403);
  });
});
