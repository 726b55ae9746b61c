import type { Command } from '@flowform/engine';
import type { CommandOutcome, ExecuteOptions } from '@flowform/runtime';
import type { AuthUser } from '../http/app-env';
import { ApiProblem } from '../http/problem';
import type { ServerContext } from '../server-context';
import { caseOfTask, type VisibleCase, visibleCase } from './case-access';
import { taskSummary } from './case-view';

export type TaskCommand = Extract<Command, { taskId: string }> | Extract<Command, { type: 'cc' | 'comment' }>;

/**
 * Runs a task command for the caller: the case must be visible (else 404), a completion carries
 * only its form's fields, then the runtime steps it exactly once per idempotency key (the engine
 * refuses what the definition's separation of duties forbids: 403 `separation-of-duties`). Live
 * events go to the task's holders and the case's people.
 */
export async function runTaskCommand(
  ctx: ServerContext,
  user: AuthUser,
  taskId: string,
  build: (found: VisibleCase) => TaskCommand,
  options: ExecuteOptions,
): Promise<CommandOutcome> {
  const found = await caseOfTask(ctx, taskId, user);
  const command = build(found);
  const task = found.snapshot.tasks.find((t) => t.id === taskId);
  if (task && command.type === 'complete') checkFormFields(found, task.stateId, command.data ?? {});
  const holders = task ? taskSummary(found, task, user).holders : [];
  const outcome = await ctx.runtime.execute(
    found.instanceId,
    command,
    { username: user.username },
    { ...options, seen: found.seen },
  );
  if (!outcome.replayed && !outcome.tasks.includes(taskId) && task) {
    ctx.hub.publish([...holders, user.username], { type: 'task.done', taskId, instanceId: found.instanceId });
  }
  return outcome;
}

/** Runs a case-level command (withdraw, cancel) on a visible case. */
export async function runCaseCommand(
  ctx: ServerContext,
  user: AuthUser,
  instanceId: string,
  command: Extract<Command, { type: 'withdraw' | 'cancel' }>,
  options: ExecuteOptions,
): Promise<CommandOutcome> {
  await visibleCase(ctx, instanceId, user);
  return ctx.runtime.execute(instanceId, command, { username: user.username }, options);
}

/**
 * Mass assignment guard: a completion may only carry fields of the task's own form, and none the
 * submitter may not see (a field absent from their form cannot be overwritten blind).
 */
function checkFormFields(found: VisibleCase, stateId: string, data: Record<string, unknown>): void {
  const def = found.compiled.index.get(stateId)?.def.task;
  const form = def?.form ? found.compiled.forms[def.form] : undefined;
  const hidden = def ? found.view.hiddenInTask(def) : new Set<string>();
  const allowed = new Set(
    Object.keys((form?.schema.properties as Record<string, unknown> | undefined) ?? {}).filter(
      (k) => !hidden.has(k),
    ),
  );
  const unknown = Object.keys(data).filter((k) => !allowed.has(k));
  if (unknown.length > 0) {
    throw new ApiProblem(422, 'invalid-form', 'Unknown form fields', undefined, {
      errors: unknown.map((k) => ({
        path: `/${k}`,
        keyword: 'additionalProperties',
        message: `Unknown field '${k}'`,
      })),
    });
  }
}
