import type { CaseView, DefinitionVersion, History, TaskView } from '@flowform/api';
import { definitionAt } from '../../api/definition-cache';
import { api } from '../../api/endpoints';

/** A case with its audit trail, its definition version, and every task its history names. */
export interface LoadedCase {
  caseView: CaseView;
  history: History;
  definition?: DefinitionVersion;
  /** Tasks by id (closed ones too): their step, title and form, for the timeline and the diagram. */
  tasks: Map<string, TaskView>;
}

/** Loads the case; a case I may not see answers 404 exactly like one that does not exist. */
export async function loadCase(id: string): Promise<LoadedCase> {
  const caseView = await api.caseView(id);
  const [history, definition] = await Promise.all([
    api.history(id),
    definitionAt(caseView.definitionKey, caseView.definitionVersion).catch(() => undefined),
  ]);
  const ids = [...new Set(history.entries.map((e) => e.taskId).filter((x): x is string => !!x))].slice(0, 50);
  const tasks = new Map<string, TaskView>();
  await Promise.all(
    ids.map((taskId) =>
      api.task(taskId).then(
        (task) => void tasks.set(taskId, task),
        () => undefined,
      ),
    ),
  );
  return { caseView, history, definition, tasks };
}

/** The step whose completion ended the case (the last completed task in its history), if any. */
export function endingStep(loaded: LoadedCase): string | undefined {
  const last = loaded.history.entries.findLast((e) => e.action === 'complete' && e.taskId);
  return last?.taskId ? loaded.tasks.get(last.taskId)?.stateId : undefined;
}

/** Every state the case has been in, in order of first visit (from its tasks and the history). */
export function visitedStates(loaded: LoadedCase): string[] {
  const seen: string[] = [];
  for (const entry of loaded.history.entries) {
    const state = entry.taskId ? loaded.tasks.get(entry.taskId)?.stateId : undefined;
    if (state && !seen.includes(state)) seen.push(state);
  }
  return seen;
}
