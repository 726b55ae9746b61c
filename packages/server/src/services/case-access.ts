import {
  type CaseSnapshot,
  type CaseView,
  compileBundle,
  type DefinitionBundle,
  type Visibility,
  viewCase,
} from '@flowform/engine';
import type { CachedCase } from '@flowform/runtime';
import { sql } from 'kysely';
import type { AuthUser } from '../http/app-env';
import { problems } from '../http/problem';
import type { ServerContext } from '../server-context';

type Compiled = ReturnType<typeof compileBundle>;

/** A case the caller may see, with what it needs to be shown or acted on. */
export interface VisibleCase {
  snapshot: CaseSnapshot;
  bundle: DefinitionBundle;
  compiled: Compiled;
  visibility: NonNullable<Visibility>;
  /** The viewer's view of the case (engine `viewCase`): every output of the case goes through it. */
  view: CaseView;
  confidential: boolean;
}

/**
 * Loads a case for a viewer, or 404: a case the viewer may not see is answered exactly like one
 * that does not exist, so ids cannot be probed. Every route under a case goes through here.
 */
export async function visibleCase(ctx: ServerContext, id: string, user: AuthUser): Promise<VisibleCase> {
  const row = await ctx.db
    .selectFrom('instances')
    .select(['snapshot', 'definition_key', 'definition_version', 'confidential'])
    .where('id', '=', id)
    .executeTakeFirst();
  const found = row && (await visibleRow(ctx, row, user));
  if (!found) throw problems.notFound('No such case');
  return found;
}

/** The case row as read, if the viewer may see it. */
async function visibleRow(
  ctx: ServerContext,
  row: { snapshot: unknown; definition_key: string; definition_version: number; confidential: boolean },
  user: AuthUser,
): Promise<VisibleCase | undefined> {
  if (!row.snapshot) return undefined;
  const snapshot = row.snapshot as CaseSnapshot;
  const bundle = await ctx.runtime.definitions.get(row.definition_key, row.definition_version);
  const compiled = compileBundle(bundle);
  const view = viewCase(compiled, snapshot, user.username, user.directory);
  if (!view) return undefined;
  return { snapshot, bundle, compiled, visibility: view.access, view, confidential: row.confidential };
}

/**
 * The case a task belongs to, if the viewer may see that case; 404 otherwise. One query: the task
 * joined with its case row, the case's last audit row and the directory version (every task command
 * starts here, so a second round trip would be paid on each). `seen` is that read as the runtime
 * takes it, so the command steps on it rather than on an older snapshot cached by this process.
 */
export async function caseOfTask(
  ctx: ServerContext,
  taskId: string,
  user: AuthUser,
): Promise<VisibleCase & { instanceId: string; seen: CachedCase | undefined }> {
  const row = await ctx.db
    .selectFrom('tasks as t')
    .innerJoin('instances as i', 'i.id', 't.instance_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('audit_log as a')
          .select(['a.hash', 'a.at'])
          .whereRef('a.instance_id', '=', 'i.id')
          .orderBy('a.seq', 'desc')
          .limit(1)
          .as('last'),
      (join) => join.onTrue(),
    )
    .select(['t.instance_id', 'i.snapshot', 'i.definition_key', 'i.definition_version', 'i.confidential'])
    .select(['last.hash', 'last.at'])
    .select(sql<string>`(select m.version::text from directory_meta m where m.id = 1)`.as('dir_version'))
    .where('t.id', '=', taskId)
    .executeTakeFirst();
  const found = row && (await visibleRow(ctx, row, user));
  if (!found) throw problems.notFound('No such task');
  const seen =
    row.hash && row.at
      ? {
          snapshot: found.snapshot,
          prevHash: row.hash,
          dirVersion: row.dir_version,
          at: new Date(row.at).toISOString(),
        }
      : undefined;
  return { ...found, instanceId: row.instance_id, seen };
}
