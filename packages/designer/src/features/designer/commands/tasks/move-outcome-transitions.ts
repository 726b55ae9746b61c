/** Behaviour before `task.setOutcomes`: an outcome renamed in place takes its `on` transition with it. */
import { stateAt, statePath } from '../../model/design-doc';
import type { DocBehaviour } from '../command-map';

export const moveOutcomeTransitions: DocBehaviour<'task.setOutcomes'> = (ctx) => {
  const { id, value } = ctx.params;
  const state = stateAt(ctx.doc, id)!;
  const before = state.task!.outcomes;
  const after = value;
  const on = state.on ?? {};
  const renames = before
    .map((o, i) => [o.event ?? o.key, after[i] ? (after[i]!.event ?? after[i]!.key) : undefined] as const)
    .filter(([from, to]) => to && from !== to && Object.hasOwn(on, from) && !Object.hasOwn(on, to));
  const taken = new Set(Object.keys(on));
  for (const [from, to] of renames) {
    if (taken.has(to!)) continue;
    ctx.apply({ op: 'rename', path: [...statePath(id), 'on', from], to: to! });
    taken.delete(from);
    taken.add(to!);
  }
};
