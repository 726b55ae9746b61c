/** `state.setOutcome`: how a case that ends in a final state ended (approved, rejected …). */
import { stateAt, statePath } from '../../model/design-doc';
import type { DocHandler } from '../command-map';

export const setOutcome: DocHandler<'state.setOutcome'> = {
  canExecute: (doc, { id }) =>
    stateAt(doc, id)?.type === 'final' ? undefined : `'${id}' is not an end state`,
  execute: (ctx) =>
    ctx.apply({ op: 'put', path: [...statePath(ctx.params.id), 'outcome'], value: ctx.params.outcome }),
};
