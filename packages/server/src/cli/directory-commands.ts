import { readFile, writeFile } from 'node:fs/promises';
import { composeServer } from '../compose-server';
import { loadConfig } from '../config/server-config';
import { createLogger } from '../http/logger';
import { ApiProblem } from '../http/problem';
import { exportOrganisation, importOrganisation, type SheetFormat } from '../organisation/org-transfer';
import type { CliIo } from './cli-io';
import { parseFlags } from './parse-flags';

const HELP = `Usage: flowform directory export [--format xlsx|csv] -o <file>
       flowform directory import <file> [--dry-run]

export   writes the whole organisation as a spreadsheet: XLSX with the sheets units, people,
         memberships and contracts, or one CSV whose "sheet" column names each row's sheet
import   reads such a file (XLSX or CSV) and applies the difference to the current directory as
         one directory change (superiors derived again, open tasks follow); with --dry-run, or
         when any row is in error, nothing changes and every row error is listed
The database is DATABASE_URL's, else PGlite in ./data (stop a PGlite server first).`;

/** `flowform directory export|import` */
export async function directoryCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(
    args.map((a) => (a === '-o' ? '--output' : a)),
    { boolean: ['help', 'dry-run'], string: ['format', 'output'] },
  );
  if (flags.help) {
    io.out(HELP);
    return 0;
  }
  const [action, file, ...extra] = flags.positional;
  const format = (flags.strings.format ?? 'xlsx') as SheetFormat;
  const problems = [...flags.errors];
  if (action === 'export') {
    if (format !== 'xlsx' && format !== 'csv') problems.push('--format is xlsx or csv');
    if (!flags.strings.output) problems.push('-o <file> is required');
    if (file !== undefined || extra.length > 0) problems.push(`unexpected ${[file, ...extra].join(' ')}`);
  } else if (action === 'import') {
    if (!file) problems.push('name the file to import');
    if (extra.length > 0) problems.push(`unexpected ${extra.join(' ')}`);
  } else problems.push('say export or import');
  if (problems.length > 0) {
    io.err([...problems.map((p) => `flowform directory: ${p}`), '', HELP].join('\n'));
    return 2;
  }
  const { ctx, database } = await composeServer(loadConfig(), createLogger('silent'));
  try {
    if (action === 'export') {
      await writeFile(flags.strings.output!, await exportOrganisation(ctx, format));
      io.out(`Organisation written to ${flags.strings.output}`);
      return 0;
    }
    const bytes = new Uint8Array(await readFile(file!));
    const dryRun = flags['dry-run'] === true;
    try {
      const result = await importOrganisation(ctx, bytes, { dryRun, by: 'cli', locale: 'en' });
      for (const e of result.rowErrors)
        io.err(`${e.sheet} line ${e.line}, ${e.column}: ${e.message.en} / ${e.message['zh-CN']}`);
      io.out(
        [
          `${result.ops.length} operations; ${result.preview.superiors.length} superiors change; ` +
            `${result.preview.tasks.length} open tasks move; ${result.preview.unresolvedRules.length} rules would find nobody`,
          ...result.preview.brokenProofs.map((b) => `breaks ${b.code} in ${b.processKey}: ${b.detail}`),
          result.applied
            ? `Applied as directory version ${result.version}.`
            : dryRun
              ? 'Nothing changed (dry run).'
              : 'Nothing to change.',
        ].join('\n'),
      );
      return result.rowErrors.length > 0 ? 1 : 0;
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const rows = (error.extensions.rowErrors ?? error.extensions.issues ?? []) as unknown[];
      for (const row of rows) io.err(JSON.stringify(row));
      io.err(`flowform directory: ${error.title}${error.detail ? `: ${error.detail}` : ''}; nothing changed`);
      return 1;
    }
  } finally {
    await database.close();
  }
}
