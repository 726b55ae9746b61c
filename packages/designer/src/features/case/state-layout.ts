import type { LocalizedText, StateDef } from '@flowform/engine/browser';

/** One box of the diagram: a state, its depth, whether it is final, and where it can go. */
export interface StateBox {
  id: string;
  name: LocalizedText | undefined;
  depth: number;
  final: boolean;
  parallel: boolean;
  targets: string[];
}

/**
 * The states in reading order: a breadth-first walk from the initial state along transitions, so
 * the diagram reads top to bottom like the process; nested states follow their parent, indented.
 */
export function layoutStates(
  states: Record<string, StateDef>,
  initial: string,
  prefix = '',
  depth = 0,
): StateBox[] {
  const order: string[] = [];
  const queue = [initial];
  while (queue.length) {
    const id = queue.shift()!;
    if (order.includes(id) || !Object.hasOwn(states, id)) continue;
    order.push(id);
    for (const target of targetsOf(states[id]!)) {
      const local = target.startsWith('#') ? target.slice(1).split('.')[0]! : target.split('.')[0]!;
      if (Object.hasOwn(states, local)) queue.push(local);
    }
  }
  for (const id of Object.keys(states)) if (!order.includes(id)) order.push(id);
  // ends read last: the way through first, then where it can stop
  order.sort((a, b) => Number(states[a]!.type === 'final') - Number(states[b]!.type === 'final'));
  return order.flatMap((id) => {
    const state = states[id]!;
    const full = `${prefix}${id}`;
    const box: StateBox = {
      id: full,
      name: state.name ?? state.task?.title,
      depth,
      final: state.type === 'final',
      parallel: state.type === 'parallel',
      targets: targetsOf(state),
    };
    const children = state.states
      ? state.type === 'parallel'
        ? Object.keys(state.states).flatMap((region) => [
            ...layoutStates({ [region]: state.states![region]! }, region, `${full}.`, depth + 1),
          ])
        : layoutStates(state.states, state.initial ?? Object.keys(state.states)[0]!, `${full}.`, depth + 1)
      : [];
    return [box, ...children];
  });
}

function targetsOf(state: StateDef): string[] {
  const specs = [
    ...Object.values(state.on ?? {}),
    ...Object.values(state.after ?? {}),
    state.always,
    state.onDone,
  ];
  const out: string[] = [];
  for (const spec of specs) {
    const list = Array.isArray(spec) ? spec : spec === undefined ? [] : [spec];
    for (const t of list) {
      const target = typeof t === 'string' ? t : t.target;
      if (target && !out.includes(target)) out.push(target);
    }
  }
  return out;
}

/** Whether `id` is an active state or an ancestor of one. */
export const isActive = (id: string, active: string[]) =>
  active.some((a) => a === id || a.startsWith(`${id}.`));
