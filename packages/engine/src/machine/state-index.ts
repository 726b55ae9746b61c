import type { MachineDef, StateDef, TransitionDef, TransitionSpec } from '../definition/definition-types';

/** One state of a definition, addressed by its dotted path (`opinions.committee`). */
export interface StateInfo {
  id: string;
  key: string;
  def: StateDef;
  parent?: string;
  children: string[];
  kind: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
}

/** Flat index of a machine's states in document order; the basis for building and linting. */
export type StateIndex = Map<string, StateInfo>;

/** Walks the nested state tree once and records every state by path. */
export function indexStates(machine: MachineDef): StateIndex {
  const index: StateIndex = new Map();
  const visit = (states: Record<string, StateDef>, parent: string | undefined) => {
    for (const [key, def] of Object.entries(states)) {
      const id = parent ? `${parent}.${key}` : key;
      const children = def.states ? Object.keys(def.states).map((k) => `${id}.${k}`) : [];
      index.set(id, { id, key, def, parent, children, kind: stateKind(def) });
      if (def.states) visit(def.states, id);
    }
  };
  visit(machine.states, undefined);
  return index;
}

function stateKind(def: StateDef): StateInfo['kind'] {
  if (def.type === 'final' || def.type === 'history' || def.type === 'parallel') return def.type;
  return def.states && Object.keys(def.states).length > 0 ? 'compound' : 'atomic';
}

/** Resolves a transition target as XState would: `#a.b` absolute, `.child`, or a sibling path. */
export function resolveTarget(index: StateIndex, sourceId: string, target: string): string | undefined {
  let id: string;
  if (target.startsWith('#')) id = target.slice(1);
  else if (target.startsWith('.')) id = `${sourceId}${target}`;
  else {
    const parent = index.get(sourceId)?.parent;
    id = parent ? `${parent}.${target}` : target;
  }
  return index.has(id) ? id : undefined;
}

/** Normalises the three spellings of a transition into a list of objects. */
export function transitionList(spec: TransitionSpec | undefined): TransitionDef[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return [{ target: spec }];
  return Array.isArray(spec) ? spec : [spec];
}

/** True when `id` is `ancestor` itself or lies inside it. */
export function isWithin(id: string, ancestor: string): boolean {
  return id === ancestor || id.startsWith(`${ancestor}.`);
}

/** The chain from a state up to the root, the state first. */
export function ancestorsOf(index: StateIndex, id: string): string[] {
  const chain: string[] = [];
  let current: string | undefined = id;
  while (current) {
    chain.push(current);
    current = index.get(current)?.parent;
  }
  return chain;
}
