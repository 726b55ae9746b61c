import { canActOn, resolveAssignment } from '../assignment';
import type { InvokeDef, StartChildParams } from '../definition/definition-types';
import { withoutFields } from '../expressions';
import { internalEvent } from '../machine/machine-builder';
import { assignmentContext } from './assignment-context';
import type { CaseSnapshot } from './case-snapshot';
import type { Command } from './commands';
import type { CompiledDefinition } from './compiled-definition';
import { checkShownFields, hiddenByShowIf } from './form-submission';
import { sendEvent, startMachine } from './machine-driver';
import { celVars, nextId, record, type StepWork } from './step-context';
import { StepError } from './step-error';

/** A brand-new snapshot for a `start` command, before the machine has entered anything. */
export function emptySnapshot(
  compiled: CompiledDefinition,
  command: Extract<Command, { type: 'start' }>,
  initiator: string,
  now: string,
): CaseSnapshot {
  const unitField = compiled.definition.unitField;
  const unit = unitField ? command.data[unitField] : undefined;
  return {
    instanceId: command.instanceId,
    definitionKey: compiled.definition.key,
    definitionVersion: compiled.version,
    status: 'running',
    version: 0,
    seq: 0,
    machine: { value: compiled.definition.machine.initial, historyValue: {} },
    data: { ...command.data },
    initiator,
    caseUnit: typeof unit === 'string' ? unit : undefined,
    startedAt: now,
    parent: command.parent,
    tasks: [],
    timers: [],
    children: [],
    votes: {},
    performers: {},
    cc: [],
  };
}

/** `start`: check the starter may start this process and the start form, then enter the initial state. */
export function startCase(work: StepWork): void {
  const { definition } = work.compiled;
  const actor = work.opts.actor;
  if (!actor.system) {
    const resolution = resolveAssignment(definition.starters, assignmentContext(work), 'skip');
    const allowed =
      resolution.kind === 'candidates' &&
      canActOn(actor.username, resolution.candidates, work.opts.directory);
    if (!allowed)
      throw new StepError('not-permitted', `User '${actor.username}' may not start '${definition.key}'`);
  }
  const form = definition.startForm ? work.compiled.forms[definition.startForm] : undefined;
  if (form) {
    // Fields whose show-if is false were not shown: their values are dropped, and they are not required.
    const hidden = hiddenByShowIf(work, form, work.snap.data);
    work.snap.data = withoutFields(work.snap.data, hidden);
    checkShownFields(work, form, work.snap.data, hidden);
  }
  startMachine(work);
}

/**
 * The machine reached a final state (or the case was cancelled): close everything, tell the parent.
 * Children a state waits for are cancelled; children started by a `startChild` action live on when
 * the case completes (an evaluation's admonition talks outlast it) and are cancelled only with it.
 */
export function finishCase(work: StepWork, status: 'completed' | 'cancelled'): void {
  const snap = work.snap;
  snap.status = status;
  snap.endedAt = work.opts.now;
  snap.tasks = [];
  snap.timers = [];
  snap.votes = {};
  for (const child of snap.children) {
    if (child.status !== 'running' || (status === 'completed' && !child.stateId)) continue;
    child.status = 'cancelled';
    work.effects.push({ type: 'cancelChild', childId: child.id });
  }
  if (snap.parent) {
    work.effects.push({
      type: 'childFinished',
      parentInstanceId: snap.parent.instanceId,
      childId: snap.parent.childId,
      status,
      data: snap.data,
    });
  }
  record(work, { caseFinished: status });
}

/** `cancel`: administrators stop a running case and its children. */
export function cancelCase(work: StepWork): void {
  if (!work.opts.actor.system && !work.opts.directory.administrators().includes(work.opts.actor.username)) {
    throw new StepError('not-permitted', 'Only an administrator may cancel a case');
  }
  finishCase(work, 'cancelled');
}

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

/** `childDone`: a child ended; if this case waits for it in a state, move on. */
export function childDone(work: StepWork, command: Extract<Command, { type: 'childDone' }>): void {
  const child = work.snap.children.find((c) => c.id === command.childId);
  if (!child) throw new StepError('not-found', `No child '${command.childId}'`);
  if (child.status !== 'running') throw new StepError('stale', `Child '${child.id}' already ended`);
  child.status = command.status;
  if (child.stateId)
    sendEvent(work, { type: internalEvent.childDone(child.stateId), outcome: command.status });
}

/** The child's initiator: whoever caused the start, or the parent's initiator when a timer did. */
function childInitiator(work: StepWork): string {
  return work.opts.actor.system ? work.snap.initiator : work.opts.actor.username;
}

function toList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}
