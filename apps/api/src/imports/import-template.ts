import ExcelJS from 'exceljs';
import { SHEETS } from './import-sheets';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The downloadable template: the three sheets under their Chinese names, Chinese headers, one
 * example row each. ID-number and phone columns are text-formatted, since Excel keeps only 15
 * digits of a number and an 18-digit ID typed as one loses its last three.
 */
export async function importTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const spec of SHEETS) {
    const sheet = book.addWorksheet(spec.label);
    sheet.columns = spec.columns.map((c) => ({
      header: c.label, key: c.field, width: Math.max(12, c.label.length * 2 + 4),
      style: c.field === 'idNumber' || c.field === 'phone' || c.field === 'id' || c.field.endsWith('Id') ? { numFmt: '@' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRow(spec.example);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
