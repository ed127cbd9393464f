import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbook } from './import-xlsx';
import { ImportRejected } from './imports.errors';

/**
 * A valid workbook must read the same whatever order its archive stores its parts in. exceljs'
 * streaming reader takes the sheet names from xl/workbook.xml, which exceljs (and other writers)
 * store last; read in one pass, a sheet that comes before it had no name yet — a valid file was
 * rejected as broken ("Cannot read properties of undefined (reading 'sheets')", exceljs#3064), and
 * even in exceljs' own order the one pass sometimes lost that last part under load (CI, 2026-12-02).
 */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const orgs = book.addWorksheet('orgs');
  orgs.addRow(['id', 'name', 'kind', 'parentId', 'domain', 'province']);
  orgs.addRow(['x-branch', '测试团支部', 'branch', 'chutian', 'school', 'hubei']);
  const members = book.addWorksheet('团员');
  members.addRow(['编号', '姓名', '身份证号', '手机号', '所在团支部编号']);
  members.addRow(['x-m1', '张三', '420111200401010016', '13800000001', 'x-branch']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The same archive with its parts stored in `order` (the rest after them, as they were). */
async function reordered(bytes: Buffer, order: RegExp[]): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files).filter((n) => !source.files[n].dir);
  const rank = (n: string) => {
    const i = order.findIndex((re) => re.test(n));
    return i === -1 ? order.length : i;
  };
  const out = new JSZip();
  for (const name of [...names].sort((a, b) => rank(a) - rank(b))) out.file(name, await source.files[name].async('nodebuffer'));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('readWorkbook', () => {
  const expectRead = (book: Awaited<ReturnType<typeof readWorkbook>>) => {
    expect(book.problems).toEqual([]);
    expect(book.data.orgs).toEqual([expect.objectContaining({ id: 'x-branch', name: '测试团支部' })]);
    expect(book.data.members).toEqual([expect.objectContaining({ id: 'x-m1', name: '张三', orgId: 'x-branch' })]);
  };

  it('reads a workbook as exceljs stores it (sheet names last)', async () => {
    expectRead(await readWorkbook(await workbook()));
  });

  it('reads it with shared strings before the sheets and the workbook part after them', async () => {
    const bytes = await reordered(await workbook(), [/^\[Content_Types\]/, /^_rels\//, /^xl\/_rels\//, /^xl\/sharedStrings/, /^xl\/worksheets\//]);
    expectRead(await readWorkbook(bytes));
  });

  it('reads it with the workbook part first', async () => {
    const bytes = await reordered(await workbook(), [/^xl\/workbook\.xml$/, /^xl\/_rels\//, /^xl\/sharedStrings/]);
    expectRead(await readWorkbook(bytes));
  });

  it('still calls a file that is not a workbook broken, and an empty one empty', async () => {
    const broken = await readWorkbook(Buffer.from('not a zip at all, just text'));
    expect(broken.problems).toEqual([expect.objectContaining({ row: '文件', message: expect.stringContaining('无法读取为 .xlsx 工作簿') })]);
    const empty = await readWorkbook(Buffer.alloc(0));
    expect(empty.problems).toEqual([expect.objectContaining({ row: '文件', message: '文件是空的' })]);
    const zipWithoutWorkbook = await new JSZip().file('hello.txt', 'hi').generateAsync({ type: 'nodebuffer' });
    expect((await readWorkbook(zipWithoutWorkbook)).problems).toEqual([expect.objectContaining({ row: '文件', message: expect.stringContaining('无法读取为 .xlsx 工作簿') })]);
  });

  it('stops reading past its row limit, and past 500 problems, instead of holding a whole oversized file in memory', async () => {
    const book = new ExcelJS.Workbook();
    const members = book.addWorksheet('members');
    members.addRow(['id', 'name', 'idNumber', 'phone', 'orgId']);
    for (let i = 0; i < 50; i++) members.addRow([`m${i}`, '张三', '420111200401010016', '13800000001', 'x-branch']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    expect((await readWorkbook(bytes, 50)).data.members).toHaveLength(50);
    const cut = await readWorkbook(bytes, 20);
    expect(cut.data.members).toHaveLength(21);
    expect(cut.problems).toEqual([expect.objectContaining({ row: '文件', message: expect.stringContaining('超过 20 行') })]);

    const noisy = new ExcelJS.Workbook();
    const sheet = noisy.addWorksheet('members');
    sheet.addRow(['id', 'name']);
    for (let i = 0; i < 600; i++) sheet.addRow([`m${i}`, '张三', '没有表头的值']);
    const read = await readWorkbook(Buffer.from(await noisy.xlsx.writeBuffer()));
    expect(read.data.members.length).toBeLessThan(600);
    expect(read.problems.length).toBeLessThanOrEqual(502);
    expect(read.problems.at(-1)).toEqual(expect.objectContaining({ row: '文件', message: expect.stringContaining('问题太多') }));
  });
});

describe('ImportRejected', () => {
  it('lists the first 500 problems and counts them all', () => {
    const problems = Array.from({ length: 1200 }, (_, i) => ({ row: `members[${i}]`, field: 'phone', message: '手机号格式不正确' }));
    const e = new ImportRejected(problems);
    expect(e.message).toBe('导入文件有 1200 处错误，下面列出前 500 处，未导入任何数据');
    expect(e.details.problems).toHaveLength(500);
    expect(new ImportRejected(problems.slice(0, 3)).message).toBe('导入文件有 3 处错误，未导入任何数据');
  });
});
