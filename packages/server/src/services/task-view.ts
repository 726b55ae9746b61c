import type { TaskViewSchema } from '@flowform/api';
import {
  exclusionOf,
  renderCaseTitle,
  seesTaskSubject,
  separationSentence,
  taskSubject,
} from '@flowform/engine';
import type { z } from '@hono/zod-openapi';
import type { AuthUser } from '../http/app-env';
import { problems } from '../http/problem';
import type { ServerContext } from '../server-context';
import type { VisibleCase } from './case-access';
import { taskSummary } from './case-view';
import { formForTask, permissionsFor } from './field-permissions';
import { prefilledData } from './form-prefill';
import { originRef } from './inbox-rows';
import { readRecords } from './step-records';
import { operationsFor } from './task-permissions';

type TaskView = z.infer<typeof TaskViewSchema>;

/**
 * A task of a visible case: its form and data without the fields the task hides or the viewer may
 * not see (absent, not blank), its outcomes and my operations.
 */
export async function taskView(
  ctx: ServerContext,
  found: VisibleCase & { instanceId: string },
  taskId: string,
  user: AuthUser,
): Promise<TaskView> {
  const row = await ctx.db.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
  if (!row) throw problems.notFound('No such task');
  const def = found.compiled.index.get(row.state_id)?.def.task;
  if (!def) throw problems.notFound('No such task');
  const open = found.snapshot.tasks.find((t) => t.id === taskId);
  const hidden = found.view.hiddenInTask(def);
  const permissions = permissionsFor(def, hidden);
  const form = def.form ? found.compiled.forms[def.form] : undefined;
  const summary = open ? taskSummary(found, open, user) : undefined;
  const data = Object.fromEntries(Object.entries(found.snapshot.data).filter(([k]) => !hidden.has(k)));
  const excluded = open ? exclusionOf(found.snapshot, def, user.username) : undefined;
  // What the instance works on: named when the row was written, else from the open task's item.
  const subject = seesTaskSubject(found.compiled, found.view, row.state_id)
    ? (row.subject ?? taskSubject(open?.item, user.directory))
    : null;
  return {
    id: taskId,
    instanceId: found.instanceId,
    definitionKey: found.snapshot.definitionKey,
    definitionName: found.compiled.definition.name,
    stateId: row.state_id,
    title: def.title,
    status: row.status,
    assignee: open?.assignee ?? row.assignee,
    holders: summary?.holders ?? [],
    delegatedBy: open?.delegatedBy ?? null,
    origin: originRef(user.directory, open?.origin ?? row.origin),
    caseTitle: row.case_title ?? renderCaseTitle(found.compiled.definition.caseTitle, found.snapshot.data),
    subject,
    createdAt: new Date(row.created_at).toISOString(),
    dueAt: open?.dueAt ?? (row.due_at ? new Date(row.due_at).toISOString() : null),
    urged: open?.urged ?? row.urged,
    form: form ? { key: form.key, ...formForTask(form, permissions) } : null,
    // The form of an open task starts from the values it may take over; a done one shows the case's.
    data:
      open && form
        ? prefilledData(data, form, def, await readRecords(ctx, found.instanceId), user.username)
        : data,
    outcomes: def.outcomes.map((o) => ({ key: o.key, label: o.label, requiresComment: !!o.requiresComment })),
    operations: open ? operationsFor(found, open, user.username, user.directory) : [],
    returnTargets: def.returnTargets ?? [],
    ...(excluded ? { separation: separationSentence(found.compiled, row.state_id, excluded) } : {}),
    ...(open && found.snapshot.suspension ? { suspension: found.snapshot.suspension } : {}),
  };
}
