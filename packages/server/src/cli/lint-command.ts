import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSON_LIMITS } from '@flowform/api';
import { type DirectorySeed, InMemoryDirectory, type LintProblem, lintDefinition } from '@flowform/engine';
import { expandPaths, JsonFileError, loadDefinitionFile, readJsonFile } from '../seed/definition-files';
import type { CliIo } from './cli-io';
import { parseFlags } from './parse-flags';

const HELP = `Usage: flowform lint <files|dirs…> [--json] [--forms dir] [--directory seed.json]

Checks each process definition (or definition bundle) and prints every problem with its code and a
one-line hint. Exit code 1 when any error is found, 0 otherwise (warnings do not fail). Files over
1 MiB or nested deeper than 32 levels are refused (json-too-large), as the API refuses such bodies.
  --json              print one JSON object instead of text
  --forms dir         where forms live (default: forms/ beside the definitions' folder)
  --directory file    directory seed used to check that every task finds its people
                      (default: the demo directory)`;

const DEMO_DIRECTORY = fileURLToPath(new URL('../../seed/demo-directory.json', import.meta.url));

/** `flowform lint`: static verification of definitions before they are published. */
export async function lintCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { boolean: ['json', 'help'], string: ['forms', 'directory'] });
  if (flags.help) {
    io.out(HELP);
    return 0;
  }
  if (flags.errors.length > 0 || flags.positional.length === 0) {
    io.err([...flags.errors, 'flowform lint: name at least one file or directory', '', HELP].join('\n'));
    return 2;
  }
  let files: string[];
  try {
    files = expandPaths(flags.positional);
  } catch (error) {
    io.err(`flowform lint: ${(error as Error).message}`);
    return 2;
  }
  let directory: InMemoryDirectory | undefined;
  try {
    directory = loadDirectory(flags.strings.directory);
  } catch (error) {
    if (!(error instanceof JsonFileError)) throw error;
    io.err(`flowform lint: --directory: ${error.message}`);
    return 2;
  }
  const loaded = files.map((f) =>
    loadDefinitionFile(f, flags.strings.forms ? resolve(flags.strings.forms) : undefined),
  );
  const processes = new Set(
    loaded.map((l) => (l.definition as { key?: string } | undefined)?.key).filter((k): k is string => !!k),
  );
  const results = loaded.map((l) => {
    const problems: LintProblem[] = l.parseError
      ? [
          {
            code: l.parseErrorCode ?? 'json-invalid',
            severity: 'error',
            message: l.parseError,
            path: '/',
            hint:
              l.parseErrorCode === 'json-too-large'
                ? `Keep files under ${JSON_LIMITS.maxBytes / 1024} KiB and ${JSON_LIMITS.maxDepth} levels of nesting, the API's limits`
                : 'Fix the JSON syntax',
          },
        ]
      : lintDefinition(l.definition, { forms: l.forms, processes, directory });
    return { file: relative(process.cwd(), l.file), problems };
  });
  const errors = results.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'warning').length, 0);
  if (flags.json) {
    io.out(JSON.stringify({ files: results, errors, warnings }, null, 2));
  } else {
    for (const r of results) {
      for (const p of r.problems)
        io.out(`${r.file}: ${p.severity} ${p.code} at ${p.path}: ${p.message}\n    hint: ${p.hint}`);
    }
    io.out(`${results.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)`);
  }
  return errors > 0 ? 1 : 0;
}

function loadDirectory(path: string | undefined): InMemoryDirectory | undefined {
  const file = path ? resolve(path) : DEMO_DIRECTORY;
  if (!existsSync(file)) return undefined;
  return new InMemoryDirectory(readJsonFile(file) as DirectorySeed);
}
