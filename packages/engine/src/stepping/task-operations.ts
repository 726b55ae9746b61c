import { canActOn, expandCandidates } from '../assignment';
import type { Command } from './commands';
import { reachedUsers, requireSeparation } from './separation-of-duties';
import { record, type StepWork } from './step-context';
import { StepError } from './step-error';
import {
  findTask,
  isParticipant,
  type PeopleField,
  requireActiveUsers,
  requireOperation,
  requireWorker,
} from './task-access';

const RECIPIENT: PeopleField = { field: 'to', label: { 'zh-CN': '接收人', en: 'Recipient' } };
const COPIED: PeopleField = { field: 'users', label: { 'zh-CN': '抄送对象', en: 'People to copy' } };

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>;

/** `claim`: a candidate takes an offered task so nobody else works it. */
export function claim(work: StepWork, command: Cmd<'claim'>): void {
  const task = findTask(work, command.taskId);
  const user = work.opts.actor.username;
  requireSeparation(work, [task.stateId]);
  if (task.assignee) throw new StepError('stale', `Task already held by '${task.assignee}'`);
  if (!canActOn(user, task.candidates, work.opts.directory)) {
    throw new StepError('not-permitted', `User '${user}' is not a candidate for this task`);
  }
  task.assignee = user;
  record(work, { claimed: task.id });
}

/** `unclaim`: give an offered task back to its candidates. */
export function unclaim(work: StepWork, command: Cmd<'unclaim'>): void {
  const task = findTask(work, command.taskId);
  const offered = task.candidates.roles.length > 0 || task.candidates.users.length > 1;
  if (task.assignee !== work.opts.actor.username)
    throw new StepError('not-permitted', 'Only the holder may unclaim');
  if (!offered || task.delegatedBy)
    throw new StepError('not-enabled', 'This task was not offered to a group');
  task.assignee = undefined;
  record(work, { unclaimed: task.id });
}

/** `transfer` (转办): hand the task to someone else for good. */
export function transfer(work: StepWork, command: Cmd<'transfer'>): void {
  const task = findTask(work, command.taskId);
  requireSeparation(work, [task.stateId]);
  requireWorker(work, task);
  requireOperation(work, task, 'transfer');
  requireActiveUsers(work, [command.to], RECIPIENT);
  requireSeparation(work, [task.stateId], [{ user: command.to, path: '/to' }]);
  if (command.to === work.opts.actor.username)
    throw new StepError('invalid-command', 'Cannot transfer to yourself');
  record(work, { transferred: task.id, from: task.assignee ?? work.opts.actor.username, to: command.to });
  task.assignee = command.to;
  task.candidates = { users: [command.to], roles: [] };
  task.delegatedBy = undefined;
  task.delegateDone = undefined;
  if (task.signer) task.signer = replaceSigner(work, task.stateId, task.signer, command.to);
  work.effects.push({
    type: 'notify',
    users: [command.to],
    kind: 'task-assigned',
    taskId: task.id,
    dedupKey: `${task.id}:v${work.snap.version}:transfer`,
  });
}

/** `delegate` (委派): someone else works the task, then it comes back to the delegator. */
export function delegate(work: StepWork, command: Cmd<'delegate'>): void {
  const task = findTask(work, command.taskId);
  requireSeparation(work, [task.stateId]);
  requireWorker(work, task);
  requireOperation(work, task, 'delegate');
  requireActiveUsers(work, [command.to], RECIPIENT);
  requireSeparation(work, [task.stateId], [{ user: command.to, path: '/to' }]);
  if (task.delegatedBy) throw new StepError('not-enabled', 'Task is already delegated');
  if (command.to === work.opts.actor.username)
    throw new StepError('invalid-command', 'Cannot delegate to yourself');
  task.delegatedBy = work.opts.actor.username;
  task.assignee = command.to;
  task.delegateDone = undefined;
  record(work, { delegated: task.id, to: command.to });
  work.effects.push({
    type: 'notify',
    users: [command.to],
    kind: 'task-assigned',
    taskId: task.id,
    dedupKey: `${task.id}:v${work.snap.version}:delegate`,
  });
}

/** `urge` (催办): a participant reminds the task's holders. */
export function urge(work: StepWork, command: Cmd<'urge'>): void {
  const task = findTask(work, command.taskId);
  requireOperation(work, task, 'urge');
  if (!work.opts.actor.system && !isParticipant(work, work.opts.actor.username)) {
    throw new StepError('not-permitted', 'Only participants may urge');
  }
  task.urged += 1;
  const users = task.assignee ? [task.assignee] : expandCandidates(task.candidates, work.opts.directory);
  record(work, { urged: task.id });
  work.effects.push({
    type: 'notify',
    users,
    kind: 'urged',
    taskId: task.id,
    dedupKey: `${task.id}:urge${task.urged}`,
  });
}

/** `cc` (抄送): let more people read the case and tell them. */
export function carbonCopy(work: StepWork, command: Cmd<'cc'>): void {
  // A CC on a task answers to that task's exclusions; one on the case to those of every open task.
  const states = command.taskId
    ? [findTask(work, command.taskId).stateId]
    : work.snap.tasks.map((t) => t.stateId);
  requireSeparation(work, states);
  if (command.taskId) {
    const task = findTask(work, command.taskId);
    requireWorker(work, task);
    requireOperation(work, task, 'cc');
  } else if (!isParticipant(work, work.opts.actor.username)) {
    throw new StepError('not-permitted', 'Only participants may copy others in');
  }
  if (command.users.length === 0) throw new StepError('invalid-command', 'No users to copy');
  requireActiveUsers(work, command.users, COPIED);
  requireSeparation(work, states, reachedUsers(command.users));
  const fresh = command.users.filter((u) => !work.snap.cc.some((c) => c.user === u));
  for (const user of fresh)
    work.snap.cc.push({ user, by: work.opts.actor.username, at: work.opts.now, taskId: command.taskId });
  record(work, { cc: fresh });
  if (fresh.length > 0) {
    work.effects.push({
      type: 'notify',
      users: fresh,
      kind: 'cc',
      taskId: command.taskId,
      dedupKey: `${work.snap.instanceId}:v${work.snap.version}:cc`,
    });
  }
}

/** `comment`: a participant adds a remark to the case's timeline. */
export function comment(work: StepWork, command: Cmd<'comment'>): void {
  if (!command.text.trim()) throw new StepError('invalid-command', 'Empty comment');
  if (!isParticipant(work, work.opts.actor.username))
    throw new StepError('not-permitted', 'Only participants may comment');
  if (command.taskId) findTask(work, command.taskId);
}

function replaceSigner(work: StepWork, stateId: string, from: string, to: string): string {
  const entry = work.snap.votes[stateId];
  if (entry) {
    if (entry.state.signers.includes(to))
      throw new StepError('invalid-command', `'${to}' already signs this vote`);
    entry.state = { ...entry.state, signers: entry.state.signers.map((s) => (s === from ? to : s)) };
  }
  return to;
}
