import { AssignmentError, type CandidateSet, expandCandidates, resolveWithExclusions } from '../assignment';
import type { UserTaskDef } from '../definition/definition-types';
import { resolveDueAt } from '../expressions';
import { tallyVotes } from '../voting';
import { assignmentContext } from './assignment-context';
import type { TaskRecord } from './case-snapshot';
import { excludedPerformer, instanceItems, instancePeople } from './multi-instance';
import { excludedUsers } from './exclusions';
import { celVars, nextId, record, type StepWork } from './step-context';
import { StepError } from './step-error';

/** Creates the task(s) of a state just entered: one task, or one per signer for a vote. */
export function createTasks(work: StepWork, stateId: string, def: UserTaskDef): void {
  const resolution = resolve(work, def);
  if (resolution.kind === 'skip') {
    const outcome = def.voting?.approveOutcome ?? def.outcomes[0]!.key;
    record(work, { taskSkipped: stateId, outcome });
    work.queue.push({ type: outcomeEvent(def, outcome), origin: stateId, outcome });
    return;
  }
  if (def.voting) {
    const signers = expandCandidates(resolution.candidates, work.opts.directory);
    const { mode, ratio, rejectPolicy, quorum } = def.voting;
    const rule = { mode, ratio, rejectPolicy, ...(quorum === undefined ? {} : { quorum }) };
    const state = { signers, ballots: {} };
    work.snap.votes[stateId] = { rule, state };
    const result = tallyVotes(rule, state);
    for (const signer of result.decided ? [] : result.awaiting) {
      openTask(work, stateId, def, { users: [signer], roles: [] }, signer);
    }
    return;
  }
  if (def.multiInstance) return openInstanceTasks(work, stateId, def, resolution.candidates);
  openTask(work, stateId, def, resolution.candidates);
}

/**
 * 多实例: one task per person per element; nobody gets the task of an element they may not
 * perform. With no task to open at all the state moves on as an empty assignment would.
 */
function openInstanceTasks(work: StepWork, stateId: string, def: UserTaskDef, candidates: CandidateSet) {
  const items = instanceItems(work, def);
  const people = expandCandidates(candidates, work.opts.directory);
  let opened = 0;
  for (const item of items) {
    const excluded = excludedPerformer(work, def, item);
    for (const person of instancePeople(work, def, item, people).filter((p) => p !== excluded)) {
      openTask(work, stateId, def, { users: [person], roles: [] }, undefined, item);
      opened += 1;
    }
  }
  record(work, { instancesOpened: stateId, items: items.length, people: people.length, tasks: opened });
  if (opened === 0) {
    const outcome = def.outcomes[0]!.key;
    record(work, { taskSkipped: stateId, outcome });
    work.queue.push({ type: outcomeEvent(def, outcome), origin: stateId, outcome });
  }
}

/** Opens one task row with its due date, reminders and escalation timers, and notifies its people. */
export function openTask(
  work: StepWork,
  stateId: string,
  def: UserTaskDef,
  candidates: CandidateSet,
  signer?: string,
  item?: unknown,
): TaskRecord {
  const { opts, compiled } = work;
  const single =
    candidates.roles.length === 0 && candidates.users.length === 1 ? candidates.users[0] : undefined;
  const task: TaskRecord = {
    id: nextId(work, 't'),
    stateId,
    candidates,
    assignee: single,
    createdAt: opts.now,
    urged: 0,
    remindersSent: 0,
  };
  if (signer) task.signer = signer;
  if (item !== undefined) task.item = item;
  if (def.due) task.dueAt = resolveDueAt(def.due, compiled.cel, celVars(work), work.opts.calendar);
  for (const reminder of def.reminders ?? []) {
    const dueAt = resolveDueAt(reminder, compiled.cel, celVars(work), work.opts.calendar);
    work.snap.timers.push({ id: nextId(work, 'm'), kind: 'reminder', stateId, taskId: task.id, dueAt });
  }
  if (def.escalation) {
    const dueAt = resolveDueAt(def.escalation.after, compiled.cel, celVars(work), work.opts.calendar);
    work.snap.timers.push({
      id: nextId(work, 'm'),
      kind: 'escalation',
      stateId,
      taskId: task.id,
      dueAt,
      round: 0,
    });
  }
  work.snap.tasks.push(task);
  record(work, { taskCreated: task.id, stateId, candidates, ...(item === undefined ? {} : { item }) });
  const users = expandCandidates(candidates, opts.directory);
  if (users.length > 0) {
    work.effects.push({
      type: 'notify',
      users,
      kind: 'task-assigned',
      taskId: task.id,
      dedupKey: `${task.id}:assigned`,
    });
  }
  return task;
}

/** The machine event an outcome sends: its declared event, else its key. */
export function outcomeEvent(def: UserTaskDef, outcomeKey: string): string {
  return def.outcomes.find((o) => o.key === outcomeKey)?.event ?? outcomeKey;
}

function resolve(work: StepWork, def: UserTaskDef) {
  try {
    return resolveWithExclusions(def, assignmentContext(work), excludedUsers(work.snap, def));
  } catch (error) {
    if (error instanceof AssignmentError) throw new StepError('assignment-empty', error.message);
    throw error;
  }
}
