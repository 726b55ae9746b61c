/** `state.setInvoke`: the process a child-process state starts. */
import { stateAt, statePath } from '../../model/design-doc';
import type { DocHandler } from '../command-map';

export const setChildProcess: DocHandler<'state.setInvoke'> = {
  canExecute: (doc, { id }) => (stateAt(doc, id)?.invoke ? undefined : `'${id}' starts no child process`),
  execute: (ctx) =>
    ctx.apply({
      op: 'put',
      path: [...statePath(ctx.params.id), 'invoke', 'process'],
      value: ctx.params.process,
    }),
};
