/** `parameter.set`: a process parameter (a threshold, a day count), or its removal. */
import { getAt } from '../../model/json-ops';
import type { DocHandler } from '../command-map';
import { putOrDelete } from '../doc-edits';
import { PARAMETER_NAME } from '../key-patterns';

export const setParameter: DocHandler<'parameter.set'> = {
  canExecute: (_doc, { name }) => (PARAMETER_NAME.test(name) ? undefined : `'${name}' is not a valid name`),
  execute(ctx) {
    const { name, value } = ctx.params;
    if (!ctx.doc.definition.parameters)
      ctx.apply({ op: 'put', path: ['definition', 'parameters'], value: {} });
    const path = ['definition', 'parameters', name];
    putOrDelete(ctx, path, value, getAt(ctx.doc, path) !== undefined);
  },
};
