/** Behaviour before `state.delete`: transitions and return targets into the state go, and `initial` moves to a sibling. */
import { initialPath, keyOf, parentOf } from '../../model/design-doc';
import { getAt } from '../../model/json-ops';
import type { DocBehaviour } from '../command-map';
import { deleteReferenceOps } from './reference-ops';
import { siblingKeys } from './sibling-keys';

export const deleteStateReferences: DocBehaviour<'state.delete'> = (ctx) => {
  const { id } = ctx.params;
  for (const op of deleteReferenceOps(ctx.doc, id)) ctx.apply(op);
  const parent = parentOf(id);
  if (getAt(ctx.doc, initialPath(parent)) === keyOf(id)) {
    const next = siblingKeys(ctx.doc, parent).find((k) => k !== keyOf(id)) ?? '';
    ctx.apply({ op: 'put', path: initialPath(parent), value: next });
  }
};
