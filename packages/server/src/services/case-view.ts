import type { CaseViewSchema, TaskSummarySchema } from '@flowform/api';
import {
  caseOutcome,
  expandCandidates,
  initiatorMayCancel,
  seesTaskSubject,
  type TaskRecord,
  taskSubject,
} from '@flowform/engine';
import type { z } from '@hono/zod-openapi';
import type { AuthUser } from '../http/app-env';
import type { ServerContext } from '../server-context';
import { listAttachments } from './attachment-store';
import { caseVotes } from './case-votes';
import type { VisibleCase } from './case-access';
import { readRecords, recordViews } from './step-records';

type CaseView = z.infer<typeof CaseViewSchema>;
type TaskSummary = z.infer<typeof TaskSummarySchema>;

/**
 * The case as this viewer may see it (the engine's view: fields hidden by audience or by the
 * viewer's open tasks are absent; files of hidden fields and comments they may not read are left out).
 */
export async function caseView(ctx: ServerContext, found: VisibleCase, user: AuthUser): Promise<CaseView> {
  const { snapshot: snap, compiled, view } = found;
  const [children, attachments, comments, head, records] = await Promise.all([
    ctx.db
      .selectFrom('instances')
      .select(['id', 'snapshot'])
      .where('parent_id', '=', snap.instanceId)
      .execute(),
    listAttachments(ctx.db, snap.instanceId),
    ctx.db
      .selectFrom('comments')
      .select(['author', 'text', 'at', 'task_id'])
      .where('instance_id', '=', snap.instanceId)
      .orderBy('at')
      .orderBy('id')
      .limit(500)
      .execute(),
    ctx.db
      .selectFrom('instances')
      .select(['parent_id', 'case_number'])
      .where('id', '=', snap.instanceId)
      .executeTakeFirst(),
    readRecords(ctx, snap.instanceId),
  ]);
  const named = new Set(records.flatMap((r) => r.attachments));
  const childInstance = new Map(
    children.map((c) => [(c.snapshot as { parent?: { childId: string } } | null)?.parent?.childId, c.id]),
  );
  return {
    id: snap.instanceId,
    definitionKey: snap.definitionKey,
    definitionVersion: snap.definitionVersion,
    name: compiled.definition.name,
    caseNumber: head?.case_number ?? null,
    status: snap.status,
    outcome: caseOutcome(compiled, snap),
    ...(snap.suspension ? { suspension: snap.suspension } : {}),
    initiator: snap.initiator,
    startedAt: snap.startedAt,
    endedAt: snap.endedAt ?? null,
    confidential: found.confidential,
    visibility: found.visibility,
    parentId: head?.parent_id ?? null,
    data: view.data,
    activeStates: leafStates(snap.machine.value),
    tasks: snap.tasks.map((t) => taskSummary(found, t, user)),
    children: snap.children.map((c) => ({
      id: c.id,
      process: c.process,
      status: c.status,
      outcome: c.outcome ?? null,
      endState: c.endState ?? null,
      endStateName: c.endStateName ?? null,
      instanceId: childInstance.get(c.id) ?? null,
    })),
    records: await recordViews(ctx, found, records),
    votes: caseVotes(compiled, snap),
    // only the files a submission names (a failed completion's upload is not the case's), as the view allows
    attachments: attachments.filter(
      (a) => named.has(a.id) && view.seesAttachment({ id: a.id, uploadedBy: a.uploadedBy }),
    ),
    comments: comments
      .filter((c) => view.seesComment(c))
      .map((c) => ({
        author: c.author,
        text: c.text,
        at: new Date(c.at).toISOString(),
        taskId: c.task_id,
      })),
    withdrawable: snap.withdrawable?.actor === user.username,
    cancellable: initiatorMayCancel(compiled, snap, user.username),
    nextTimer: nextTimer(found, ctx.clock()),
  };
}

/**
 * What a running case waits for next: the earliest of its timers (reminders, escalations, `after`
 * delays) and its open tasks' due dates still ahead, named by the task's title or the state's name.
 */
function nextTimer({ snapshot: snap, compiled }: VisibleCase, now: string): CaseView['nextTimer'] {
  // a suspended case fires no timer until it is resumed
  if (snap.status !== 'running' || snap.suspension) return null;
  const dues = snap.tasks.flatMap((t) =>
    t.dueAt && t.dueAt > now
      ? [{ kind: 'due' as const, stateId: t.stateId, taskId: t.id, dueAt: t.dueAt }]
      : [],
  );
  const first = [...snap.timers, ...dues].toSorted((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
  if (!first) return null;
  const def = compiled.index.get(first.stateId)?.def;
  return {
    kind: first.kind,
    stateId: first.stateId,
    stateName: (first.taskId ? def?.task?.title : undefined) ?? def?.name ?? def?.task?.title ?? null,
    dueAt: new Date(first.dueAt).toISOString(),
  };
}

/** An open task with its current holders (the candidates expanded against today's directory). */
export function taskSummary(found: VisibleCase, task: TaskRecord, user: AuthUser): TaskSummary {
  const def = found.compiled.index.get(task.stateId)?.def.task;
  return {
    id: task.id,
    stateId: task.stateId,
    title: def?.title ?? { 'zh-CN': task.stateId, en: task.stateId },
    assignee: task.assignee ?? null,
    holders: task.assignee ? [task.assignee] : expandCandidates(task.candidates, user.directory),
    signer: task.signer ?? null,
    createdAt: task.createdAt,
    dueAt: task.dueAt ?? null,
    urged: task.urged,
    subject: seesTaskSubject(found.compiled, found.view, task.stateId)
      ? taskSubject(task.item, user.directory)
      : null,
  };
}

/** The atomic states a machine value is in (`review`, `vote.reps.voting` …). */
export function leafStates(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [`${prefix}${value}`];
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
      leafStates(child, `${prefix}${key}.`),
    );
  }
  return [];
}
