/**
 * The organisation's sheets as files: XLSX (one worksheet per sheet, through `exceljs`) or one CSV
 * with a `sheet` column naming each row's sheet and the union of the sheets' columns (through
 * `papaparse`; UTF-8 with a byte-order mark so spreadsheet programs read the Chinese names).
 */
import Papa from 'papaparse';
import { SHEETS, type SheetName, type SheetRows } from './org-sheets';

/** A file that cannot be read as the organisation's sheets at all (not a row's fault). */
export class SheetFileError extends Error {
  override readonly name = 'SheetFileError';
}

const NAMES = Object.keys(SHEETS) as SheetName[];
/** The CSV's columns: `sheet`, then every sheet's columns once, in sheet order. */
export const CSV_COLUMNS = ['sheet', ...new Set(NAMES.flatMap((n) => [...SHEETS[n]]))];
/** A fixed date for the workbook's properties, so the same organisation gives the same file. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

const emptyRows = (): SheetRows => ({ units: [], people: [], memberships: [], contracts: [] });

/** exceljs takes ~0.3 s to load: only an import or export of the organisation's XLSX loads it. */
const loadExcel = async () => (await import('exceljs')).default;

export async function writeXlsx(rows: Record<SheetName, string[][]>): Promise<Uint8Array> {
  const [ExcelJS, { default: JSZip }] = await Promise.all([loadExcel(), import('jszip')]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Flowform';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const name of NAMES) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([...SHEETS[name]]);
    for (const row of rows[name]) sheet.addRow(row);
  }
  // The zip entries carry the time they were written: fix it, so the same organisation gives the same bytes.
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  for (const entry of Object.values(zip.files)) entry.date = FIXED_DATE;
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function readXlsx(bytes: Uint8Array): Promise<SheetRows> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new SheetFileError('not an XLSX workbook');
  }
  const out = emptyRows();
  for (const name of NAMES) {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new SheetFileError(`the workbook has no sheet "${name}"`);
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim());
    const missing = SHEETS[name].filter((c) => !header.includes(c));
    if (missing.length > 0)
      throw new SheetFileError(`sheet "${name}" lacks the columns ${missing.join(', ')}`);
    sheet.eachRow((row, line) => {
      if (line === 1) return;
      const cells: Record<string, string> = {};
      for (const column of SHEETS[name]) cells[column] = row.getCell(header.indexOf(column)).text.trim();
      if (Object.values(cells).some(Boolean)) out[name].push({ line, cells });
    });
  }
  return out;
}

export function writeCsv(rows: Record<SheetName, string[][]>): string {
  const data = NAMES.flatMap((name) =>
    rows[name].map((row) => {
      const record: Record<string, string> = Object.fromEntries(CSV_COLUMNS.map((c) => [c, '']));
      record.sheet = name;
      SHEETS[name].forEach((column, i) => {
        record[column] = row[i] ?? '';
      });
      return CSV_COLUMNS.map((c) => record[c]!);
    }),
  );
  return `\uFEFF${Papa.unparse({ fields: CSV_COLUMNS, data }, { newline: '\r\n' })}\r\n`;
}

export function readCsv(text: string): SheetRows {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const [header, ...body] = parsed.data;
  const columns = (header ?? []).map((h) => h.trim());
  const missing = CSV_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new SheetFileError(`the CSV lacks the columns ${missing.join(', ')}`);
  const out = emptyRows();
  const unknown: number[] = [];
  body.forEach((values, i) => {
    const line = i + 2;
    if (values.every((v) => !v.trim())) return;
    const sheet = values[columns.indexOf('sheet')]?.trim() as SheetName;
    if (!NAMES.includes(sheet)) {
      unknown.push(line);
      return;
    }
    const cells: Record<string, string> = {};
    for (const column of SHEETS[sheet]) cells[column] = (values[columns.indexOf(column)] ?? '').trim();
    out[sheet].push({ line, cells });
  });
  if (unknown.length > 0)
    throw new SheetFileError(
      `lines ${unknown.join(', ')} name no sheet (units, people, memberships, contracts)`,
    );
  return out;
}
