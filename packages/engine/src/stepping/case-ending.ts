import type { CaseOutcome } from '../definition/definition-types';
import type { CaseSnapshot, ChildEnd } from './case-snapshot';
import type { CompiledDefinition } from './compiled-definition';
import { record, type StepWork } from './step-context';

/**
 * The machine reached a final state (or the case was cancelled): close everything, tell the parent.
 * Children a state waits for are cancelled; children started by a `startChild` action live on when
 * the case completes (an evaluation's admonition talks outlast it) and are cancelled only with it.
 */
export function finishCase(work: StepWork, status: 'completed' | 'cancelled'): void {
  const snap = work.snap;
  snap.status = status;
  snap.outcome = status === 'cancelled' ? 'cancelled' : finalOutcome(work.compiled, snap);
  snap.endedAt = work.opts.now;
  snap.tasks = [];
  snap.timers = [];
  snap.votes = {};
  for (const child of snap.children) {
    if (child.status !== 'running' || (status === 'completed' && !child.stateId)) continue;
    child.status = 'cancelled';
    work.effects.push({ type: 'cancelChild', childId: child.id });
  }
  if (snap.parent) {
    work.effects.push({
      type: 'childFinished',
      parentInstanceId: snap.parent.instanceId,
      childId: snap.parent.childId,
      status,
      data: snap.data,
      outcome: snap.outcome,
      ...endState(work.compiled, snap),
    });
  }
  // The initiator hears how their case ended, unless they ended it themselves.
  if (snap.initiator !== work.opts.actor.username && !work.opts.actor.system) {
    work.effects.push({
      type: 'notify',
      users: [snap.initiator],
      kind: 'case-ended',
      outcome: snap.outcome,
      dedupKey: `${snap.instanceId}:ended`,
    });
  }
  record(work, { caseFinished: status, outcome: snap.outcome });
}

/**
 * How a case ended, null while it runs. Cases that ended before outcomes were recorded take the
 * outcome their final state declares, like the migration that backfilled the column.
 */
export function caseOutcome(compiled: CompiledDefinition, snap: CaseSnapshot): CaseOutcome | null {
  if (snap.status === 'running') return null;
  if (snap.outcome) return snap.outcome;
  return snap.status === 'cancelled' ? 'cancelled' : finalOutcome(compiled, snap);
}

/** The top-level final state a completed case stopped in, with its name (how a child ended, for its parent). */
function endState(
  compiled: CompiledDefinition,
  snap: CaseSnapshot,
): Pick<ChildEnd, 'endState' | 'endStateName'> {
  if (snap.status !== 'completed') return {};
  const value = snap.machine.value;
  const top = typeof value === 'string' ? value : undefined;
  if (!top) return {};
  const name = compiled.index.get(top)?.def.name;
  return name ? { endState: top, endStateName: name } : { endState: top };
}

/** The outcome the top-level final state the machine stopped in declares; `completed` without one. */
function finalOutcome(compiled: CompiledDefinition, snap: CaseSnapshot): CaseOutcome {
  const value = snap.machine.value;
  const top = typeof value === 'string' ? value : Object.keys((value ?? {}) as object)[0];
  return (top && compiled.index.get(top)?.def.outcome) || 'completed';
}
