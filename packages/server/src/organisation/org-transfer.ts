import type { ChangeResult, RowError } from '@flowform/api';
import { diffDirectory, type Locale } from '@flowform/engine';
import { readDirectorySeed } from '@flowform/runtime';
import { ApiProblem } from '../http/problem';
import type { ServerContext } from '../server-context';
import { changeDirectory } from './directory-change';
import { rowsToSeed, seedToRows } from './org-sheets';
import { readCsv, readXlsx, SheetFileError, writeCsv, writeXlsx } from './sheet-files';

/** The spreadsheet formats. */
export type SheetFormat = 'xlsx' | 'csv';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The whole organisation as a file of `format`. */
export async function exportOrganisation(ctx: ServerContext, format: SheetFormat): Promise<Uint8Array> {
  const { seed } = await readDirectorySeed(ctx.runtime.db);
  const rows = seedToRows(seed);
  return format === 'xlsx' ? writeXlsx(rows) : new TextEncoder().encode(writeCsv(rows));
}

/** What an import answers: the change (applied or previewed) and every row error. */
export type ImportResult = ChangeResult & { rowErrors: RowError[] };

/**
 * Imports a whole organisation file (XLSX, recognised by its zip signature, or CSV): every row
 * checked; with row errors nothing changes (a dry run lists them with the difference of the valid
 * rows, an import answers 422 `directory-import-rows`); otherwise the difference to the current
 * directory goes as one directory change (previewed only on a dry run).
 */
export async function importOrganisation(
  ctx: ServerContext,
  bytes: Uint8Array,
  options: { dryRun: boolean; by: string; locale: Locale },
): Promise<ImportResult> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let rows: Awaited<ReturnType<typeof readXlsx>>;
  try {
    rows = isZip ? await readXlsx(bytes) : readCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    if (error instanceof SheetFileError || error instanceof TypeError)
      throw new ApiProblem(
        422,
        'directory-import-file',
        'The file cannot be read as a spreadsheet',
        error.message,
      );
    throw error;
  }
  const { seed: target, errors } = rowsToSeed(rows);
  if (errors.length > 0) {
    if (!options.dryRun) {
      throw new ApiProblem(
        422,
        'directory-import-rows',
        'The spreadsheet has rows in error',
        errors[0]!.message[options.locale],
        {
          errors: errors.map((e) => ({
            path: `/${e.sheet}/${e.line}/${e.column}`,
            keyword: e.code,
            message: e.message[options.locale],
          })),
          rowErrors: errors,
        },
      );
    }
    const { seed, version } = await readDirectorySeed(ctx.runtime.db);
    const ops = diffDirectory(seed, target);
    const preview = { superiors: [], tasks: [], unresolvedRules: [], brokenProofs: [] };
    return { applied: false, fromVersion: version, version, ops, preview, rowErrors: errors };
  }
  const { seed } = await readDirectorySeed(ctx.runtime.db);
  const ops = diffDirectory(seed, target);
  const result = await changeDirectory(
    ctx,
    { ops, dryRun: options.dryRun },
    options.by,
    options.locale,
    'import',
  );
  return { ...result, rowErrors: [] };
}
