/**
 * Where a lint problem points: the JSON pointer into the definition names a state, a transition,
 * a form field or the process itself; the designer selects that element.
 */
import { type LintProblem, parsePointer } from '@flowform/engine/browser';
import { type TransitionKind, transitionId } from '../model/transitions';

export type ProblemTarget =
  | { kind: 'process' }
  | { kind: 'state'; id: string }
  | { kind: 'transition'; id: string; state: string };

export function problemTarget(problem: Pick<LintProblem, 'path'>): ProblemTarget {
  const parts = parsePointer(problem.path);
  if (parts[0] !== 'machine' || parts[1] !== 'states' || !parts[2]) return { kind: 'process' };
  const keys = [parts[2]];
  let i = 3;
  while (parts[i] === 'states' && parts[i + 1]) {
    keys.push(parts[i + 1]!);
    i += 2;
  }
  const state = keys.join('.');
  const slot = parts[i];
  const transition = (
    kind: TransitionKind,
    key: string | undefined,
    index: string | undefined,
  ): ProblemTarget => ({
    kind: 'transition',
    state,
    id: transitionId({ source: state, kind, ...(key ? { key } : {}), index: Number(index ?? 0) || 0 }),
  });
  if ((slot === 'on' || slot === 'after') && parts[i + 1])
    return transition(slot, parts[i + 1], parts[i + 2]);
  if (slot === 'always' || slot === 'onDone') return transition(slot, undefined, parts[i + 1]);
  if (slot === 'invoke' && parts[i + 1] === 'onDone') return transition('invoke', undefined, parts[i + 2]);
  return { kind: 'state', id: state };
}

/** Problems per state id (a transition's problem counts on the state it leaves). */
export function problemsByState(problems: LintProblem[]): Map<string, LintProblem[]> {
  const out = new Map<string, LintProblem[]>();
  for (const p of problems) {
    const t = problemTarget(p);
    if (t.kind === 'process') continue;
    const id = t.kind === 'state' ? t.id : t.state;
    out.set(id, [...(out.get(id) ?? []), p]);
  }
  return out;
}
