import ExcelJS from 'exceljs';

/** One row of a batch pull-in (批量转入): who, and into which of the admin's own branches. */
export interface PullInRow {
  /** The row number in the sheet, so the answer points at the line the admin typed. */
  row: number;
  memberName: string;
  memberIdNumber: string;
  /** The receiving branch's id or its exact name. */
  branch: string;
}

export const PULL_IN_COLUMNS = [
  { field: 'memberName', label: '姓名', aliases: ['name', '团员姓名'], example: '张三', width: 12 },
  { field: 'memberIdNumber', label: '身份证号', aliases: ['idNumber', '身份证号码'], example: '420111200401010017', width: 22 },
  { field: 'branch', label: '接收团支部', aliases: ['branchId', 'receivingBranch', '接收团支部编号', '接收组织'], example: '2026级硕士研究生第一团支部', width: 30 },
] as const;

type Field = (typeof PULL_IN_COLUMNS)[number]['field'];

export type SheetResult = { ok: true; rows: PullInRow[] } | { ok: false; message: string };

/** A cell's text: rich text joined, a formula's result, numbers as typed. */
function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('result' in v) return text(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    return '';
  }
  return String(v).trim();
}

/**
 * The first sheet of an uploaded workbook: a header row (Chinese labels or field names), then
 * one member a row. Blank rows are skipped; at most `maxRows` rows are read before giving up.
 */
export async function readPullInSheet(bytes: Buffer, maxRows: number): Promise<SheetResult> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: '无法读取为 .xlsx 工作簿：文件已损坏，或不是 .xlsx 格式（.xls 请先另存为 .xlsx）' };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { ok: false, message: '工作簿里没有工作表' };
  let columns: Map<number, Field> | null = null;
  const rows: PullInRow[] = [];
  let problem: string | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (problem) return;
    const cells = (row.values as ExcelJS.CellValue[]).map(text);
    if (!cells.some(Boolean)) return;
    if (!columns) {
      const found = new Map<number, Field>();
      cells.forEach((h, col) => {
        const c = PULL_IN_COLUMNS.find((x) => x.field === h || x.label === h || (x.aliases as readonly string[]).includes(h));
        if (c) found.set(col, c.field);
      });
      columns = found;
      const missing = PULL_IN_COLUMNS.filter((c) => ![...found.values()].includes(c.field));
      if (missing.length) problem = `第 ${number} 行应为表头，缺少列：${missing.map((c) => c.label).join('、')}`;
      return;
    }
    if (rows.length >= maxRows) {
      problem = `一次最多导入 ${maxRows} 行，请分批上传`;
      return;
    }
    const r: PullInRow = { row: number, memberName: '', memberIdNumber: '', branch: '' };
    for (const [col, field] of columns as Map<number, Field>) r[field] = cells[col] ?? '';
    rows.push(r);
  });
  if (problem) return { ok: false, message: problem };
  if (!columns) return { ok: false, message: '工作表是空的' };
  if (rows.length === 0) return { ok: false, message: '表里没有要转入的团员' };
  return { ok: true, rows };
}

/** The downloadable template: Chinese headers, one example row, text-formatted ID column. */
export async function pullInTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('批量转入');
  sheet.columns = PULL_IN_COLUMNS.map((c) => ({ header: c.label, key: c.field, width: c.width, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(PULL_IN_COLUMNS.map((c) => [c.field, c.example])));
  return Buffer.from(await book.xlsx.writeBuffer());
}
