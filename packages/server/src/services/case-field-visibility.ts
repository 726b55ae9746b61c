import type { FieldPermission, UserTaskDef } from '@flowform/engine';
import type { AuthUser } from '../http/app-env';
import type { VisibleCase } from './case-access';
import { mergeHidden, withoutHidden } from './field-permissions';
import { canWork } from './task-permissions';

/**
 * The one place that decides which case fields a viewer may see: today, the fields hidden by any
 * open task the viewer may work are left out (case data, every step record, print). When the
 * engine's per-person view of a case lands, it replaces this function and nothing else.
 */
export function hiddenFieldsFor(
  found: VisibleCase,
  user: AuthUser,
): Record<string, FieldPermission> | undefined {
  const mine = found.snapshot.tasks
    .filter((t) => canWork(t, user.username, user.directory))
    .map((t) => found.compiled.index.get(t.stateId)?.def.task)
    .filter((d): d is UserTaskDef => !!d);
  return mine.length > 0 ? mergeHidden(mine) : undefined;
}

/** Data (the case's, or one submission's) as the viewer may see it. */
export function visibleData(
  data: Record<string, unknown>,
  hidden: Record<string, FieldPermission> | undefined,
): Record<string, unknown> {
  return withoutHidden(data, hidden);
}
