import { addSigners, removeSigners, tallyVotes, VotingError } from '../voting';
import type { Command } from './commands';
import { taskDef } from './compiled-definition';
import { fire } from './complete-task';
import { reachedUsers, requireSeparation } from './separation-of-duties';
import { record, type StepWork } from './step-context';
import { StepError } from './step-error';
import {
  findTask,
  type PeopleField,
  requireActiveUsers,
  requireOperation,
  requireWorker,
} from './task-access';
import { openTask, outcomeEvent } from './task-factory';

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>;

const SIGNERS: PeopleField = { field: 'users', label: { 'zh-CN': '加签人', en: 'Signers to add' } };

/** `addSigner` (加签): more people join a running vote; the rule keeps its meaning over the new total. */
export function addSigner(work: StepWork, command: Cmd<'addSigner'>): void {
  const { task, def, entry } = voteOf(work, command.taskId);
  requireOperation(work, task, 'addSigner');
  requireActiveUsers(work, command.users, SIGNERS);
  requireSeparation(work, [task.stateId], reachedUsers(command.users));
  const position = command.position ?? 'end';
  entry.state = guard(() => addSigners(entry.rule, entry.state, command.users, position, task.signer));
  record(work, { signersAdded: command.users, stateId: task.stateId, position });
  syncVoteTasks(work, task.stateId, def);
}

/** `removeSigner` (减签): people who have not voted leave the vote; it may be decided at once. */
export function removeSigner(work: StepWork, command: Cmd<'removeSigner'>): void {
  const { task, def, entry } = voteOf(work, command.taskId);
  requireOperation(work, task, 'removeSigner');
  entry.state = guard(() => removeSigners(entry.rule, entry.state, command.users));
  record(work, { signersRemoved: command.users, stateId: task.stateId });
  syncVoteTasks(work, task.stateId, def);
}

function voteOf(work: StepWork, taskId: string) {
  const task = findTask(work, taskId);
  requireSeparation(work, [task.stateId]);
  requireWorker(work, task);
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
    const votes = { approve: result.approvals, reject: result.rejections, pending: 0, total: result.total };
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
