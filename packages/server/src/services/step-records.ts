import type { StepRecordView } from '@flowform/api';
import { type StepRecord, storedRecord } from '@flowform/runtime';
import type { ServerContext } from '../server-context';
import type { VisibleCase } from './case-access';

/** A case's step records in order (each person's start or completion, as submitted). */
export async function readRecords(ctx: ServerContext, instanceId: string): Promise<StepRecord[]> {
  const rows = await ctx.db
    .selectFrom('step_records')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .orderBy('seq')
    .execute();
  return rows.map(storedRecord);
}

/**
 * The records as the viewer may see them (the engine's view of the case: hidden fields absent, files
 * of hidden fields and comments the viewer may not read left out), each with its step's title, form
 * and outcome label (a delegatee's hand-back names its task's step, from the task row).
 */
export async function recordViews(
  ctx: ServerContext,
  found: VisibleCase,
  records: StepRecord[],
): Promise<StepRecordView[]> {
  const { compiled, view } = found;
  const unnamed = records.filter((r) => r.task_id && !r.state_id).map((r) => r.task_id!);
  const states = new Map(
    unnamed.length === 0
      ? []
      : (
          await ctx.db.selectFrom('tasks').select(['id', 'state_id']).where('id', 'in', unnamed).execute()
        ).map((t) => [t.id, t.state_id]),
  );
  return records.map((r) => {
    const stateId = r.state_id ?? (r.task_id ? (states.get(r.task_id) ?? null) : null);
    const task = stateId ? compiled.index.get(stateId)?.def.task : undefined;
    const startForm = compiled.definition.startForm;
    const formKey = r.action === 'start' ? (startForm ?? null) : (task?.form ?? null);
    const title =
      r.action === 'start'
        ? ((startForm ? compiled.forms[startForm]?.title : undefined) ?? compiled.definition.name)
        : (task?.title ?? { 'zh-CN': stateId ?? '—', en: stateId ?? '—' });
    const outcome = task?.outcomes.find((o) => o.key === r.outcome);
    return {
      seq: r.seq,
      taskId: r.task_id,
      stateId,
      title,
      formKey,
      actor: r.actor,
      outcome: r.outcome,
      outcomeLabel: outcome?.label ?? null,
      comment: r.comment && view.seesComment({ author: r.actor }) ? r.comment : null,
      data: view.strip(r.data),
      attachments: r.attachments.filter((id) => view.seesAttachment({ id, uploadedBy: r.actor })),
      at: r.at,
    };
  });
}
