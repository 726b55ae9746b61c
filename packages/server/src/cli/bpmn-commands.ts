import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BpmnImportError, exportBpmn, importBpmn, reportText } from '@flowform/bpmn';
import type { ProcessDefinition } from '@flowform/engine';
import type { CliIo } from './cli-io';
import { parseFlags } from './parse-flags';
import { publishedBundle } from './published-bundle';

const IMPORT_HELP = `Usage: flowform import-bpmn <file.bpmn> [--out draft.json] [--key key] [--unit unit]

Maps a BPMN 2.0 process (Camunda 7/8, Flowable, Activiti, bpmn.io) to a Flowform draft and prints a
report of every element: mapped (to what), partial, or not mapped (why), then the draft's lint
problems. --out writes the draft as a bundle JSON { definition, forms } (placeholder forms for the
form keys), ready for 'flowform lint' and 'flowform import' once finished. Exit code 1 when nothing
could be mapped.
  --key key     the draft's process key (default: from the BPMN process)
  --unit unit   the unit role rules from candidate groups name (default: root)`;

const EXPORT_HELP = `Usage: flowform export-bpmn <key|definition.json> [--version n] [--out file.bpmn]

Writes a published definition (the latest version unless --version), or a definition file, as BPMN
2.0 XML with a diagram (BPMNDI) that Camunda Modeler and bpmn.io open. Flowform-only details (CEL
guards, assignment rules, outcomes, votes) ride in flowform: extension elements, so
'flowform import-bpmn' gives the same machine back.`;

/** `flowform import-bpmn <file.bpmn>` */
export async function importBpmnCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { boolean: ['help'], string: ['out', 'key', 'unit'] });
  if (flags.help) {
    io.out(IMPORT_HELP);
    return 0;
  }
  const file = flags.positional[0];
  if (flags.errors.length > 0 || !file || flags.positional.length > 1) {
    io.err([...flags.errors, 'flowform import-bpmn: name one BPMN file', '', IMPORT_HELP].join('\n'));
    return 2;
  }
  if (!existsSync(resolve(file))) {
    io.err(`flowform import-bpmn: no such file ${file}`);
    return 2;
  }
  try {
    const { bundle, report } = await importBpmn(readFileSync(resolve(file), 'utf8'), {
      ...(flags.strings.key ? { key: flags.strings.key } : {}),
      ...(flags.strings.unit ? { unit: flags.strings.unit } : {}),
    });
    for (const line of reportText(report)) io.out(line);
    const mapped = report.counts.mapped + report.counts.partial;
    if (mapped === 0 || Object.keys(bundle.definition.machine.states).length === 0) {
      io.err('flowform import-bpmn: nothing could be mapped');
      return 1;
    }
    if (flags.strings.out) {
      writeFileSync(resolve(flags.strings.out), `${JSON.stringify(bundle, null, 2)}\n`);
      io.out(`Draft written to ${flags.strings.out}`);
    } else io.out('Use --out draft.json to write the draft');
    return 0;
  } catch (error) {
    if (error instanceof BpmnImportError) {
      io.err(`flowform import-bpmn: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** `flowform export-bpmn <key>` */
export async function exportBpmnCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { boolean: ['help'], string: ['version', 'out'] });
  if (flags.help) {
    io.out(EXPORT_HELP);
    return 0;
  }
  const key = flags.positional[0];
  if (flags.errors.length > 0 || !key || flags.positional.length > 1) {
    io.err([...flags.errors, 'flowform export-bpmn: name one definition key', '', EXPORT_HELP].join('\n'));
    return 2;
  }
  const definition = key.endsWith('.json')
    ? definitionFile(key)
    : (await publishedBundle('export-bpmn', key, flags.strings.version, io))?.definition;
  if (!definition) {
    if (key.endsWith('.json')) io.err(`flowform export-bpmn: no such file ${key}`);
    return 1;
  }
  const xml = await exportBpmn(definition);
  if (flags.strings.out) writeFileSync(resolve(flags.strings.out), xml);
  else io.out(xml);
  return 0;
}

function definitionFile(path: string): ProcessDefinition | undefined {
  if (!existsSync(resolve(path))) return undefined;
  const json = JSON.parse(readFileSync(resolve(path), 'utf8')) as { definition?: ProcessDefinition };
  return json.definition ?? (json as ProcessDefinition);
}
