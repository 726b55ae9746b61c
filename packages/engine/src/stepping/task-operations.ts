import { canActOn, expandCandidates } from '../assignment';
import { parseIsoDuration } from '../expressions';
import type { Command } from './commands';
import { taskDef } from './compiled-definition';
import { requireReach } from './operation-reach';
import { refuseSeparatedPerformer } from './multi-instance';
import { reachedUsers, requireSeparation } from './separation-of-duties';
import { record, type StepWork } from './step-context';
import { StepError } from './step-error';
import type { TaskRecord } from './case-snapshot';
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
  refuseSeparatedPerformer(work, task, user);
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
  requireReach(work, task, 'transfer', [command.to]);
  refuseSeparatedPerformer(work, task, command.to);
  record(work, { transferred: task.id, from: task.assignee ?? work.opts.actor.username, to: command.to });
  task.assignee = command.to;
  task.candidates = { users: [command.to], roles: [] };
  task.delegatedBy = undefined;
  task.origin = undefined;
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
  requireReach(work, task, 'delegate', [command.to]);
  refuseSeparatedPerformer(work, task, command.to);
  task.delegatedBy = work.opts.actor.username;
  task.assignee = command.to;
  task.delegateDone = undefined;
  task.origin = {
    kind: 'delegated',
    by: work.opts.actor.username,
    at: work.opts.now,
    ...(command.comment?.trim() ? { reason: command.comment } : {}),
  };
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
  requireUrgeInterval(work, task);
  task.urged += 1;
  task.lastUrgedAt = work.opts.now;
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

/** The default least time between two urges of one task (`UserTaskDef.urgeInterval`). */
export const DEFAULT_URGE_INTERVAL = 'PT1H';

/** Refuses an urge inside the task's interval since the last one: `urge-too-soon`, with when it is allowed. */
function requireUrgeInterval(work: StepWork, task: TaskRecord): void {
  if (work.opts.replay || !task.lastUrgedAt) return;
  const interval = parseIsoDuration(
    taskDef(work.compiled, task.stateId).urgeInterval ?? DEFAULT_URGE_INTERVAL,
  );
  const allowed = Date.parse(task.lastUrgedAt) + (interval ?? 0);
  const now = Date.parse(work.opts.now);
  if (now >= allowed) return;
  const allowedAt = new Date(allowed).toISOString();
  const retryAfter = Math.ceil((allowed - now) / 1000);
  throw new StepError(
    'urge-too-soon',
    work.opts.locale === 'en'
      ? `This task was urged at ${task.lastUrgedAt}; urge again from ${allowedAt}`
      : `此任务已于 ${task.lastUrgedAt} 催办，${allowedAt} 后方可再次催办`,
    { allowedAt, retryAfter },
  );
}

/** `cc` (抄送): let more people read the case and tell them. */
export function carbonCopy(work: StepWork, command: Cmd<'cc'>): void {
  // A CC on a task answers to that task's exclusions; one on the case to those of every open task.
  const task = command.taskId ? findTask(work, command.taskId) : undefined;
  const states = task ? [task.stateId] : work.snap.tasks.map((t) => t.stateId);
  requireSeparation(work, states);
  if (task) {
    requireWorker(work, task);
    requireOperation(work, task, 'cc');
  } else if (!isParticipant(work, work.opts.actor.username)) {
    throw new StepError('not-permitted', 'Only participants may copy others in');
  }
  if (command.users.length === 0) throw new StepError('invalid-command', 'No users to copy');
  requireActiveUsers(work, command.users, COPIED);
  requireSeparation(work, states, reachedUsers(command.users));
  requireReach(work, task, 'cc', command.users);
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
