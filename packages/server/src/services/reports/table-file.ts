import Papa from 'papaparse';
import type { ExportTable } from './report-tables';

/** A table as a file: CSV (UTF-8 with a BOM, so spreadsheet programs read Chinese) or XLSX. */
export async function tableFile(
  table: ExportTable,
  format: 'csv' | 'xlsx',
): Promise<{ bytes: Uint8Array; contentType: string; filename: string }> {
  if (format === 'csv') {
    const text = `\uFEFF${Papa.unparse({ fields: table.headers, data: table.rows.map(neutralise) })}\r\n`;
    return {
      bytes: new TextEncoder().encode(text),
      contentType: 'text/csv; charset=utf-8',
      filename: `${table.name}.csv`,
    };
  }
  // exceljs takes ~0.3 s to load: only the first XLSX export loads it, not the server's start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(table.name);
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(neutraliseCell));
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return {
    bytes: new Uint8Array(await book.xlsx.writeBuffer()),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${table.name}.xlsx`,
  };
}

/** Text starting like a formula is prefixed with ' so no spreadsheet runs it (CSV injection). */
function neutraliseCell(cell: string | number | null): string | number | null {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const neutralise = (row: (string | number | null)[]) => row.map(neutraliseCell);
