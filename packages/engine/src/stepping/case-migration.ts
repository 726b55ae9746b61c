import type { UserTaskDef } from '../definition/definition-types';
import { tallyVotes } from '../voting';
import type { CaseSnapshot } from './case-snapshot';
import type { Command } from './commands';
import { sendEvent } from './machine-driver';
import { openStateWork } from './state-work';
import { record, type StepWork } from './step-context';
import { StepError } from './step-error';
import { openTask, outcomeEvent } from './task-factory';

type Migrate = Extract<Command, { type: 'migrate' }>;

/**
 * Moves a running case from version `from` to the version being stepped (`to`): each active leaf
 * state goes where the mapping says (or to itself), the old open tasks and timers close, and the
 * target states' work opens under the new version's rules — tasks re-created and assigned now,
 * timers recomputed from now, votes carried (ballots kept, only the signers still to vote get a
 * task) or restarted as the mapping declares. A state with no target in the new version is refused
 * (`invalid-command`, details `{ state }`), so no case is ever stranded.
 */
export function migrateCase(work: StepWork, command: Migrate): void {
  const { snap, compiled } = work;
  if (snap.definitionKey !== compiled.definition.key)
    throw new StepError(
      'invalid-command',
      `The case is of '${snap.definitionKey}', not '${compiled.definition.key}'`,
    );
  if (snap.definitionVersion !== command.from)
    throw new StepError('stale', `The case is on version ${snap.definitionVersion}, not ${command.from}`);
  if (compiled.version !== command.to)
    throw new StepError('invalid-command', `Stepped against version ${compiled.version}, not ${command.to}`);
  const moves = leafIds(snap.machine.value).map((source) => {
    const target = command.mapping.states[source] ?? source;
    const leaves = leavesOf(work, command, source, target);
    return { source, target, ...(leaves.join() !== target ? { leaves } : {}) };
  });
  const oldVotes = snap.votes;
  const renamed = (id: string) => command.mapping.states[id] ?? id;
  snap.tasks = [];
  snap.timers = [];
  snap.votes = {};
  snap.definitionVersion = command.to;
  snap.performers = Object.fromEntries(
    Object.entries(snap.performers).map(([id, users]) => [renamed(id), users]),
  );
  for (const child of snap.children) if (child.stateId) child.stateId = renamed(child.stateId);
  const value = machineValue(moves.flatMap((m) => m.leaves ?? [m.target]));
  const resolved = compiled.machine.resolveState({ value: value as never, context: {} as never });
  snap.machine = { value: resolved.value, historyValue: {} };
  record(work, { migrated: { mapping: command.mapping.id, from: command.from, to: command.to, moves } });
  const opened = new Set<string>();
  for (const { source, target, leaves } of moves) {
    for (const id of (leaves ?? [target]).flatMap((leaf) => [...ancestors(leaf)].reverse())) {
      if (opened.has(id)) continue;
      opened.add(id);
      const def = compiled.index.get(id)!.def;
      if (!(def.task || def.after || def.invoke)) continue;
      const keepChild = snap.children.some((c) => c.stateId === id && c.status === 'running');
      const carried = id === target && def.task?.voting && command.mapping.votes?.[source] === 'carry';
      const vote = carried ? oldVotes[source] : undefined;
      openStateWork(work, id, { keepChild, tasks: !vote });
      if (vote && def.task) carryVote(work, id, vote, def.task);
    }
  }
  while (work.queue.length > 0 && snap.status === 'running') sendEvent(work, work.queue.shift()!);
}

/** The vote goes on under the new state's rule: the ballots cast stay, the signers still to vote get a task. */
function carryVote(
  work: StepWork,
  stateId: string,
  vote: CaseSnapshot['votes'][string],
  def: UserTaskDef,
): void {
  const voting = def.voting!;
  const rule = { mode: voting.mode, ratio: voting.ratio, rejectPolicy: voting.rejectPolicy };
  work.snap.votes[stateId] = { rule, state: vote.state };
  record(work, { voteCarried: stateId, ballots: Object.keys(vote.state.ballots).length });
  const result = tallyVotes(rule, vote.state);
  if (result.decided) {
    const outcome = result.result === 'approved' ? voting.approveOutcome : voting.rejectOutcome;
    work.queue.push({ type: outcomeEvent(def, outcome), origin: stateId, outcome });
    return;
  }
  for (const signer of result.awaiting) openTask(work, stateId, def, { users: [signer], roles: [] }, signer);
}

/**
 * The leaves a case resting in `source` enters at `target` (its mapped state, or itself): the
 * state itself, a compound's initial child (down to a leaf), every region of a parallel state.
 */
function leavesOf(work: StepWork, command: Migrate, source: string, target: string): string[] {
  const info = work.compiled.index.get(target);
  if (!info)
    throw new StepError('invalid-command', `State '${source}' has no target in version ${command.to}`, {
      state: source,
    });
  if (info.kind === 'atomic') return [target];
  if (info.kind === 'compound')
    return leavesOf(
      work,
      command,
      source,
      `${target}.${info.def.initial ?? Object.keys(info.def.states!)[0]}`,
    );
  if (info.kind === 'parallel')
    return info.children.flatMap((child) => leavesOf(work, command, source, child));
  throw new StepError('invalid-command', `State '${source}' maps to '${target}', where a case cannot rest`, {
    state: source,
  });
}

/** The active leaf state ids (dotted paths) of a machine value. */
export function leafIds(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
  const entries = Object.entries((value ?? {}) as Record<string, unknown>);
  if (entries.length === 0) return prefix ? [prefix] : [];
  return entries.flatMap(([key, child]) => leafIds(child, prefix ? `${prefix}.${key}` : key));
}

/** The machine value with these leaves active (`a.b` → `{ a: 'b' }`). */
function machineValue(leaves: string[]): unknown {
  type Tree = Map<string, Tree>;
  const root: Tree = new Map();
  for (const leaf of leaves) {
    let node = root;
    for (const key of leaf.split('.')) {
      if (!node.has(key)) node.set(key, new Map());
      node = node.get(key)!;
    }
  }
  const toValue = (tree: Tree): unknown => {
    const keys = [...tree.keys()];
    if (keys.length === 1 && tree.get(keys[0]!)!.size === 0) return keys[0];
    return Object.fromEntries(keys.map((k) => [k, toValue(tree.get(k)!)]));
  };
  return toValue(root);
}

/** A state and its ancestors, the state first. */
function ancestors(id: string): string[] {
  const parts = id.split('.');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
}
