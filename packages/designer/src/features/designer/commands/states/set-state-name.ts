/** `state.setName`: the state's display name, or its removal. */
import { stateAt, statePath } from '../../model/design-doc';
import type { DocHandler } from '../command-map';
import { putOrDelete } from '../doc-edits';

export const setStateName: DocHandler<'state.setName'> = {
  canExecute: (doc, { id }) => (stateAt(doc, id) ? undefined : `No state '${id}'`),
  execute: (ctx) =>
    putOrDelete(
      ctx,
      [...statePath(ctx.params.id), 'name'],
      ctx.params.name,
      !!stateAt(ctx.doc, ctx.params.id)?.name,
    ),
};
