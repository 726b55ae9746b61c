import { expandCandidates, resolveAssignment } from '../assignment';
import type { UserTaskDef } from '../definition/definition-types';
import { castBallot, tallyVotes } from '../voting';
import { assignmentContext } from './assignment-context';
import type { TaskRecord } from './case-snapshot';
import type { Command } from './commands';
import { taskDef } from './compiled-definition';
import { applyCaseComputed, computedInForm } from './computed-step';
import { applyForm, collectResponse, invalidForm } from './form-submission';
import { outcomeRefused } from './guard-refusal';
import { sendEvent } from './machine-driver';
import { instancesOutstanding, refuseSeparatedPerformer } from './multi-instance';
import { requireSeparation } from './separation-of-duties';
import { record, type StepWork } from './step-context';
import { StepError } from './step-error';
import { keepVoteRecord } from './vote-record';
import { findTask, requireWorker } from './task-access';
import { openTask, outcomeEvent } from './task-factory';

type Complete = Extract<Command, { type: 'complete' }>;

/** `complete`: validate the form, record the decision, count the vote, and move the machine on. */
export function completeTask(work: StepWork, command: Complete): void {
  const task = findTask(work, command.taskId);
  requireSeparation(work, [task.stateId]);
  requireWorker(work, task);
  if (!work.opts.actor.system) refuseSeparatedPerformer(work, task, work.opts.actor.username);
  const def = taskDef(work.compiled, task.stateId);
  const outcome = def.outcomes.find((o) => o.key === command.outcome);
  if (!outcome) throw new StepError('invalid-command', `Task has no outcome '${command.outcome}'`);
  if (outcome.requiresComment && !command.comment?.trim()) {
    throw invalidForm([{ path: '/comment', keyword: 'required', message: commentRequired(work) }]);
  }
  const meta = { outcome: command.outcome, comment: command.comment, item: task.item };
  if (!outcome.skipValidation) applyForm(work, def, command.data ?? {}, meta);
  else if (def.responses) collectResponse(work, def.responses, {}, meta);
  const form = def.form ? work.compiled.forms[def.form] : undefined;
  applyCaseComputed(work, command.data ?? {}, form ? computedInForm(work, form) : new Set());
  if (task.delegatedBy && !task.delegateDone && task.assignee === work.opts.actor.username) {
    return resolveDelegation(work, task);
  }
  closeTask(work, task, command.outcome);
  copyOnCompletion(work, def, task.id);
  if (def.voting) return vote(work, task, def, command.outcome);
  if (def.multiInstance && instancesOutstanding(work, task.stateId)) return;
  fire(work, task.stateId, outcomeEvent(def, command.outcome), command.outcome);
}

/** Sends an outcome's event; an event nothing accepts is refused rather than leaving the case stuck. */
export function fire(
  work: StepWork,
  stateId: string,
  event: string,
  outcome: string,
  votes?: { approve: number; reject: number; pending: number; total: number },
): void {
  const reacted = sendEvent(work, { type: event, origin: stateId, outcome, votes });
  if (!reacted) throw outcomeRefused(work.compiled, stateId, event, outcome);
}

/** Removes a finished task and remembers who performed the step. */
export function closeTask(work: StepWork, task: TaskRecord, outcome: string): void {
  const snap = work.snap;
  snap.tasks = snap.tasks.filter((t) => t.id !== task.id);
  snap.timers = snap.timers.filter((t) => t.taskId !== task.id);
  const performer = work.opts.actor.username;
  const list = snap.performers[task.stateId] ?? [];
  if (!work.opts.actor.system && !list.includes(performer))
    snap.performers[task.stateId] = [...list, performer];
  record(work, { taskCompleted: task.id, stateId: task.stateId, outcome });
}

function vote(work: StepWork, task: TaskRecord, def: UserTaskDef, outcome: string): void {
  const voting = def.voting!;
  const entry = work.snap.votes[task.stateId]!;
  const ballot =
    outcome === voting.approveOutcome ? 'approve' : outcome === voting.rejectOutcome ? 'reject' : undefined;
  if (!ballot) {
    return fire(work, task.stateId, outcomeEvent(def, outcome), outcome);
  }
  const signer = task.signer ?? work.opts.actor.username;
  entry.state = castBallot(entry.rule, entry.state, signer, ballot);
  const result = tallyVotes(entry.rule, entry.state);
  if (!result.decided) {
    const open = new Set(work.snap.tasks.filter((t) => t.stateId === task.stateId).map((t) => t.signer));
    for (const next of result.awaiting.filter((s) => !open.has(s))) {
      openTask(work, task.stateId, def, { users: [next], roles: [] }, next);
    }
    return;
  }
  const decided = result.result === 'approved' ? voting.approveOutcome : voting.rejectOutcome;
  const votes = keepVoteRecord(work, task.stateId, result);
  fire(work, task.stateId, outcomeEvent(def, decided), decided, votes);
}

function resolveDelegation(work: StepWork, task: TaskRecord): void {
  record(work, { delegationResolved: task.id, by: task.assignee, backTo: task.delegatedBy });
  task.assignee = task.delegatedBy;
  task.delegatedBy = undefined;
  task.origin = undefined;
  task.delegateDone = true;
}

function commentRequired(work: StepWork): string {
  return work.opts.locale === 'en' ? 'A comment is required for this decision' : '请填写审批意见';
}

/** A task's declared CC (抄送) recipients are copied in when it is completed. */
function copyOnCompletion(work: StepWork, def: UserTaskDef, taskId: string): void {
  if (!def.cc) return;
  const resolution = resolveAssignment(def.cc, assignmentContext(work), 'skip');
  if (resolution.kind === 'skip') return;
  const users = expandCandidates(resolution.candidates, work.opts.directory).filter(
    (u) => !work.snap.cc.some((c) => c.user === u),
  );
  if (users.length === 0) return;
  for (const user of users)
    work.snap.cc.push({ user, by: work.opts.actor.username, at: work.opts.now, taskId });
  record(work, { cc: users, taskId });
  work.effects.push({ type: 'notify', users, kind: 'cc', taskId, dedupKey: `${taskId}:cc` });
}
