import { type CaseSnapshot, type DefinitionBundle, type WhatIfVerdict, whatIf } from '@flowform/engine';
import { HistoryLoader } from './case-history';
import type { CaseRuntime } from './case-runtime';

/** One running case's what-if answer. */
export interface WhatIfReport {
  instanceId: string;
  /** The version the case runs on. */
  definitionVersion: number;
  result: WhatIfVerdict;
}

/**
 * What-if: replays the command history of every running case of `bundle`'s process (or of the
 * chosen ones) against `bundle` — another published version or a draft — on copies, and reports
 * per case: the same state, a different one, or refused at command N. Changes nothing.
 */
export async function whatIfCases(
  runtime: CaseRuntime,
  bundle: DefinitionBundle,
  instanceIds?: readonly string[],
): Promise<WhatIfReport[]> {
  let query = runtime.db
    .selectFrom('instances')
    .select(['id', 'definition_version', 'snapshot'])
    .where('definition_key', '=', bundle.definition.key)
    .where('status', '=', 'running')
    .orderBy('started_at')
    .orderBy('id');
  if (instanceIds) {
    if (instanceIds.length === 0) return [];
    query = query.where('id', 'in', [...instanceIds]);
  }
  const loader = new HistoryLoader(runtime);
  const reports: WhatIfReport[] = [];
  for (const row of await query.execute()) {
    const history = await loader.load(row.id);
    reports.push({
      instanceId: row.id,
      definitionVersion: row.definition_version,
      result: whatIf(bundle, history.entries, history.directoryOf, row.snapshot as CaseSnapshot),
    });
  }
  return reports;
}
