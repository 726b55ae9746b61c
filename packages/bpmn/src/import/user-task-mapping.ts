/** A BPMN user (or manual) task → a Flowform task: title, assignment, form, due date, outcomes, vote. */
import type { OutcomeDef, UserTaskDef } from '@flowform/engine/browser';
import type { BpmnNode } from '../graph/bpmn-graph';
import { vendorAttribute, zeebeAttribute } from '../graph/vendor-extensions';
import { mapAssignment } from './assignment-mapping';
import { durationOf } from './duration-mapping';
import { mapForm } from './form-mapping';
import type { ImportContext } from './import-context';
import { APPROVE, mapMultiInstance, REJECT } from './multi-instance-mapping';
import { bothLanguages } from './names';

export const COMPLETE = 'complete';

export interface TaskMapping {
  task: UserTaskDef;
  /** The events the task's completion sends (`complete`, or a vote's approve and reject). */
  events: string[];
  notes: string[];
  partial: boolean;
}

export function mapUserTask(ctx: ImportContext, node: BpmnNode): TaskMapping {
  const multi = mapMultiInstance(ctx, node);
  const assignment = mapAssignment(ctx, node, multi?.collection);
  const form = mapForm(ctx, node);
  const notes = [...assignment.notes, ...form.notes, ...(multi?.notes ?? [])];
  let partial = assignment.partial || (multi?.partial ?? false);
  const dueText =
    vendorAttribute(ctx.graph, node.element, 'dueDate') ??
    zeebeAttribute(ctx.graph, node.element, 'taskSchedule', 'dueDate');
  const due = durationOf(dueText);
  if (dueText && !due) {
    partial = true;
    notes.push(`due date '${dueText}' is not a fixed duration: set the task's due date`);
  }
  const outcomes: OutcomeDef[] = multi
    ? [
        { key: APPROVE, label: { 'zh-CN': '同意', en: 'Approve' }, style: 'primary' },
        { key: REJECT, label: { 'zh-CN': '不同意', en: 'Reject' }, style: 'danger' },
      ]
    : [{ key: COMPLETE, label: { 'zh-CN': '完成', en: 'Complete' }, style: 'primary' }];
  if (node.type === 'manualTask') {
    partial = true;
    notes.push('a manual task becomes a user task that records the work as done');
  }
  const task: UserTaskDef = {
    title: bothLanguages(node.name ?? node.id),
    ...(form.key ? { form: form.key } : {}),
    assignment: assignment.rule,
    outcomes,
    ...(due ? { due } : {}),
    ...(multi ? { voting: multi.voting } : {}),
  };
  return { task, events: outcomes.map((o) => o.key), notes, partial };
}
