import type { StateIndex } from '../machine/state-index';
import { entrySet, type FlowEdge, reachable, successors } from './flow-graph';
import { type ProblemList, statePointer } from './lint-types';

/** Targets that do not exist, states nobody can enter, states from which the case can never end, eventless loops. */
export function checkGraph(
  index: StateIndex,
  initial: string,
  edges: FlowEdge[],
  problems: ProblemList,
): void {
  for (const e of edges) {
    if (e.rawTarget !== undefined && e.target === undefined) {
      const code = e.kind === 'return' ? 'unknown-return-target' : 'unknown-target';
      problems.error(
        code,
        e.pointer,
        `Target '${e.rawTarget}' of '${e.event}' from '${e.from}' does not exist`,
        'Use a sibling state key, `.child`, or `#path.to.state`',
      );
    }
  }
  for (const [id, info] of index) {
    if (info.kind === 'compound' && info.def.initial && !index.has(`${id}.${info.def.initial}`)) {
      problems.error(
        'unknown-initial',
        `${statePointer(id)}/initial`,
        `Initial state '${info.def.initial}' of '${id}' does not exist`,
        'Name one of its child states',
      );
    }
    if (info.kind === 'compound' && !info.def.initial) {
      problems.error(
        'missing-initial',
        statePointer(id),
        `Compound state '${id}' has no initial state`,
        'Add `initial` naming a child state',
      );
    }
  }
  if (!index.has(initial)) return;
  const forward = successors(index, edges, true);
  const start = entrySet(index, initial);
  const live = reachable(forward, start);
  for (const [id, info] of index) {
    if (info.kind === 'history' || live.has(id)) continue;
    problems.error(
      'unreachable-state',
      statePointer(id),
      `State '${id}' can never be entered`,
      'Add a transition into it or delete it',
    );
  }
  const topFinals = [...index.values()].filter((s) => s.kind === 'final' && !s.parent).map((s) => s.id);
  if (topFinals.length === 0) {
    problems.error(
      'no-final-state',
      '/machine/states',
      'The process has no top-level final state, so no case can ever end',
      'Add a state with "type": "final"',
    );
  }
  const reverse = new Map<string, Set<string>>();
  for (const [from, tos] of forward)
    for (const to of tos) reverse.set(to, (reverse.get(to) ?? new Set()).add(from));
  const canFinish = reachable(reverse, topFinals);
  for (const id of live) {
    const info = index.get(id)!;
    if (info.kind !== 'atomic' || canFinish.has(id)) continue;
    problems.error(
      'stuck-state',
      statePointer(id),
      `A case in '${id}' can never reach a final state`,
      'Add a transition from it (or an ancestor) that leads towards an end',
    );
  }
  checkEventlessCycles(index, edges, problems);
}

function checkEventlessCycles(index: StateIndex, edges: FlowEdge[], problems: ProblemList): void {
  const always = edges.filter((e) => e.kind === 'always' && e.target);
  const graph = new Map<string, FlowEdge[]>();
  for (const e of always) {
    for (const entered of entrySet(index, e.target!)) {
      const list = graph.get(e.from) ?? [];
      list.push({ ...e, target: entered });
      graph.set(e.from, list);
    }
  }
  const reported = new Set<string>();
  for (const startId of graph.keys()) {
    const stack: { id: string; path: FlowEdge[] }[] = [{ id: startId, path: [] }];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const { id, path } = stack.pop()!;
      for (const e of graph.get(id) ?? []) {
        const nextPath = [...path, e];
        if (e.target === startId) {
          const key = [...new Set(nextPath.map((p) => p.from))].sort().join('|');
          if (reported.has(key)) continue;
          reported.add(key);
          const guarded = nextPath.some((p) => p.guarded);
          const message = `Eventless transitions loop: ${nextPath.map((p) => p.from).join(' → ')} → ${startId}`;
          if (guarded)
            problems.warn(
              'eventless-cycle',
              e.pointer,
              message,
              'Make sure the guards cannot all hold at once, or break the loop',
            );
          else
            problems.error(
              'eventless-cycle',
              e.pointer,
              message,
              'Add a guard or an event to one of these `always` transitions',
            );
        } else if (e.target && !seen.has(e.target)) {
          seen.add(e.target);
          stack.push({ id: e.target, path: nextPath });
        }
      }
    }
  }
}
