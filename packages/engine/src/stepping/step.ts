import type { DefinitionBundle } from '../definition/definition-types';
import { cancelCase, childDone, emptySnapshot, startCase } from './case-lifecycle';
import { migrateCase } from './case-migration';
import type { CaseSnapshot, WithdrawPoint } from './case-snapshot';
import type { Command } from './commands';
import { compileBundle, taskDef } from './compiled-definition';
import { checkNotSuspended, resumeCase, suspendCase } from './case-suspension';
import { completeTask } from './complete-task';
import { applyCaseComputed } from './computed-step';
import { asRefusal } from './engine-refusal';
import { returnTask, withdraw, withdrawPoint } from './return-withdraw';
import { addSigner, removeSigner } from './signer-operations';
import type { StepOptions, StepResult, StepWork } from './step-context';
import { StepError } from './step-error';
import { carbonCopy, claim, comment, delegate, transfer, unclaim, urge } from './task-operations';
import { reassign } from './task-reassign';
import { timerFired } from './timer-fired';

/** Commands that leave the case's flow where it was, so a pending withdraw stays possible. */
const FLOW_NEUTRAL = new Set<Command['type']>([
  'urge',
  'cc',
  'comment',
  'claim',
  'unclaim',
  'reassign',
  'suspend',
  'resume',
]);

/**
 * The pure step: (definition, snapshot, command, {now, directory, actor}) → (snapshot, effects, audit).
 * Never mutates its inputs, never reads a clock, never performs I/O. A refused command throws StepError
 * (errors of the engine's modules caused by data included, see `asRefusal`); anything else is a bug.
 */
export function step(
  bundle: DefinitionBundle,
  snapshot: CaseSnapshot | undefined,
  command: Command,
  opts: StepOptions,
): StepResult {
  const compiled = compileBundle(bundle);
  if (command.type === 'start') {
    if (snapshot) throw new StepError('invalid-command', 'Case already started');
  } else {
    if (!snapshot) throw new StepError('not-found', 'No such case');
    // An ended case still hears how a child it started ended (an evaluation's admonition talks outlast it).
    const childNews = command.type === 'childDone' && snapshot.status === 'completed';
    if (snapshot.status !== 'running' && !childNews)
      throw new StepError('stale', `Case is ${snapshot.status}`);
    checkNotSuspended(snapshot, command);
  }
  // Work on a JSON copy: the snapshot then has exactly the shape it has after a trip through the
  // database (no undefined keys), so stored, in-memory and replayed snapshots serialise identically.
  const text = snapshot ? JSON.stringify(snapshot) : undefined;
  const snap = text
    ? (JSON.parse(text) as CaseSnapshot)
    : emptySnapshot(compiled, command as Extract<Command, { type: 'start' }>, opts.actor.username, opts.now);
  const work: StepWork = { compiled, snap, opts, effects: [], events: [], queue: [] };
  // A second copy of the case, kept for 撤回, only where the completed task's step allows it.
  const prior =
    command.type === 'complete' && text && withdrawAllowed(compiled, snap, command.taskId)
      ? withdrawPoint(JSON.parse(text) as CaseSnapshot)
      : undefined;
  try {
    dispatch(work, command);
  } catch (error) {
    throw asRefusal(error, work.snap.data, opts.locale);
  }
  // Whatever changed the data (a migration, a child's input), computed values stay current.
  if (work.snap.status === 'running') applyCaseComputed(work);
  const next = work.snap;
  if (!FLOW_NEUTRAL.has(command.type)) next.withdrawable = undefined;
  if (prior && command.type === 'complete') rememberWithdraw(work, command, prior);
  next.version += 1;
  return {
    snapshot: next,
    effects: work.effects,
    audit: {
      seq: next.version,
      at: opts.now,
      actor: opts.actor.username,
      action: command.type,
      taskId: 'taskId' in command ? command.taskId : undefined,
      outcome: command.type === 'complete' ? command.outcome : undefined,
      comment: commentOf(command),
      detail: {
        command,
        events: work.events,
        ...(opts.actor.system ? { system: true } : {}),
        // Administrators' calendar edits change working-day due dates: replay needs the version.
        ...(opts.calendar?.version ? { calendarVersion: opts.calendar.version } : {}),
      },
    },
  };
}

type Handler<T extends Command['type']> = (work: StepWork, command: Extract<Command, { type: T }>) => void;

/** One handler per command kind; the mapped type makes a missing handler a compile error. */
const handlers: { [T in Command['type']]: Handler<T> } = {
  start: (work, command) => startCase(work, command.schedule),
  complete: completeTask,
  claim,
  unclaim,
  transfer,
  reassign,
  delegate,
  addSigner,
  removeSigner,
  return: returnTask,
  withdraw,
  urge,
  cc: carbonCopy,
  comment,
  timerFired,
  childDone,
  cancel: (work, command) => cancelCase(work, command),
  suspend: suspendCase,
  resume: resumeCase,
  migrate: migrateCase,
};

function dispatch(work: StepWork, command: Command): void {
  const handler = handlers[command.type] as Handler<Command['type']> | undefined;
  if (!handler)
    throw new StepError('invalid-command', `Unknown command '${(command as { type: string }).type}'`);
  handler(work, command);
}

function withdrawAllowed(compiled: StepWork['compiled'], snap: CaseSnapshot, taskId: string): boolean {
  const task = snap.tasks.find((t) => t.id === taskId);
  return task !== undefined && (taskDef(compiled, task.stateId).operations?.includes('withdraw') ?? false);
}

function rememberWithdraw(
  work: StepWork,
  command: Extract<Command, { type: 'complete' }>,
  prior: WithdrawPoint['prior'],
): void {
  const task = prior.tasks.find((t) => t.id === command.taskId);
  if (!task || work.snap.status !== 'running') return;
  const allowed = taskDef(work.compiled, task.stateId).operations?.includes('withdraw');
  const irreversible = work.effects.some((e) => e.type === 'directoryChange' || e.type === 'childFinished');
  if (!allowed || irreversible) return;
  work.snap.withdrawable = { actor: work.opts.actor.username, taskId: task.id, stateId: task.stateId, prior };
}

function commentOf(command: Command): string | undefined {
  if (command.type === 'comment') return command.text;
  // 挂起 / 恢复: the reason shows in the history like a comment.
  if (command.type === 'suspend' || command.type === 'resume') return command.reason;
  if ('comment' in command) return command.comment;
  return undefined;
}
