/** `state.delete`: removes a state and what it contains (what pointed into it goes first, see delete-state-references). */
import { stateAt, statePath } from '../../model/design-doc';
import type { DocHandler } from '../command-map';

export const deleteState: DocHandler<'state.delete'> = {
  canExecute: (doc, { id }) => (stateAt(doc, id) ? undefined : `No state '${id}'`),
  execute: (ctx) => ctx.apply({ op: 'delete', path: statePath(ctx.params.id) }),
};
