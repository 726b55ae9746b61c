/** `state.setInitial`: the state its level starts in. */
import { initialPath, keyOf, parentOf, stateAt } from '../../model/design-doc';
import type { DocHandler } from '../command-map';

export const setInitialState: DocHandler<'state.setInitial'> = {
  canExecute: (doc, { id }) => (stateAt(doc, id) ? undefined : `No state '${id}'`),
  execute: (ctx) =>
    ctx.apply({ op: 'put', path: initialPath(parentOf(ctx.params.id)), value: keyOf(ctx.params.id) }),
};
