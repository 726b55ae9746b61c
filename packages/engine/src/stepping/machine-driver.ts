import type { AnyMachineSnapshot } from 'xstate';
import type { EngineEvent, MachineContext } from '../machine/machine-builder';
import { type Executable, pureInitialTransition, pureTransition } from '../machine/pure-transition';
import { runAction } from './action-runner';
import { finishCase } from './case-ending';
import type { CaseSnapshot } from './case-snapshot';
import { celPerson, celUnit, type StepWork } from './step-context';
import { StepError } from './step-error';

/** XState refuses to loop forever; so do we, per command. */
const MAX_EVENTS_PER_COMMAND = 100;

/** Enters the machine's initial state for a new case and runs the resulting entry work. */
export function startMachine(work: StepWork): void {
  const input = { ...machineContext(work), now: work.opts.now, actor: engineActor(work) };
  const [next, actions] = guarded(() => pureInitialTransition(work.compiled.machine, input));
  apply(work, next, actions);
  drainQueue(work);
}

/** Sends one event to the machine; returns false when nothing in the machine reacted. */
export function sendEvent(work: StepWork, event: Omit<EngineEvent, 'now' | 'actor'>): boolean {
  const machine = work.compiled.machine;
  const current = restore(work);
  const full: EngineEvent = { ...event, now: work.opts.now, actor: engineActor(work) };
  const [next, actions] = guarded(() => pureTransition(machine, current, full));
  const reacted = actions.length > 0 || next.value !== current.value || next.context !== current.context;
  if (!reacted) return false;
  apply(work, next, actions);
  drainQueue(work);
  return true;
}

function drainQueue(work: StepWork): void {
  let count = 0;
  while (work.queue.length > 0 && work.snap.status === 'running') {
    if (++count > MAX_EVENTS_PER_COMMAND)
      throw new StepError('not-enabled', 'Too many automatic steps in one command');
    const event = work.queue.shift()!;
    sendEvent(work, event);
  }
}

function apply(work: StepWork, next: AnyMachineSnapshot, actions: Executable[]): void {
  if (next.status === 'error') throw asStepError(next.error);
  const context = next.context as MachineContext;
  work.snap.data = context.data;
  work.snap.machine = persist(next);
  for (const action of actions)
    runAction(work, action.type, (action.params ?? {}) as Record<string, unknown>);
  if (next.status === 'done' && work.snap.status === 'running') finishCase(work, 'completed');
}

function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw asStepError(error);
  }
}

/** Errors raised inside the machine (CEL failures, runaway loops) as refusals the caller understands. */
function asStepError(error: unknown): unknown {
  if (error instanceof StepError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/Infinite loop detected/.test(message)) {
    return new StepError('not-enabled', 'The process loops through automatic transitions without stopping');
  }
  const code = (error as { code?: string } | undefined)?.code;
  if (code?.startsWith('cel-') || error instanceof Error) return new StepError('expression-failed', message);
  return error;
}

function machineContext(work: StepWork): MachineContext {
  return {
    data: work.snap.data,
    caseId: work.snap.instanceId,
    initiator: celPerson(work.opts.directory, work.snap.initiator),
    caseUnit: celUnit(work.opts.directory, work.snap.caseUnit),
  };
}

function engineActor(work: StepWork): EngineEvent['actor'] {
  return celPerson(work.opts.directory, work.opts.actor.username);
}

function restore(work: StepWork): AnyMachineSnapshot {
  const machine = work.compiled.machine;
  const historyValue = Object.fromEntries(
    Object.entries(work.snap.machine.historyValue).map(([key, ids]) => [
      key,
      ids.map((id) => machine.getStateNodeById(id)),
    ]),
  );
  return machine.resolveState({
    value: work.snap.machine.value as never,
    context: machineContext(work),
    historyValue,
  });
}

function persist(next: AnyMachineSnapshot): CaseSnapshot['machine'] {
  const historyValue: Record<string, string[]> = {};
  for (const [key, nodes] of Object.entries(next.historyValue ?? {})) {
    historyValue[key] = (nodes as { id: string }[]).map((n) => n.id);
  }
  return { value: next.value, historyValue };
}

/** Active leaf and compound state ids (dotted paths) of the current machine value. */
export function activeStateIds(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
  const ids: string[] = [];
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const id = prefix ? `${prefix}.${key}` : key;
    ids.push(id, ...activeStateIds(child, id));
  }
  return ids;
}
