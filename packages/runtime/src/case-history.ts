import type { Directory, ReplayEntry } from '@flowform/engine';
import { auditContent } from './audit-verifier';
import type { CaseRuntime } from './case-runtime';
import { directoriesAt } from './directory-store';

/** One audit row as replay needs it, with the definition version it ran on. */
export type HistoryEntry = ReplayEntry & { definitionVersion: number };

/** A case's command history, and the directory each command ran against. */
export interface CaseHistory {
  entries: HistoryEntry[];
  directoryOf: (entry: ReplayEntry) => Directory;
  /**
   * Some command ran on a directory version the history does not hold (changed before it was
   * kept), so today's directory stands in for it.
   */
  directoryChanged: boolean;
}

/**
 * Reads cases' audit logs for replay (replay-check, what-if, migration dry runs): the rows in
 * order, and each command's directory (its version is in the row; the directory history holds
 * each version; rows without one use today's). Directory versions are loaded once per loader.
 */
export class HistoryLoader {
  private readonly known = new Map<string, Directory>();
  private today: Directory | undefined;

  constructor(private readonly runtime: CaseRuntime) {}

  async load(instanceId: string): Promise<CaseHistory> {
    const db = this.runtime.db;
    if (!this.today) {
      const meta = await db.selectFrom('directory_meta').select('version').executeTakeFirstOrThrow();
      this.today = await this.runtime.directoryAt(String(meta.version));
      this.known.set(String(meta.version), this.today);
    }
    const today = this.today;
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('instance_id', '=', instanceId)
      .orderBy('seq')
      .execute();
    const wanted = rows.map((r) => versionOf(r.detail)).filter((v): v is string => !!v && !this.known.has(v));
    for (const [version, directory] of await directoriesAt(db, wanted)) this.known.set(version, directory);
    const directoryChanged = rows.some((r) => {
      const v = versionOf(r.detail);
      return v !== undefined && !this.known.has(v);
    });
    const entries = rows.map((r) => {
      const c = auditContent(r);
      return {
        seq: c.seq,
        at: c.at,
        actor: c.actor,
        detail: c.detail,
        definitionVersion: c.definition_version,
      };
    });
    const directoryOf = (entry: ReplayEntry) => {
      const v = versionOf(entry.detail);
      return (v !== undefined && this.known.get(v)) || today;
    };
    return { entries, directoryOf, directoryChanged };
  }
}

function versionOf(detail: unknown): string | undefined {
  const v = (detail as { directoryVersion?: string | number } | null)?.directoryVersion;
  return v === undefined ? undefined : String(v);
}
