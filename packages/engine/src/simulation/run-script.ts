/** Runs one explicit path (a script) through the simulator, with the same report and coverage. */
import type { DirectorySeed } from '../assignment';
import type { DefinitionBundle } from '../definition/definition-types';
import { parseIsoDuration } from '../expressions';
import type { CaseSnapshot, TaskRecord } from '../stepping/case-snapshot';
import type { Actor, Command } from '../stepping/commands';
import { SYSTEM_ACTOR } from '../stepping/system-actor';
import { CoverageTracker } from './coverage';
import { report } from './explore';
import {
  type Applied,
  apply,
  createContext,
  holders,
  person,
  SIMULATION_EPOCH,
  type SimContext,
  taskDefOf,
} from './sim-context';
import type {
  ScriptStep,
  SimAction,
  SimStep,
  SimulationOptions,
  SimulationReport,
  SimulationScript,
} from './simulation-types';
import { describeStep, startVariants } from './step-record';

/** Thrown when a script step cannot be carried out: which step, and why. */
export class ScriptError extends Error {
  constructor(
    readonly stepNumber: number,
    message: string,
  ) {
    super(`step ${stepNumber}: ${message}`);
    this.name = 'ScriptError';
  }
}

interface Planned {
  command: Command;
  actor: Actor;
  action: SimAction;
  returned?: { from: string; target: string };
}

function taskFor(
  ctx: SimContext,
  snap: CaseSnapshot,
  user: string,
  state: string | undefined,
  n: number,
): TaskRecord {
  const tasks = snap.tasks.filter(
    (t) => (!state || t.stateId === state) && (t.signer ? t.signer === user : holders(ctx, t).includes(user)),
  );
  if (tasks.length !== 1)
    throw new ScriptError(n, `${user} has ${tasks.length} open task(s)${state ? ` in ${state}` : ''}`);
  return tasks[0]!;
}

/** The command a user's script step stands for. */
function plan(
  ctx: SimContext,
  snap: CaseSnapshot,
  s: Exclude<ScriptStep, { advance: string }>,
  n: number,
): Planned {
  if ('childDone' in s) {
    const child = snap.children.find(
      (c) => c.status === 'running' && c.stateId && (!s.state || c.stateId === s.state),
    );
    if (!child) throw new ScriptError(n, 'no child case is awaited');
    const command: Command = { type: 'childDone', childId: child.id, status: s.childDone };
    return {
      command,
      actor: SYSTEM_ACTOR,
      action: { kind: 'childDone', state: child.stateId!, status: s.childDone },
    };
  }
  const task = taskFor(ctx, snap, s.user, s.state, n);
  const actor = { username: s.user };
  const who = person(ctx, s.user);
  if ('command' in s) {
    const command = { ...s.command, taskId: task.id } as Command;
    const returned = command.type === 'return' ? { from: task.stateId, target: command.target } : undefined;
    return { command, actor, action: { kind: 'command', command: command.type, user: who }, returned };
  }
  const def = taskDefOf(ctx, task.stateId);
  const outcome = def.outcomes.find((o) => o.key === s.outcome);
  if (!outcome) throw new ScriptError(n, `no outcome '${s.outcome}' in ${task.stateId}`);
  const command: Command = {
    type: 'complete',
    taskId: task.id,
    outcome: s.outcome,
    data: s.data,
    comment: s.comment,
  };
  const action: SimAction = {
    kind: 'complete',
    state: task.stateId,
    title: def.title,
    outcome: s.outcome,
    label: outcome.label,
    user: who,
    variant: 0,
  };
  return { command, actor, action };
}

/** Runs `script` and reports its single path. */
export function runScript(
  bundle: DefinitionBundle,
  seed: DirectorySeed,
  script: SimulationScript,
  options: SimulationOptions = {},
): SimulationReport {
  const ctx = createContext(bundle, seed, options);
  const coverage = new CoverageTracker(ctx.index, ctx.edges);
  coverage.recordStart(bundle.definition.machine.initial);
  let at = Date.parse(options.now ?? SIMULATION_EPOCH);
  const [start] = startVariants(ctx, script.start ?? {});
  const first = start && apply(ctx, undefined, start.command, start.actor, at);
  if (!start || !first) throw new ScriptError(0, 'the start was refused');
  const root = describeStep(ctx, coverage, first, start.action, at);
  let node: SimStep = root;
  let current: Applied = first;
  let steps = 1;
  const take = (p: Planned, when: number, n: number) => {
    const next = apply(ctx, current.snapshot, p.command, p.actor, when);
    if (!next) throw new ScriptError(n, `the engine refused ${p.command.type}`);
    const child = describeStep(ctx, coverage, next, p.action, when, p.returned);
    node.next.push(child);
    node = child;
    current = next;
    steps += 1;
  };
  script.steps.forEach((s, i) => {
    const n = i + 1;
    if ('advance' in s) {
      const ms = parseIsoDuration(s.advance);
      if (ms === undefined) throw new ScriptError(n, `'${s.advance}' is not a duration`);
      const until = at + ms;
      for (;;) {
        const due = [...current.snapshot.timers].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
        if (current.snapshot.status !== 'running' || !due || Date.parse(due.dueAt) > until) break;
        at = Math.max(at, Date.parse(due.dueAt));
        const action: SimAction = { kind: 'timer', timer: due.kind, state: due.stateId };
        take({ command: { type: 'timerFired', timerId: due.id }, actor: SYSTEM_ACTOR, action }, at, n);
      }
      at = until;
      return;
    }
    if (current.snapshot.status !== 'running')
      throw new ScriptError(n, `the case has already ended (${current.snapshot.status})`);
    take(plan(ctx, current.snapshot, s, n), at, n);
  });
  node.end = current.snapshot.status === 'running' ? 'stuck' : current.snapshot.status;
  return report(ctx, { coverage, paths: 1, steps, refused: 0, truncated: false }, [root]);
}
