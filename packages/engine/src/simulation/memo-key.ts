/** When two moments of a simulated case count as the same, so the walk explores each once. */

import type { CaseSnapshot } from '../stepping/case-snapshot';
import { compileBundle } from '../stepping/compiled-definition';
import type { SimContext } from './sim-context';

/**
 * What makes two moments of a case equivalent for exploring what can happen next: the same states,
 * open steps, votes, timers and awaited children, the same choices (flags, options, people) in the
 * fields guards read, and every guard answering the same on the case data (so lists or amounts that
 * differ without changing any decision count once).
 */
export function memoKey(ctx: SimContext, snap: CaseSnapshot): string {
  const cel = compileBundle(ctx.bundle).cel;
  const vars = { data: snap.data, now: snap.startedAt, actor: { username: '', roles: [], units: [] } };
  const answers = ctx.facts.guards.map((expr) => {
    try {
      return cel.compile(expr).evaluate(vars) === true ? 1 : 0;
    } catch {
      return 2;
    }
  });
  return JSON.stringify([
    snap.status,
    snap.machine.value,
    snap.tasks.map((t) => [t.stateId, t.signer ?? '']).sort(),
    Object.entries(snap.votes).map(([s, v]) => [s, v.state.ballots]),
    snap.timers.map((t) => [t.kind, t.stateId, t.round ?? 0]).sort(),
    snap.children.filter((c) => c.status === 'running' && c.stateId).map((c) => c.stateId),
    answers.join(''),
    choicesOf(ctx, snap),
  ]);
}

/** The flag and short text values of guarded fields: the choices later guards may combine. */
function choicesOf(ctx: SimContext, snap: CaseSnapshot): unknown[] {
  return [...ctx.facts.guardFields].sort().map((field) => {
    const value = snap.data[field];
    return typeof value === 'boolean' || (typeof value === 'string' && value.length <= 32) ? value : null;
  });
}
