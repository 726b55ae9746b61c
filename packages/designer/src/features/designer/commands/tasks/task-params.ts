/** Params of the commands on a state's user task: one command per property (`task.setAssignee`, …). */
import type { UserTaskDef } from '@flowform/engine/browser';

/** Command name → task property it sets. */
export const TASK_FIELDS = {
  'task.setTitle': 'title',
  'task.setForm': 'form',
  'task.setAssignee': 'assignment',
  'task.setOnEmpty': 'onEmpty',
  'task.setOutcomes': 'outcomes',
  'task.setDue': 'due',
  'task.setReminders': 'reminders',
  'task.setEscalation': 'escalation',
  'task.setVoting': 'voting',
  'task.setOperations': 'operations',
  'task.setFieldPermissions': 'fieldPermissions',
  'task.setReturnTargets': 'returnTargets',
  'task.setCc': 'cc',
} as const satisfies Record<string, keyof UserTaskDef>;

export type TaskCommand = keyof typeof TASK_FIELDS;
export type TaskField = (typeof TASK_FIELDS)[TaskCommand];

/** The task of state `id` gets `value` for the property (undefined removes an optional one). */
export interface TaskPropertyParams<F extends TaskField> {
  id: string;
  value: UserTaskDef[F];
}

export type TaskCommands = { [C in TaskCommand]: TaskPropertyParams<(typeof TASK_FIELDS)[C]> };
