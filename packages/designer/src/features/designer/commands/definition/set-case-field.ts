/** `caseSchema.setField`: a case field's JSON schema, or its removal. */
import { getAt } from '../../model/json-ops';
import type { DocHandler } from '../command-map';
import { putOrDelete } from '../doc-edits';
import { FIELD_NAME } from '../key-patterns';

const PROPERTIES = ['definition', 'caseSchema', 'properties'];

export const setCaseField: DocHandler<'caseSchema.setField'> = {
  canExecute: (_doc, { name }) => (FIELD_NAME.test(name) ? undefined : `'${name}' is not a valid field name`),
  execute(ctx) {
    const { name, schema } = ctx.params;
    const path = [...PROPERTIES, name];
    if (!getAt(ctx.doc, PROPERTIES)) ctx.apply({ op: 'put', path: PROPERTIES, value: {} });
    putOrDelete(ctx, path, schema, getAt(ctx.doc, path) !== undefined);
  },
};
