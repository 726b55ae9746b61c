import { addSigners, removeSigners, tallyVotes, VotingError } from '../voting';
import type { Command } from './commands';
import { taskDef } from './compiled-definition';
import { fire } from './complete-task';
import { reachedUsers, requireSeparation } from './separation-of-duties';
import { record, type StepWork } from './step-context';
import { StepError } from './step-error';
import { keepVoteRecord } from './vote-record';
import {
  findTask,
  type PeopleField,
  requireActiveUsers,
  requireOperation,
  requireWorker,
} from './task-access';
import { openTask, outcomeEvent } from './task-factory';
import { requireReach } from './operation-reach';

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>;

const SIGNERS: PeopleField = { field: 'users', label: { 'zh-CN': '加签人', en: 'Signers to add' } };

/** `addSigner` (加签): more people join a running vote; the rule keeps its meaning over the new total. */
export function addSigner(work: StepWork, command: Cmd<'addSigner'>): void {
  const { task, def, entry } = voteOf(work, command.taskId);
  requireOperation(work, task, 'addSigner');
  requireActiveUsers(work, command.users, SIGNERS);
  requireSeparation(work, [task.stateId], reachedUsers(command.users));
  requireReach(work, task, 'addSigner', command.users);
  const position = command.position ?? 'end';
  entry.state = guard(() => addSigners(entry.rule, entry.state, command.users, position, task.signer));
  const by = work.opts.actor.username;
  entry.addedBy = { ...entry.addedBy, ...Object.fromEntries(command.users.map((u) => [u, by])) };
  record(work, { signersAdded: command.users, stateId: task.stateId, position });
  const before = new Set(work.snap.tasks.map((t) => t.id));
  syncVoteTasks(work, task.stateId, def);
  for (const t of work.snap.tasks) {
    if (!before.has(t.id))
      t.origin = { kind: 'addedSigner', by: work.opts.actor.username, at: work.opts.now };
  }
}

/** `removeSigner` (减签): people who have not voted leave the vote; it may be decided at once. */
export function removeSigner(work: StepWork, command: Cmd<'removeSigner'>): void {
  const admin = isAdministrator(work);
  const { task, def, entry } = voteOf(work, command.taskId, admin);
  requireOperation(work, task, 'removeSigner');
  requireSignerOwner(work, entry.addedBy ?? {}, command.users, admin);
  entry.state = guard(() => removeSigners(entry.rule, entry.state, command.users));
  if (entry.addedBy)
    entry.addedBy = Object.fromEntries(
      Object.entries(entry.addedBy).filter(([u]) => !command.users.includes(u)),
    );
  record(work, { signersRemoved: command.users, stateId: task.stateId });
  syncVoteTasks(work, task.stateId, def);
}

/** True when the actor is the system or an active administrator. */
function isAdministrator(work: StepWork): boolean {
  const { actor, directory } = work.opts;
  return actor.system === true || directory.administrators().includes(actor.username);
}

/**
 * 减签 belongs to the task's owner: each signer removed must have been added (加签) by the actor;
 * an administrator may remove anyone. A peer signer is never removed by another signer.
 */
function requireSignerOwner(
  work: StepWork,
  addedBy: Record<string, string>,
  users: readonly string[],
  admin: boolean,
): void {
  if (admin || work.opts.replay) return;
  const others = users.filter((u) => addedBy[u] !== work.opts.actor.username);
  if (others.length === 0) return;
  const list = others.join(work.opts.locale === 'en' ? ', ' : '、');
  throw new StepError(
    'not-permitted',
    work.opts.locale === 'en'
      ? `Only whoever added them, or an administrator, may remove ${list} from the vote`
      : `只有加签人本人或管理员可以减签 ${list}`,
    { users: others },
  );
}

function voteOf(work: StepWork, taskId: string, admin = false) {
  const task = findTask(work, taskId);
  requireSeparation(work, [task.stateId]);
  if (!admin) requireWorker(work, task);
  const def = taskDef(work.compiled, task.stateId);
  const entry = work.snap.votes[task.stateId];
  if (!def.voting || !entry) throw new StepError('not-enabled', 'This task is not a vote');
  return { task, def, entry };
}

/** Makes the open tasks match who the vote awaits now; fires the result if the change decided it. */
function syncVoteTasks(work: StepWork, stateId: string, def: ReturnType<typeof taskDef>): void {
  const entry = work.snap.votes[stateId]!;
  const result = tallyVotes(entry.rule, entry.state);
  const awaiting = new Set(result.decided ? [] : result.awaiting);
  work.snap.tasks = work.snap.tasks.filter(
    (t) => t.stateId !== stateId || !t.signer || awaiting.has(t.signer),
  );
  const open = new Set(work.snap.tasks.filter((t) => t.stateId === stateId).map((t) => t.signer));
  for (const signer of awaiting) {
    if (!open.has(signer)) openTask(work, stateId, def, { users: [signer], roles: [] }, signer);
  }
  if (result.decided) {
    const voting = def.voting!;
    const outcome = result.result === 'approved' ? voting.approveOutcome : voting.rejectOutcome;
    const votes = keepVoteRecord(work, stateId, result);
    fire(work, stateId, outcomeEvent(def, outcome), outcome, votes);
  }
}

function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof VotingError) throw new StepError('invalid-command', error.message);
    throw error;
  }
}
