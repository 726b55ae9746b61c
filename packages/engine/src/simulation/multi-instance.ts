/**
 * The simulator's bound for multi-instance tasks: a step with one task per rater per element (68
 * score sheets for four cadres) would make every order of completions a distinct moment, and the walk
 * would never end. A completion of one instance therefore stands for all of them: the open siblings
 * of the same state are completed right after it, each by its holder, with the same outcome and the
 * plain form sample, in the same simulated step. Which paths leave the state depends only on the
 * last completion's outcome, so the abstraction keeps every path while the walk stays small.
 */
import type { CaseSnapshot } from '../stepping/case-snapshot';
import type { Command } from '../stepping/commands';
import { SYSTEM_ACTOR } from '../stepping/system-actor';
import { formSamples } from './form-samples';
import { type Applied, apply, holders, type SimContext, taskDefOf } from './sim-context';

/** The most sibling completions one simulated step may add (a runaway guard). */
const MAX_SIBLINGS = 500;

const COMMENT = '模拟意见 (simulated comment)';

function siblingCommand(ctx: SimContext, snap: CaseSnapshot, taskId: string, state: string, outcome: string) {
  const def = taskDefOf(ctx, state);
  const out = def.outcomes.find((o) => o.key === outcome);
  const form = def.form ? ctx.bundle.forms[def.form] : undefined;
  const locked = new Set(
    Object.entries(def.fieldPermissions ?? {})
      .filter(([, p]) => p !== 'editable')
      .map(([k]) => k),
  );
  const data =
    form && !out?.skipValidation
      ? formSamples(form, snap.data, ctx.facts, ctx.catalogue, locked)[0]?.data
      : undefined;
  const command: Command = { type: 'complete', taskId, outcome, data };
  if (out?.requiresComment) command.comment = COMMENT;
  return command;
}

/**
 * After one instance of a multi-instance task was completed (`first`), completes its open siblings
 * in `state` with `outcome`; answers the combined step (last snapshot, every effect and transition).
 * A sibling the engine refuses ends the batch there: the walk goes on from what was done.
 */
export function completeSiblings(
  ctx: SimContext,
  first: Applied,
  state: string,
  outcome: string,
  at: number,
): Applied {
  if (!taskDefOf(ctx, state).multiInstance) return first;
  let current = first;
  for (let n = 0; n < MAX_SIBLINGS; n++) {
    const snap = current.snapshot;
    const task = snap.tasks.find((t) => t.stateId === state);
    if (!task || snap.status !== 'running') break;
    const user = task.signer ?? holders(ctx, task)[0];
    if (!user) break;
    const command = siblingCommand(ctx, snap, task.id, state, outcome);
    const next = apply(ctx, snap, command, { username: user }, at);
    if (!next) break;
    current = {
      snapshot: next.snapshot,
      effects: [...current.effects, ...next.effects],
      traced: [...current.traced, ...next.traced],
    };
  }
  return current;
}

/**
 * After one timer of a multi-instance step fired (a reminder or an escalation of one score sheet),
 * fires the same kind of timer of its sibling instances due at the same moment, in the same step:
 * the instances share their deadline, so their reminders come together.
 */
export function fireSiblingTimers(
  ctx: SimContext,
  first: Applied,
  fired: { kind: string; stateId: string; dueAt: string },
  at: number,
): Applied {
  if (!ctx.index.get(fired.stateId)?.def.task?.multiInstance) return first;
  let current = first;
  for (let n = 0; n < MAX_SIBLINGS; n++) {
    const snap = current.snapshot;
    const timer = snap.timers.find(
      (t) => t.kind === fired.kind && t.stateId === fired.stateId && t.dueAt === fired.dueAt,
    );
    if (!timer || snap.status !== 'running') break;
    const next = apply(ctx, snap, { type: 'timerFired', timerId: timer.id }, SYSTEM_ACTOR, at);
    if (!next) break;
    current = {
      snapshot: next.snapshot,
      effects: [...current.effects, ...next.effects],
      traced: [...current.traced, ...next.traced],
    };
  }
  return current;
}
