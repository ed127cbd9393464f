import type { Readable } from 'node:stream';
import type { ImportProblem } from '@xianjie/contract';
import ExcelJS from 'exceljs';
import { SheetKey, SheetSpec, SHEETS } from './import-sheets';
import { MAX_LISTED_PROBLEMS } from './imports.errors';

type Record_ = Record<string, unknown>;

/** An `.xlsx` workbook read into the JSON import structure, plus where each record came from. */
export interface ParsedWorkbook {
  data: Record<SheetKey, Record_[]>;
  /** Problems of the workbook's shape (sheets, headers): when any, the records are not worth validating. */
  problems: ImportProblem[];
  /** Turns a JSON-style problem (`members[3]`, `phone`) into the sheet, row number and Chinese column. */
  locate(problem: ImportProblem): ImportProblem;
}

const TRUE = new Set(['true', '是', 'y', 'yes', '1']);
const FALSE = new Set(['false', '否', 'n', 'no', '0']);

/** A cell's plain value: rich text joined, a formula's result, a hyperlink's text. */
function plain(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in v) return plain((v as ExcelJS.CellHyperlinkValue).text);
  return undefined; // error values (#N/A…) read as empty
}

const header = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** The parts of exceljs' WorkbookReader this drives itself, in the order a workbook needs them. */
interface WorkbookParts {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncIterable<unknown>;
  _parseWorksheet(rows: Readable, sheetNo: string): Iterable<{ eventType: string; value: WorksheetStream }>;
}
type WorksheetStream = AsyncIterable<unknown> & { name?: string };

/**
 * The workbook's sheets, each still read a row at a time. exceljs' streaming reader reads the
 * archive in one pass and takes the sheet names from xl/workbook.xml, which exceljs itself (and
 * other writers) stores last: a sheet read before it had no name, and the one pass sometimes lost
 * that last part altogether — a valid file rejected as broken, more often on a busy machine
 * ("Cannot read properties of undefined (reading 'sheets')", exceljs#3064; failed CI on 2026-12-02).
 * The archive is in memory anyway (an upload is a capped buffer, see imports.module.ts), so it is
 * opened through its central directory instead and read in the order a workbook needs: the relationships,
 * the workbook (sheet names), the shared strings, then the sheets by number — whatever the order
 * of the parts in the file.
 */
async function* worksheets(archive: Buffer): AsyncGenerator<WorksheetStream> {
  const { Open } = await import('unzipper');
  const directory = await Open.buffer(archive);
  const part = (path: string) => directory.files.find((f) => f.type === 'File' && f.path === path);
  const rels = part('xl/_rels/workbook.xml.rels');
  const workbook = part('xl/workbook.xml');
  if (!rels || !workbook) throw new Error('not a workbook: no xl/workbook.xml or its relationships');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' }) as unknown as WorkbookParts;
  await reader._parseRels(rels.stream());
  await reader._parseWorkbook(workbook.stream());
  const strings = part('xl/sharedStrings.xml');
  if (strings) for await (const _ of reader._parseSharedStrings(strings.stream())) void _;
  const sheets = directory.files
    .flatMap((f) => {
      const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(f.path);
      return m && f.type === 'File' ? [{ no: m[1], file: f }] : [];
    })
    .sort((a, b) => Number(a.no) - Number(b.no));
  for (const { no, file } of sheets) {
    for (const event of reader._parseWorksheet(file.stream(), no)) if (event.eventType === 'worksheet') yield event.value;
  }
}

/**
 * Reads the workbook a sheet and a row at a time (see `worksheets` above), straight into plain
 * records; values are converted only as far as a spreadsheet blurs them (numbers typed into text
 * columns, 是/否, Chinese labels for codes) — judging them is `validateImport`'s job alone.
 */
/** Rows a workbook may hold in all: the JSON import's 500,000 values at ≈ 8 a row. Reading stops past it. */
export const MAX_WORKBOOK_ROWS = 60_000;

class TooManyRows extends Error {}

export async function readWorkbook(archive: Buffer, maxRows = MAX_WORKBOOK_ROWS): Promise<ParsedWorkbook> {
  const data: Record<SheetKey, Record_[]> = { orgs: [], members: [], admins: [] };
  const rowNumbers: Record<SheetKey, number[]> = { orgs: [], members: [], admins: [] };
  const sheetNames: Record<SheetKey, string> = { orgs: 'orgs', members: 'members', admins: 'admins' };
  /** Records whose ID number arrived as a number: Excel keeps 15 digits, so the hint says why it is wrong. */
  const numericIds = new Set<string>();
  const problems: ImportProblem[] = [];
  const shape = (where: string, message: string) => problems.push({ row: where, field: '', where, message });

  // Checked after every row: a file of a million rows is refused at the 60,001st, not after reading it all.
  const stopIfTooMany = () => {
    if (data.orgs.length + data.members.length + data.admins.length > maxRows || problems.length > MAX_LISTED_PROBLEMS) throw new TooManyRows();
  };
  const seen = new Set<SheetKey>();
  const parse = async () => {
    for await (const sheet of worksheets(archive)) {
      const name = String(sheet.name ?? '').trim();
      const spec = SHEETS.find((s) => s.key === name.toLowerCase() || s.label === name);
      if (!spec) {
        shape(`工作表「${name}」`, `未知的工作表，应为 ${SHEETS.map((s) => `${s.key}（${s.label}）`).join('、')}`);
        continue;
      }
      if (seen.has(spec.key)) shape(`工作表「${name}」`, `与另一张工作表重复，都是 ${spec.key}（${spec.label}）`);
      seen.add(spec.key);
      sheetNames[spec.key] = name;
      await readSheet(sheet as unknown as AsyncIterable<ExcelJS.Row>, spec, name, data[spec.key], rowNumbers[spec.key], numericIds, shape, stopIfTooMany);
    }
  };
  if (archive.length === 0) shape('文件', '文件是空的');
  else {
    try {
      await parse();
    } catch (e) {
      if (e instanceof TooManyRows) shape('文件', `工作簿超过 ${maxRows} 行，或问题太多，已停止读取：请按学院拆分成几个文件分批导入`);
      else shape('文件', '无法读取为 .xlsx 工作簿：文件已损坏，或不是 .xlsx 格式（.xls 请先另存为 .xlsx）');
    }
  }

  const where = (row: string): { key: SheetKey; index: number } | null => {
    const m = /^(orgs|members|admins)\[(\d+)\]$/.exec(row);
    return m ? { key: m[1] as SheetKey, index: Number(m[2]) } : null;
  };
  const rowLabel = (key: SheetKey, index: number) => `${sheetNames[key]} 表第 ${rowNumbers[key][index] ?? '?'} 行`;
  return {
    data,
    problems,
    locate(p) {
      const at = where(p.row);
      if (!at) return p;
      const column = SHEETS.find((s) => s.key === at.key)!.columns.find((c) => c.field === p.field);
      const row = rowLabel(at.key, at.index);
      let message = p.message.replace(/\b(orgs|members|admins)\[(\d+)\]/g, (_, k: SheetKey, i: string) => rowLabel(k, Number(i)));
      if (p.field === 'idNumber' && numericIds.has(p.row)) message += '（该单元格是数字格式，Excel 只保留 15 位有效数字：请把这一列设为文本后重新填写）';
      return { ...p, row, where: `${row}${column ? `「${column.label}」` : p.field ? `「${p.field}」` : ''}`, message };
    },
  };
}

async function readSheet(
  sheet: AsyncIterable<ExcelJS.Row>, spec: SheetSpec, name: string, out: Record_[], rowNumbers: number[], numericIds: Set<string>,
  shape: (where: string, message: string) => void, stopIfTooMany: () => void,
): Promise<void> {
  let columns: (SheetSpec['columns'][number] | null)[] | null = null;
  for await (const row of sheet) {
    const values = (row.values as ExcelJS.CellValue[]).map(plain);
    const filled = values.some((v) => v !== undefined && !(typeof v === 'string' && v.trim() === ''));
    if (!filled) continue;
    if (!columns) {
      columns = [];
      const used = new Set<string>();
      values.forEach((v, col) => {
        const h = header(v);
        if (!h) return;
        const c = spec.columns.find((x) => x.field === h || x.label === h);
        const at = `${name} 表第 ${row.number} 行「${h}」`;
        if (!c) shape(at, `未知的列，应为 ${spec.columns.map((x) => `${x.field}（${x.label}）`).join('、')}`);
        else if (used.has(c.field)) shape(at, `与另一列重复，都是 ${c.field}（${c.label}）`);
        else {
          used.add(c.field);
          columns![col] = c;
        }
      });
      continue;
    }
    const record: Record_ = {};
    const index = out.length;
    columns.forEach((c, col) => {
      if (!c) return;
      const v = values[col];
      if (v === undefined || (typeof v === 'string' && v.trim() === '')) return;
      if (c.field === 'idNumber' && typeof v === 'number') numericIds.add(`${spec.key}[${index}]`);
      record[c.field] = convert(c, v);
    });
    // A value in a column without a header would be silently lost: say so instead.
    values.forEach((v, col) => {
      if (!columns![col] && v !== undefined && !(typeof v === 'string' && v.trim() === '')) shape(`${name} 表第 ${row.number} 行第 ${col} 列`, '这一列没有可识别的表头，值无法导入');
    });
    out.push(record);
    rowNumbers.push(row.number);
    stopIfTooMany();
  }
}

function convert(c: SheetSpec['columns'][number], v: unknown): unknown {
  if (c.type === 'bool') {
    const s = String(v).trim().toLowerCase();
    return TRUE.has(s) ? true : FALSE.has(s) ? false : v;
  }
  if (c.type === 'int') return typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  const s = v instanceof Date ? v.toISOString() : String(v).trim();
  return c.values?.[s] ?? s;
}
