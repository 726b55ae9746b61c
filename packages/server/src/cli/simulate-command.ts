import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type DefinitionBundle,
  type DirectorySeed,
  type ProcessDefinition,
  peoplePaths,
  ScriptError,
  type SimulationScript,
  simulate,
} from '@flowform/engine';
import { loadDefinitionFile } from '../seed/definition-files';
import type { CliIo } from './cli-io';
import { parseFlags } from './parse-flags';
import { simulationText } from './simulation-text';

const HELP = `Usage: flowform simulate <key|file.json> [--script file] [--json] [--workflows dir] [--forms dir]
                         [--directory seed.json] [--max-steps n]

Tries a process before it is published, on a virtual clock and the directory: walks every path
(each outcome at each step, form samples around every guard, returns, child cases ending, timers
when nobody acts) and prints each step — who acts, what happens, who is asked next and by when —
then each path as the people who would walk it (发起: 张三 → 审核: 李四 → 审批: 王五, named from the
directory after separation of duties), then the coverage of states and transitions. With --script, follows the steps of the script instead:
  { "start": { "user": "…", "data": {…} },
    "steps": [ { "user": "…", "outcome": "…", "data": {…}, "comment": "…", "state": "…" },
               { "advance": "P3D" }, { "childDone": "completed" },
               { "user": "…", "command": { "type": "return", "target": "…", "comment": "…" } } ] }
  --json              print the report as one JSON object
  --workflows dir     where definitions live (default: workflows/)
  --forms dir         where forms live (default: forms/ beside the definitions' folder)
  --directory file    directory seed (default: the demo directory)
  --max-steps n       stop the walk after n steps (default 20000)`;

const DEMO_DIRECTORY = new URL('../../seed/demo-directory.json', import.meta.url);

function readJson<T>(path: string | URL): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function definitionFile(keyOrFile: string, workflows: string | undefined): string | undefined {
  if (keyOrFile.endsWith('.json')) return existsSync(keyOrFile) ? resolve(keyOrFile) : undefined;
  const file = join(resolve(workflows ?? 'workflows'), `${keyOrFile}.json`);
  return existsSync(file) ? file : undefined;
}

/** `flowform simulate`: walk every path of a definition, or a script, and report coverage. */
export async function simulateCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, {
    boolean: ['json', 'help'],
    string: ['script', 'workflows', 'forms', 'directory', 'max-steps'],
  });
  if (flags.help) {
    io.out(HELP);
    return 0;
  }
  if (flags.errors.length > 0 || flags.positional.length !== 1) {
    io.err([...flags.errors, 'flowform simulate: name one process', '', HELP].join('\n'));
    return 2;
  }
  const file = definitionFile(flags.positional[0]!, flags.strings.workflows);
  if (!file) {
    io.err(
      `flowform simulate: no process '${flags.positional[0]}' in ${flags.strings.workflows ?? 'workflows'}/`,
    );
    return 2;
  }
  const loaded = loadDefinitionFile(file, flags.strings.forms ? resolve(flags.strings.forms) : undefined);
  if (loaded.parseError) {
    io.err(`flowform simulate: ${file}: ${loaded.parseError}`);
    return 1;
  }
  const bundle: DefinitionBundle = {
    definition: loaded.definition as ProcessDefinition,
    forms: loaded.forms,
  };
  const seed = readJson<DirectorySeed>(
    flags.strings.directory ? resolve(flags.strings.directory) : DEMO_DIRECTORY,
  );
  const maxSteps = flags.strings['max-steps'] ? Number(flags.strings['max-steps']) : undefined;
  try {
    const script = flags.strings.script
      ? readJson<SimulationScript>(resolve(flags.strings.script))
      : undefined;
    const report = simulate(bundle, seed, { script, maxSteps });
    io.out(
      flags.json ? JSON.stringify({ ...report, peoplePaths: peoplePaths(report) }) : simulationText(report),
    );
    return 0;
  } catch (error) {
    if (error instanceof ScriptError || error instanceof SyntaxError) {
      io.err(`flowform simulate: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
