import type { CaseView, DefinitionVersion, TaskView } from '@flowform/api';
import type { StateDef, UserTaskDef } from '@flowform/engine/browser';
import { definitionAt } from '../../api/definition-cache';
import { api } from '../../api/endpoints';

/** A task with its case and the definition version the case runs on. */
export interface LoadedTask {
  task: TaskView;
  caseView?: CaseView;
  definition?: DefinitionVersion;
  /** The task's definition (outcome styles, skipValidation, return target names). */
  taskDef?: UserTaskDef;
}

/** Loads the task, then its case and pinned definition (for labels and step names) side by side. */
export async function loadTask(id: string): Promise<LoadedTask> {
  const task = await api.task(id);
  const caseView = await api.caseView(task.instanceId).catch(() => undefined);
  const definition = caseView
    ? await definitionAt(task.definitionKey, caseView.definitionVersion).catch(() => undefined)
    : undefined;
  const taskDef = definition ? stateAt(definition.definition.machine.states, task.stateId)?.task : undefined;
  return { task, caseView, definition, taskDef };
}

/** The state at a dotted id (`support.visit`). */
export function stateAt(states: Record<string, StateDef>, id: string): StateDef | undefined {
  let current: StateDef | undefined;
  let level: Record<string, StateDef> | undefined = states;
  for (const part of id.split('.')) {
    current = level && Object.hasOwn(level, part) ? level[part] : undefined;
    level = current?.states;
  }
  return current;
}
