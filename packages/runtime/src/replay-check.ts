import { type DefinitionBundle, replay, type WorkingCalendar } from '@flowform/engine';
import { canonicalJson } from './audit-chain';
import { loadCalendar } from './calendar-store';
import { HistoryLoader } from './case-history';
import type { CaseRuntime } from './case-runtime';
import { checkStepRecords } from './step-record-check';

/** The result of refolding one case's audit log. */
export interface ReplayReport {
  instanceId: string;
  status: 'same' | 'different' | 'failed';
  /**
   * Some command ran on a directory version the history does not hold (changed before it was
   * kept), so replay used today's directory there; a difference may come from that.
   */
  directoryChanged: boolean;
  message?: string;
}

/**
 * Refolds each case's audit log against the definition versions it ran on and compares the result
 * with the stored snapshot. Each command runs against the directory it ran on (case-history.ts)
 * and the version its audit row names: a migrated case's history before its `migrate` row replays
 * on the old version, the migration and everything after on the new one.
 */
export async function replayCases(runtime: CaseRuntime, instanceId?: string): Promise<ReplayReport[]> {
  let query = runtime.db.selectFrom('instances').select(['id', 'definition_key', 'snapshot']).orderBy('id');
  if (instanceId) query = query.where('id', '=', instanceId);
  const instances = await query.execute();
  const loader = new HistoryLoader(runtime);
  const reports: ReplayReport[] = [];
  for (const instance of instances) {
    const history = await loader.load(instance.id);
    const { directoryChanged } = history;
    try {
      const bundles = new Map<number, DefinitionBundle>();
      for (const entry of history.entries) {
        const v = entry.definitionVersion;
        if (!bundles.has(v)) bundles.set(v, await runtime.definitions.get(instance.definition_key, v));
      }
      const versionAt = new Map(history.entries.map((e) => [e.seq, e.definitionVersion]));
      const calendars = new Map<number, WorkingCalendar>();
      for (const entry of history.entries) {
        const v = Number(entry.detail?.calendarVersion ?? 0);
        if (!calendars.has(v)) calendars.set(v, await loadCalendar(runtime.db, v));
      }
      const replayed = replay(
        (entry) => bundles.get(versionAt.get(entry.seq)!)!,
        history.entries,
        history.directoryOf,
        (entry) => calendars.get(Number(entry.detail?.calendarVersion ?? 0)),
      );
      const same = canonicalJson(replayed) === canonicalJson(instance.snapshot);
      // The step records are the audit rows' too: one that its row does not give is a difference.
      const records = await checkStepRecords(runtime.db, instance.id);
      reports.push({
        instanceId: instance.id,
        status: same && records.length === 0 ? 'same' : 'different',
        directoryChanged,
        ...(records.length > 0 && { message: records.map((f) => `${f.kind}: ${f.detail}`).join('; ') }),
      });
    } catch (error) {
      reports.push({
        instanceId: instance.id,
        status: 'failed',
        directoryChanged,
        message: (error as Error).message,
      });
    }
  }
  return reports;
}
