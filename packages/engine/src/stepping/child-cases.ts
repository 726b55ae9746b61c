import type { InvokeDef, StartChildParams } from '../definition/definition-types';
import { celVars, nextId, record, type StepWork } from './step-context';

/** Starts a child case (one per `forEach` item); the runtime creates it from the effect. */
export function startChild(
  work: StepWork,
  spec: InvokeDef | StartChildParams,
  stateId: string | undefined,
): void {
  const cel = work.compiled.cel;
  const items =
    'forEach' in spec && spec.forEach
      ? toList(cel.compile(spec.forEach).evaluate(celVars(work)))
      : [undefined];
  for (const item of items) {
    const data: Record<string, unknown> = {};
    for (const [field, expr] of Object.entries(spec.input ?? {})) {
      data[field] = cel.compile(expr).evaluate(celVars(work, { item }));
    }
    const id = nextId(work, 'c');
    work.snap.children.push({ id, process: spec.process, stateId, status: 'running' });
    work.effects.push({
      type: 'startChild',
      childId: id,
      process: spec.process,
      data,
      initiator: childInitiator(work),
    });
    record(work, { childStarted: id, process: spec.process });
  }
}

/** The child's initiator: whoever caused the start, or the parent's initiator when a timer did. */
function childInitiator(work: StepWork): string {
  return work.opts.actor.system ? work.snap.initiator : work.opts.actor.username;
}

function toList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}
