import type { Directory } from '../assignment';
import type { WorkingCalendar } from '../calendar';
import type { DefinitionBundle } from '../definition/definition-types';
import type { CaseSnapshot } from './case-snapshot';
import type { Command } from './commands';
import type { AuditEntry } from './effects';
import { step } from './step';
import { isSystemEntry } from './system-actor';

/** An audit row as replay needs it: who, when, and the command (kept in `detail.command`). */
export type ReplayEntry = Pick<AuditEntry, 'seq' | 'at' | 'actor' | 'detail'>;

/**
 * Refolds a case's audit log through `step` against its pinned definition. The result must equal the
 * stored snapshot; a difference means the log or the snapshot was changed outside the engine.
 * `directory` is the one every command ran against, or, when it changed during the case, a
 * function giving each entry's own. A migrated case ran on two versions: `bundle` is then a function
 * giving each entry the version it ran on (its audit row's), the `migrate` entry's being the new one.
 * `calendar` gives each entry the working-day calendar it ran on (its `detail.calendarVersion`).
 */
export function replay(
  bundle: DefinitionBundle | ((entry: ReplayEntry) => DefinitionBundle),
  entries: ReplayEntry[],
  directory: Directory | ((entry: ReplayEntry) => Directory),
  calendar?: (entry: ReplayEntry) => WorkingCalendar | undefined,
): CaseSnapshot | undefined {
  let snapshot: CaseSnapshot | undefined;
  const ordered = [...entries].sort((a, b) => a.seq - b.seq);
  for (const entry of ordered) {
    const command = entry.detail?.command as Command | undefined;
    if (!command) throw new Error(`Audit row ${entry.seq} carries no command`);
    const system = isSystemEntry(entry);
    snapshot = step(typeof bundle === 'function' ? bundle(entry) : bundle, snapshot, command, {
      now: entry.at,
      actor: { username: entry.actor, system },
      directory: typeof directory === 'function' ? directory(entry) : directory,
      calendar: calendar?.(entry),
      // A replay words nothing for a reader: a refusal here is a broken trail, not a message.
      locale: 'zh-CN',
      replay: true,
    }).snapshot;
  }
  return snapshot;
}
