import { parseWorkingDays } from '../calendar';
import { parseIsoDuration, resolveDueAt } from '../expressions';
import { internalEvent } from '../machine/machine-builder';
import { startChild } from './child-cases';
import { stateDef } from './compiled-definition';
import { celVars, nextId, type StepWork } from './step-context';
import { createTasks } from './task-factory';

/**
 * Entering a tracked state: create its tasks, arm its `after` timers, start its child process. A
 * migrated case (case-migration.ts) keeps a child already running for the state, and may open a
 * carried vote's tasks itself (`tasks: false`).
 */
export function openStateWork(
  work: StepWork,
  stateId: string,
  options: { keepChild?: boolean; tasks?: boolean } = {},
): void {
  const def = stateDef(work.compiled, stateId);
  for (const key of Object.keys(def.after ?? {})) {
    work.snap.timers.push({
      id: nextId(work, 'm'),
      kind: 'after',
      stateId,
      event: internalEvent.after(stateId, key),
      dueAt: afterDueAt(work, key),
    });
  }
  if (def.invoke && !options.keepChild) startChild(work, def.invoke, stateId);
  if (def.task && options.tasks !== false) createTasks(work, stateId, def.task);
}

/** Leaving a tracked state: its open tasks, timers and vote close; a child it waits for is cancelled. */
export function closeStateWork(work: StepWork, stateId: string): void {
  const snap = work.snap;
  snap.tasks = snap.tasks.filter((t) => t.stateId !== stateId);
  snap.timers = snap.timers.filter((t) => t.stateId !== stateId);
  delete snap.votes[stateId];
  for (const child of snap.children) {
    if (child.stateId === stateId && child.status === 'running') {
      child.status = 'cancelled';
      work.effects.push({ type: 'cancelChild', childId: child.id });
    }
  }
}

function afterDueAt(work: StepWork, key: string): string {
  const named = work.compiled.definition.machine.delays?.[key];
  const spec = named ?? key;
  const fixed = parseIsoDuration(key) !== undefined || parseWorkingDays(key) !== undefined;
  if (typeof spec === 'string' && !fixed && !named) {
    return resolveDueAt({ cel: spec }, work.compiled.cel, celVars(work), work.opts.calendar);
  }
  return resolveDueAt(spec, work.compiled.cel, celVars(work), work.opts.calendar);
}
