import type { ChangeResult } from '@flowform/api';
import {
  type DirectorySeed,
  followDirectory,
  InMemoryDirectory,
  StepError,
  SYSTEM_ACTOR,
  type TaskFollow,
} from '@flowform/engine';
import { RuntimeError } from '@flowform/runtime';
import type { ServerContext } from '../server-context';
import { proofBreaks } from './proof-breaks';

type Preview = ChangeResult['preview'];

/** A task that would move, with what the reassign command needs. */
interface PlannedMove {
  instanceId: string;
  plan: TaskFollow;
}

/** The preview and the task moves behind it. */
export interface ChangePlan {
  preview: Preview;
  moves: PlannedMove[];
}

/**
 * What a change from `before` to `after` (superiors already derived) does: whose superior changes,
 * which open tasks would move to whom (each open task's rule resolved again), which assignment
 * rules of the published definitions would find nobody in the new directory, and which of their
 * proofs (lint against the directory) hold today and would fail after (`proof-breaks.ts`).
 */
export async function planChange(
  ctx: ServerContext,
  before: DirectorySeed,
  after: DirectorySeed,
  beforeVersion: string,
): Promise<ChangePlan> {
  const was = new InMemoryDirectory(before);
  const will = new InMemoryDirectory(after);
  const superiorBefore = new Map(before.users.map((u) => [u.username, u.superior ?? null]));
  const superiors = after.users
    .map((u) => ({
      username: u.username,
      from: superiorBefore.get(u.username) ?? null,
      to: u.superior ?? null,
    }))
    .filter((s) => s.from !== s.to);
  const { tasks, moves } = await taskMoves(ctx, was, will);
  const proofs = await proofBreaks(ctx, was, beforeVersion, will);
  return {
    preview: { superiors, tasks, unresolvedRules: proofs.unresolved, brokenProofs: proofs.broken },
    moves,
  };
}

async function taskMoves(
  ctx: ServerContext,
  was: InMemoryDirectory,
  will: InMemoryDirectory,
): Promise<{ tasks: Preview['tasks']; moves: PlannedMove[] }> {
  const open = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'instance_id', 'definition_key', 'title'])
    .where('status', '=', 'open')
    .orderBy('instance_id')
    .orderBy('id')
    .execute();
  const titles = new Map(open.map((t) => [t.id, t]));
  const tasks: Preview['tasks'] = [];
  const moves: PlannedMove[] = [];
  const now = new Date().toISOString();
  for (const instanceId of new Set(open.map((t) => t.instance_id))) {
    const row = await ctx.db
      .selectFrom('instances')
      .select(['definition_key', 'definition_version', 'snapshot'])
      .where('id', '=', instanceId)
      .executeTakeFirst();
    if (!row?.snapshot) continue;
    const bundle = await ctx.runtime.definitions.get(row.definition_key, row.definition_version);
    const snapshot = row.snapshot as Parameters<typeof followDirectory>[1];
    for (const plan of followDirectory(bundle, snapshot, was, will, now)) {
      const task = titles.get(plan.taskId);
      tasks.push({
        taskId: plan.taskId,
        instanceId,
        processKey: row.definition_key,
        nodeId: plan.stateId,
        name: task?.title ?? { 'zh-CN': plan.stateId, en: plan.stateId },
        assignee: plan.assignee,
        before: plan.before,
        after: plan.after,
        releasesClaim: plan.releasesClaim,
      });
      if (plan.changed) moves.push({ instanceId, plan });
    }
  }
  return { tasks, moves };
}

/**
 * Applies the planned moves through the runtime's command path, one `reassign` per task (audited in
 * its case's chain, idempotent per directory version); a task that moved on meanwhile is left alone.
 */
export async function moveTasks(ctx: ServerContext, moves: PlannedMove[], version: string): Promise<number> {
  let moved = 0;
  for (const { instanceId, plan } of moves) {
    try {
      await ctx.runtime.execute(
        instanceId,
        {
          type: 'reassign',
          taskId: plan.taskId,
          candidates: plan.candidates,
          ...(plan.newAssignee ? { assignee: plan.newAssignee } : {}),
          comment: `directory version ${version}`,
        },
        SYSTEM_ACTOR,
        { idempotencyKey: `directory:${version}:${plan.taskId}` },
      );
      moved += 1;
    } catch (error) {
      if (!(error instanceof StepError || error instanceof RuntimeError)) throw error;
      ctx.log.warn('task did not follow the directory change', { taskId: plan.taskId, error: error.message });
    }
  }
  return moved;
}
