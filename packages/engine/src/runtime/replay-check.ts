import { replay } from '../stepping/replay';
import { canonicalJson } from './audit-chain';
import { auditContent } from './audit-verifier';
import type { CaseRuntime } from './case-runtime';

/** The result of refolding one case's audit log. */
export interface ReplayReport {
  instanceId: string;
  status: 'same' | 'different' | 'failed';
  /** The directory changed after some command of this case; a difference may come from that. */
  directoryChanged: boolean;
  message?: string;
}

/**
 * Refolds each case's audit log against its pinned definition version and compares the result
 * with the stored snapshot. Replay uses today's directory; cases with commands from an older
 * directory version are flagged so a difference there is read with that in mind.
 */
export async function replayCases(runtime: CaseRuntime, instanceId?: string): Promise<ReplayReport[]> {
  const db = runtime.db;
  let query = db
    .selectFrom('instances')
    .select(['id', 'definition_key', 'definition_version', 'snapshot'])
    .orderBy('id');
  if (instanceId) query = query.where('id', '=', instanceId);
  const instances = await query.execute();
  const meta = await db.selectFrom('directory_meta').select('version').executeTakeFirstOrThrow();
  const directory = await runtime.directoryAt(String(meta.version));
  const reports: ReplayReport[] = [];
  for (const instance of instances) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('instance_id', '=', instance.id)
      .orderBy('seq')
      .execute();
    const directoryChanged = rows.some(
      (r) =>
        String((r.detail as { directoryVersion?: string }).directoryVersion ?? meta.version) !==
        String(meta.version),
    );
    try {
      const bundle = await runtime.definitions.get(instance.definition_key, instance.definition_version);
      const entries = rows.map((r) => {
        const c = auditContent(r);
        return { seq: c.seq, at: c.at, actor: c.actor, detail: c.detail };
      });
      const replayed = replay(bundle, entries, directory);
      const same = canonicalJson(replayed) === canonicalJson(instance.snapshot);
      reports.push({ instanceId: instance.id, status: same ? 'same' : 'different', directoryChanged });
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
