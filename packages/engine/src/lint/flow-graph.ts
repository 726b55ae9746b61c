import type { ActionRef, GuardRef, StateDef } from '../definition/definition-types';
import { internalEvent } from '../machine/machine-builder';
import { ancestorsOf, resolveTarget, type StateIndex, transitionList } from '../machine/state-index';

/** A transition as the checks see it: where from, which event, where to, guarded or not. */
export interface FlowEdge {
  from: string;
  event: string;
  target?: string;
  rawTarget?: string;
  guarded: boolean;
  kind: 'on' | 'always' | 'after' | 'onDone' | 'childDone' | 'return';
  pointer: string;
}

/** Every declared transition of the machine with its target resolved. */
export function collectEdges(index: StateIndex, pointerOf: (id: string) => string): FlowEdge[] {
  const edges: FlowEdge[] = [];
  for (const [id, info] of index) {
    const def: StateDef = info.def;
    const base = pointerOf(id);
    const add = (
      kind: FlowEdge['kind'],
      event: string,
      spec: Parameters<typeof transitionList>[0],
      pointer: string,
    ) => {
      const list = transitionList(spec);
      list.forEach((t, i) => {
        const p = Array.isArray(spec) ? `${pointer}/${i}` : pointer;
        edges.push({
          from: id,
          event,
          rawTarget: t.target,
          target: t.target === undefined ? undefined : resolveTarget(index, id, t.target),
          guarded: Boolean(t.guard),
          kind,
          pointer: p,
        });
      });
    };
    for (const [event, spec] of Object.entries(def.on ?? {})) add('on', event, spec, `${base}/on/${event}`);
    if (def.always) add('always', '(always)', def.always, `${base}/always`);
    for (const [key, spec] of Object.entries(def.after ?? {}))
      add('after', internalEvent.after(id, key), spec, `${base}/after/${key}`);
    if (def.onDone) add('onDone', '(done)', def.onDone, `${base}/onDone`);
    if (def.invoke?.onDone)
      add('childDone', internalEvent.childDone(id), def.invoke.onDone, `${base}/invoke/onDone`);
    for (const target of def.task?.returnTargets ?? []) {
      edges.push({
        from: id,
        event: 'return',
        rawTarget: `#${target}`,
        target: index.has(target) ? target : undefined,
        guarded: false,
        kind: 'return',
        pointer: `${base}/task/returnTargets`,
      });
    }
  }
  return edges;
}

/** States entered when `id` is entered: itself, its ancestors' entry is implied, plus initial descendants. */
export function entrySet(index: StateIndex, id: string): string[] {
  const info = index.get(id);
  if (!info) return [];
  if (info.kind === 'history') return info.parent ? entrySet(index, info.parent) : [];
  const out = [id];
  if (info.kind === 'parallel') for (const child of info.children) out.push(...entrySet(index, child));
  if (info.kind === 'compound') {
    const initial = info.def.initial ? `${id}.${info.def.initial}` : info.children[0];
    if (initial) out.push(...entrySet(index, initial));
  }
  return out;
}

/**
 * Successor relation used for reachability: from an active state to states entered next.
 * Transitions on ancestors apply to descendants; a final child leads through its parent's `onDone`.
 * `includeReturns` adds 退回 edges (they never make a state "earlier").
 */
export function successors(
  index: StateIndex,
  edges: FlowEdge[],
  includeReturns: boolean,
): Map<string, Set<string>> {
  const byFrom = new Map<string, FlowEdge[]>();
  for (const e of edges) {
    if (e.kind === 'return' && !includeReturns) continue;
    const list = byFrom.get(e.from) ?? [];
    list.push(e);
    byFrom.set(e.from, list);
  }
  const next = new Map<string, Set<string>>();
  for (const [id, info] of index) {
    const out = new Set<string>();
    for (const anc of ancestorsOf(index, id)) {
      for (const e of byFrom.get(anc) ?? []) {
        if (e.kind === 'onDone') continue;
        if (e.target) for (const s of entrySet(index, e.target)) out.add(s);
      }
    }
    if (info.kind === 'final') {
      for (const done of completionTargets(index, byFrom, id))
        for (const s of entrySet(index, done)) out.add(s);
    }
    next.set(id, out);
  }
  return next;
}

/** When a final state is reached: the `onDone` targets of the enclosing compound (through parallel parents). */
function completionTargets(index: StateIndex, byFrom: Map<string, FlowEdge[]>, finalId: string): string[] {
  const targets: string[] = [];
  let parent = index.get(finalId)?.parent;
  while (parent) {
    const onDone = (byFrom.get(parent) ?? []).filter((e) => e.kind === 'onDone');
    for (const e of onDone) if (e.target) targets.push(e.target);
    const grand = index.get(parent)?.parent;
    if (!grand || index.get(grand)?.kind !== 'parallel') break;
    parent = grand;
  }
  return targets;
}

/** Breadth-first closure of `start` under `next`. */
export function reachable(next: Map<string, Set<string>>, start: string[]): Set<string> {
  const seen = new Set<string>(start);
  const queue = [...start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

/** The transition object a pointer from `collectEdges` names, read straight from the definition. */
export function transitionAt(
  def: unknown,
  pointer: string,
): { guard?: GuardRef; actions?: ActionRef[] } | undefined {
  let node: unknown = def;
  for (const part of pointer.split('/').slice(1))
    node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'object' && node !== null
    ? (node as { guard?: GuardRef; actions?: ActionRef[] })
    : undefined;
}
