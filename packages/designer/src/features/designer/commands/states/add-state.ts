/** `state.add`: a state from the palette's template (or a pasted one); the first of its level becomes `initial`. */

import type { StateDef } from '@flowform/engine/browser';
import { childId, initialPath, stateAt, statesPath } from '../../model/design-doc';
import { getAt, hasAt } from '../../model/json-ops';
import { stateTemplate } from '../../model/state-templates';
import type { DocHandler } from '../command-map';

export const addState: DocHandler<'state.add'> = {
  canExecute: (doc, p) => (p.parent && !stateAt(doc, p.parent) ? `No state '${p.parent}'` : undefined),
  execute(ctx) {
    const p = ctx.params;
    const key = p.key!;
    if (p.parent && !hasAt(ctx.doc, statesPath(p.parent)))
      ctx.apply({ op: 'put', path: statesPath(p.parent), value: {} });
    ctx.apply({
      op: 'put',
      path: [...statesPath(p.parent), key],
      value: p.def ?? withoutNestedOutcome(stateTemplate(p.kind ?? 'task', p.name), p.parent),
    });
    const initial = getAt(ctx.doc, initialPath(p.parent));
    const parentIsParallel = p.parent && stateAt(ctx.doc, p.parent)?.type === 'parallel';
    if (!initial && !parentIsParallel) ctx.apply({ op: 'put', path: initialPath(p.parent), value: key });
    p.created = childId(p.parent, key);
  },
};

/** Only a top-level end ends the case; an end inside a group only ends its branch and says nothing. */
function withoutNestedOutcome(def: StateDef, parent: string | undefined): StateDef {
  if (!parent || !('outcome' in def)) return def;
  const { outcome: _ended, ...rest } = def;
  return rest;
}
