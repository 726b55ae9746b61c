/** Behaviour before `state.rename`: every reference to the state (targets, `initial`, return targets, performerOf) is rewritten. */
import { childId, initialPath, keyOf, parentOf } from '../../model/design-doc';
import { getAt } from '../../model/json-ops';
import type { DocBehaviour } from '../command-map';
import { renameReferenceOps } from './reference-ops';

export const renameStateReferences: DocBehaviour<'state.rename'> = (ctx) => {
  const { id, to } = ctx.params;
  const parent = parentOf(id);
  for (const op of renameReferenceOps(ctx.doc, id, childId(parent, to))) ctx.apply(op);
  if (getAt(ctx.doc, initialPath(parent)) === keyOf(id))
    ctx.apply({ op: 'put', path: initialPath(parent), value: to });
};
