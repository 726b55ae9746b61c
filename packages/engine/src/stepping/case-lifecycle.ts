import { AssignmentError, canActOn, type Resolution, resolveAssignment } from '../assignment';
import { withoutFields } from '../forms';
import { internalEvent } from '../machine/machine-builder';
import { assignmentContext } from './assignment-context';
import { finishCase } from './case-ending';
import type { CaseSnapshot } from './case-snapshot';
import { checkCaseUnit } from './case-unit-check';
import type { Command } from './commands';
import type { CompiledDefinition } from './compiled-definition';
import { asRefusal } from './engine-refusal';
import { applyCaseComputed, computedInForm } from './computed-step';
import { checkShownFields, checkShownReferences, computedForm, hiddenByShowIf } from './form-submission';
import { sendEvent, startMachine } from './machine-driver';
import { initiatorMayCancel } from './initiator-cancel';
import { record, type StepWork } from './step-context';
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

/**
 * `start`: check the start form, then that the starter may start this process (the starters rule may
 * read the submitted data: a unit field it cannot read is a form error on that field), then enter the
 * initial state. A scheduled start (by the system) has no one filling the start form: its data is the
 * schedule's, type-checked by lint against the case fields, and the form is not applied.
 */
export function startCase(work: StepWork, schedule?: { id: string; fireAt: string }): void {
  const { definition } = work.compiled;
  const scheduled = schedule !== undefined && work.opts.actor.system === true;
  if (schedule && !scheduled)
    throw new StepError('not-permitted', 'Only the system starts a case on a schedule');
  const form = definition.startForm && !scheduled ? work.compiled.forms[definition.startForm] : undefined;
  const submitted = work.snap.data;
  if (form) {
    work.snap.data = computedForm(work, form, work.snap.data, submitted);
    // Fields whose show-if is false were not shown: their values are dropped, and they are not required.
    const hidden = hiddenByShowIf(work, form, work.snap.data);
    work.snap.data = withoutFields(work.snap.data, hidden);
    checkShownFields(work, form, work.snap.data, hidden);
    checkShownReferences(work, form, work.snap.data);
  }
  applyCaseComputed(work, submitted, form ? computedInForm(work, form) : new Set());
  checkCaseUnit(work);
  const actor = work.opts.actor;
  if (!actor.system) {
    const resolution = resolveStarters(work);
    const allowed =
      resolution.kind === 'candidates' &&
      canActOn(actor.username, resolution.candidates, work.opts.directory);
    if (!allowed)
      throw new StepError('not-permitted', `User '${actor.username}' may not start '${definition.key}'`);
  }
  if (scheduled) record(work, { scheduled: schedule.id, fireAt: schedule.fireAt });
  startMachine(work);
}

/** The starters rule over the submitted data; a rule that cannot be applied lets nobody start. */
function resolveStarters(work: StepWork): Resolution {
  try {
    return resolveAssignment(work.compiled.definition.starters, assignmentContext(work), 'skip');
  } catch (error) {
    if (error instanceof AssignmentError && !error.field) {
      throw new StepError('not-permitted', `The starters rule cannot be applied: ${error.message}`);
    }
    throw asRefusal(error, work.snap.data, work.opts.locale);
  }
}

/**
 * `cancel`: administrators stop a running case and its children; so may its initiator, with a
 * reason, where the definition allows it and while the case is still before the declared point.
 */
export function cancelCase(work: StepWork, command: Extract<Command, { type: 'cancel' }>): void {
  const { actor, directory } = work.opts;
  if (!actor.system && !directory.administrators().includes(actor.username)) {
    if (!initiatorMayCancel(work.compiled, work.snap, actor.username))
      throw new StepError(
        'not-permitted',
        'Only an administrator, or the initiator while the process allows it, may cancel',
      );
    if (!command.reason?.trim())
      throw new StepError('invalid-command', 'Cancelling your own case needs a reason');
  } else if (!actor.system && work.compiled.definition.confidential?.enabled && !command.reason?.trim()) {
    // Break-glass: an administrator ends a confidential case they may not read, and says why.
    throw new StepError('invalid-command', 'Cancelling a confidential case needs a reason');
  }
  work.snap.suspension = undefined;
  finishCase(work, 'cancelled');
}

/** `childDone`: a child ended; if this case waits for it in a state, move on. */
export function childDone(work: StepWork, command: Extract<Command, { type: 'childDone' }>): void {
  const child = work.snap.children.find((c) => c.id === command.childId);
  if (!child) throw new StepError('not-found', `No child '${command.childId}'`);
  if (child.status !== 'running') throw new StepError('stale', `Child '${child.id}' already ended`);
  child.status = command.status;
  // How it ended, not only that it did: the parent shows an admonition talk closed by the committee.
  if (command.outcome) child.outcome = command.outcome;
  if (command.endState) child.endState = command.endState;
  if (command.endStateName) child.endStateName = command.endStateName;
  record(work, {
    childEnded: child.id,
    status: command.status,
    outcome: command.outcome,
    endState: command.endState,
  });
  // An invoke's onDone reads how the child ended as `outcome`: the final state it completed in
  // (an admonition talk `closed` or `closedByCommittee`), else its status (`cancelled`).
  const outcome = command.status === 'completed' ? (command.endState ?? command.status) : command.status;
  if (child.stateId && work.snap.status === 'running')
    sendEvent(work, { type: internalEvent.childDone(child.stateId), outcome });
}
