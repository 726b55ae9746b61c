import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DefinitionBundle, FormDefinition, ProcessDefinition } from '@flowform/engine';
import { composeServer } from '../compose-server';
import { loadConfig } from '../config/server-config';
import { createLogger } from '../http/logger';
import { loadDefinitionFile } from '../seed/definition-files';
import { publishBundles } from '../seed/demo-seed';
import type { CliIo } from './cli-io';
import { parseFlags } from './parse-flags';
import { publishedBundle } from './published-bundle';

const EXPORT_HELP = `Usage: flowform export <key> [--version n] [--out file]

Writes a published definition with its forms as one bundle JSON { definition, forms } (the latest
version unless --version), to stdout or --out.`;

const IMPORT_HELP = `Usage: flowform import <file> [--by username]

Publishes a bundle JSON (as export writes it, or a bare definition with forms/ beside its folder) as
the next version, after lint: any lint error refuses it (exit 1). An identical bundle is not
published twice. --by names the publisher in the audit log (default: cli).`;

/** `flowform export <key>` */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { boolean: ['help'], string: ['version', 'out'] });
  if (flags.help) {
    io.out(EXPORT_HELP);
    return 0;
  }
  const key = flags.positional[0];
  if (flags.errors.length > 0 || !key || flags.positional.length > 1) {
    io.err([...flags.errors, 'flowform export: name one definition key', '', EXPORT_HELP].join('\n'));
    return 2;
  }
  const bundle = await publishedBundle('export', key, flags.strings.version, io);
  if (!bundle) return 1;
  const text = JSON.stringify({ definition: bundle.definition, forms: bundle.forms }, null, 2);
  if (flags.strings.out) writeFileSync(resolve(flags.strings.out), `${text}\n`);
  else io.out(text);
  return 0;
}

/** `flowform import <file>` */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { boolean: ['help'], string: ['by'] });
  if (flags.help) {
    io.out(IMPORT_HELP);
    return 0;
  }
  const file = flags.positional[0];
  if (flags.errors.length > 0 || !file || flags.positional.length > 1) {
    io.err([...flags.errors, 'flowform import: name one bundle file', '', IMPORT_HELP].join('\n'));
    return 2;
  }
  const loaded = loadDefinitionFile(resolve(file));
  if (loaded.parseError || !loaded.definition) {
    io.err(`flowform import: ${loaded.parseError ?? 'no definition in the file'}`);
    return 1;
  }
  const bundle: DefinitionBundle = {
    definition: loaded.definition as ProcessDefinition,
    forms: loaded.forms as Record<string, FormDefinition>,
  };
  const { ctx, database } = await composeServer(loadConfig(), createLogger('silent'));
  try {
    const directory = await ctx.runtime.directoryAt();
    const result = await publishBundles(ctx, [bundle], directory, flags.strings.by ?? 'cli');
    if (result.skipped.length > 0) {
      io.err(`flowform import: lint errors; run 'flowform lint ${file}' to see them`);
      return 1;
    }
    io.out(`Published ${result.published.join(', ')}`);
    return 0;
  } finally {
    await database.close();
  }
}
