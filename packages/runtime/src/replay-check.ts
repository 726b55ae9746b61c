import type { Directory } from '@flowform/engine';
import { replay } from '@flowform/engine';
import { canonicalJson } from './audit-chain';
import { auditContent } from './audit-verifier';
import type { CaseRuntime } from './case-runtime';
import { directoriesAt } from './directory-store';

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
 * Refolds each case's audit log against its pinned definition version and compares the result
 * with the stored snapshot. Each command runs against the directory it ran on (its version is in
 * the audit row; the directory history holds each version); rows without one use today's.
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
  const today = await runtime.directoryAt(String(meta.version));
  const known = new Map<string, Directory>([[String(meta.version), today]]);
  const reports: ReplayReport[] = [];
  for (const instance of instances) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('instance_id', '=', instance.id)
      .orderBy('seq')
      .execute();
    const versionOf = (detail: unknown) => {
      const v = (detail as { directoryVersion?: string | number } | null)?.directoryVersion;
      return v === undefined ? undefined : String(v);
    };
    const wanted = rows.map((r) => versionOf(r.detail)).filter((v): v is string => !!v && !known.has(v));
    for (const [version, directory] of await directoriesAt(db, wanted)) known.set(version, directory);
    const directoryChanged = rows.some((r) => {
      const v = versionOf(r.detail);
      return v !== undefined && !known.has(v);
    });
    try {
      const bundle = await runtime.definitions.get(instance.definition_key, instance.definition_version);
      const entries = rows.map((r) => {
        const c = auditContent(r);
        return { seq: c.seq, at: c.at, actor: c.actor, detail: c.detail };
      });
      const replayed = replay(bundle, entries, (entry) => {
        const v = versionOf(entry.detail);
        return (v !== undefined && known.get(v)) || today;
      });
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
