import type { InvokeDef, StartChildParams } from '../definition/definition-types';
import { celVars, nextId, record, type StepWork } from './step-context';

/** Starts a child case (one per `forEach` item); the runtime creates it from the effect. */
export function startChild(
  work: StepWork,
  spec: InvokeDef | StartChildParams,
  stateId: string | undefined,
): void {
  const forEach = 'forEach' in spec ? spec.forEach : undefined;
  const items = forEach ? toList(work.compiled.cel.compile(forEach).evaluate(celVars(work))) : [undefined];
  // Inputs see `item` with the element type of the forEach list.
  const cel = forEach ? work.compiled.cel.forEachItem(forEach) : work.compiled.cel;
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
