import { resolve } from 'node:path';
import {
  type DefinitionBundle,
  type FormDefinition,
  lintDefinition,
  type ProcessDefinition,
  type WhatIfVerdict,
} from '@flowform/engine';
import { CaseRuntime, openDatabase, type WhatIfReport, whatIfCases } from '@flowform/runtime';
import { loadConfig } from '../config/server-config';
import { serverMigrations } from '../database/server-migrations';
import { loadDefinitionFile } from '../seed/definition-files';
import type { CliIo } from './cli-io';
import type { ParsedFlags } from './parse-flags';

export const WHAT_IF_HELP = `What-if: flowform replay (--against key@version | --draft key | --file bundle.json) [--instance id] [--json]

Replays the command history of every running case of the process (or of --instance) against
another published version, the designer's saved draft, or a bundle file, on copies (nothing
changes), and reports per case: the same state, a different state (which), or refused at command N
(the step's code and why). A draft or file must lint without errors. Exit 0 when the report is made.`;

/** The what-if half of `flowform replay`: flags already parsed by `replayCommand`. */
export async function whatIfCommand(flags: ParsedFlags, io: CliIo): Promise<number> {
  const { against, draft, file, instance } = flags.strings;
  if ([against, draft, file].filter((v) => v !== undefined).length !== 1 || flags.all) {
    io.err(
      [
        'flowform replay: give one of --against key@version, --draft key, --file bundle.json',
        WHAT_IF_HELP,
      ].join('\n'),
    );
    return 2;
  }
  const open = await openDatabase(loadConfig().database, serverMigrations);
  try {
    const runtime = new CaseRuntime({ db: open.db });
    const target = await targetBundle(runtime, { against, draft, file }, io);
    if (!target) return 1;
    const reports = await whatIfCases(runtime, target.bundle, instance ? [instance] : undefined);
    if (flags.json) io.out(JSON.stringify({ against: target.label, cases: reports }));
    else {
      for (const r of reports)
        io.out(`case ${r.instanceId} (v${r.definitionVersion}): ${verdictText(r.result)}`);
      io.out(summary(reports, target.label));
    }
    return 0;
  } finally {
    await open.close();
  }
}

async function targetBundle(
  runtime: CaseRuntime,
  source: { against?: string; draft?: string; file?: string },
  io: CliIo,
): Promise<{ bundle: DefinitionBundle; label: string } | undefined> {
  if (source.against) {
    const match = /^(.+)@(\d+)$/.exec(source.against);
    if (!match) {
      io.err(`flowform replay: --against wants key@version, got '${source.against}'`);
      return undefined;
    }
    const bundle = await runtime.definitions.get(match[1]!, Number(match[2])).catch(() => undefined);
    if (!bundle) io.err(`flowform replay: no published version ${match[2]} of '${match[1]}'`);
    return bundle && { bundle, label: source.against };
  }
  let bundle: DefinitionBundle | undefined;
  if (source.draft) {
    const row = await runtime.db
      .selectFrom('definition_drafts')
      .select('bundle')
      .where('key', '=', source.draft)
      .executeTakeFirst();
    bundle = (row?.bundle as DefinitionBundle | null) ?? undefined;
    if (!bundle) io.err(`flowform replay: no draft of '${source.draft}'`);
  } else {
    const loaded = loadDefinitionFile(resolve(source.file!));
    if (loaded.parseError || !loaded.definition)
      io.err(`flowform replay: ${loaded.parseError ?? 'no definition in the file'}`);
    else
      bundle = {
        definition: loaded.definition as ProcessDefinition,
        forms: loaded.forms as Record<string, FormDefinition>,
      };
  }
  if (!bundle) return undefined;
  const errors = lintDefinition(bundle.definition, { forms: bundle.forms ?? {} }).filter(
    (p) => p.severity === 'error',
  );
  if (errors.length > 0) {
    for (const p of errors) io.err(`${p.path}: ${p.code}: ${p.message}`);
    io.err('flowform replay: the draft has lint errors; what-if needs one that lints');
    return undefined;
  }
  return {
    bundle: { ...bundle, version: 0 },
    label: source.draft ? `draft of ${source.draft}` : source.file!,
  };
}

/** One verdict as a line. */
export function verdictText(result: WhatIfVerdict): string {
  switch (result.verdict) {
    case 'same':
      return `same state (${result.states.join(', ') || result.status})`;
    case 'different':
      return `different state: ${stateText(result.actual)} → ${stateText(result.replayed)}`;
    case 'refused':
      return `refused at command ${result.at} (${result.command}): ${result.code}: ${result.message}`;
  }
}

function stateText(side: { states: string[]; status: string }): string {
  return side.status === 'running' ? side.states.join(', ') : `${side.states.join(', ')} (${side.status})`;
}

function summary(reports: WhatIfReport[], label: string): string {
  const count = (v: WhatIfVerdict['verdict']) => reports.filter((r) => r.result.verdict === v).length;
  return `${reports.length} running case(s) replayed against ${label}: ${count('same')} same, ${count('different')} different, ${count('refused')} refused`;
}
