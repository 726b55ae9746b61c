/**
 * The path a case took through its definition, for the case graph: which states it passed, where
 * it is now, which transitions it walked, and where it was rejected. Worked out from the step
 * records (each completed step, in order, with the decision taken) and the states the case is in
 * now: between two recorded steps the walk goes through states without a task (decisions, timers,
 * groups), preferring the transition named by the decision taken.
 */
import type { StateIndex } from '@flowform/engine/browser';
import type { DesignDoc } from '../designer/model/design-doc';
import { allTransitions, stateIndex } from '../designer/model/state-graph';
import { transitionId } from '../designer/model/transitions';

export interface CasePath {
  visited: Set<string>;
  current: Set<string>;
  transitions: Set<string>;
  rejected: Set<string>;
  /** The final state the case ended in, if it ended in one. */
  ended?: string;
}

/** A step as the path reads it: its state and the decision taken there. */
export interface PathStep {
  stateId: string;
  outcome: string | null;
}

interface Edge {
  id: string;
  source: string;
  to: string;
  event?: string;
}

const START = '__start';
const MAX_HOPS = 12;

export function casePath(
  doc: DesignDoc,
  steps: PathStep[],
  active: string[],
  ended: { status: string; outcome: string | null },
): CasePath {
  const index = stateIndex(doc);
  const edges: Edge[] = allTransitions(doc).flatMap((t) =>
    t.to ? [{ id: transitionId(t), source: t.source, to: t.to, ...(t.key ? { event: t.key } : {}) }] : [],
  );
  const path: CasePath = {
    visited: new Set(),
    current: new Set(),
    transitions: new Set(),
    rejected: new Set(),
  };
  const running = ended.status === 'running';
  const leaves = active.filter((id) => index.has(id));
  const finalReached = running ? undefined : leaves.find((id) => index.get(id)?.kind === 'final');
  const targets: PathStep[] = [
    ...steps.filter((s) => index.has(s.stateId)),
    ...leaves.filter((id) => running || id === finalReached).map((stateId) => ({ stateId, outcome: null })),
  ];
  const initial = doc.definition.machine.initial;
  let from: { at: string; outcome: string | null }[] = [{ at: START, outcome: null }];
  for (const step of targets) {
    const found = from
      .toReversed()
      .map((f) => walk(index, edges, initial, f.at, f.outcome, step.stateId))
      .find((w) => w !== undefined);
    for (const id of found?.edges ?? []) path.transitions.add(id);
    for (const state of [...(found?.states ?? []), step.stateId]) markVisited(path, index, state);
    from = [...from.filter((f) => f.at !== step.stateId), { at: step.stateId, outcome: step.outcome }];
  }
  if (running) for (const id of leaves) path.current.add(id);
  if (finalReached) path.ended = finalReached;
  if (ended.outcome === 'rejected') {
    const last = steps.findLast((s) => index.has(s.stateId));
    if (last) path.rejected.add(last.stateId);
    if (finalReached) path.rejected.add(finalReached);
  }
  return path;
}

function markVisited(path: CasePath, index: StateIndex, id: string) {
  for (let at: string | undefined = id; at; at = index.get(at)?.parent) path.visited.add(at);
}

/** The states entered when entering `id`: it, then its initial child, down to a leaf. */
function entry(index: StateIndex, id: string): string[] {
  const out = [id];
  let info = index.get(id);
  while (info && info.children.length > 0 && info.kind !== 'parallel') {
    const next: string = `${info.id}.${info.def.initial ?? info.children[0]!.slice(info.id.length + 1)}`;
    out.push(next);
    info = index.get(next);
  }
  return out;
}

const ancestry = (index: StateIndex, id: string) => {
  const out: string[] = [];
  for (let at: string | undefined = id; at; at = index.get(at)?.parent) out.push(at);
  return out;
};

/**
 * The shortest walk from `from` to `to` through states without a task (breadth first), the first
 * hop preferring the transition of the decision taken; answers the states passed and edges walked.
 */
function walk(
  index: StateIndex,
  edges: Edge[],
  initial: string,
  from: string,
  outcome: string | null,
  to: string,
): { states: string[]; edges: string[] } | undefined {
  interface Node {
    at: string;
    states: string[];
    edges: string[];
  }
  const out = (at: string): { edge?: string; to: string }[] => {
    if (at === START) return [{ edge: '__start-edge', to: initial }];
    const sources = new Set(ancestry(index, at));
    const leaving = edges.filter((e) => sources.has(e.source));
    const preferred = at === from && outcome ? leaving.filter((e) => e.event === outcome) : [];
    const ordered = preferred.length ? preferred : leaving;
    const inside = index.get(at)?.kind === 'parallel' ? index.get(at)!.children.map((c) => ({ to: c })) : [];
    return [...ordered.map((e) => ({ edge: e.id, to: e.to })), ...inside];
  };
  const queue: Node[] = [{ at: from, states: [], edges: [] }];
  const seen = new Set([from]);
  while (queue.length) {
    const node = queue.shift()!;
    if (node.edges.length >= MAX_HOPS) continue;
    for (const hop of out(node.at)) {
      const entered = entry(index, hop.to);
      const leaf = entered.at(-1)!;
      const states = [...node.states, ...entered];
      const walked = hop.edge ? [...node.edges, hop.edge] : node.edges;
      if (entered.includes(to)) return { states, edges: walked };
      if (seen.has(leaf) || index.get(leaf)?.def.task) continue;
      seen.add(leaf);
      queue.push({ at: leaf, states, edges: walked });
    }
  }
  return undefined;
}
