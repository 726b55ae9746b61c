/** `definition.set`: one of the definition's own properties (names, starters, start form, unit field, confidentiality). */
import type { DocHandler } from '../command-map';
import { putOrDelete } from '../doc-edits';
import { DEFINITION_FIELDS, type DefinitionField } from './definition-params';

const REQUIRED = new Set<DefinitionField>(['name', 'description', 'starters']);

export const setDefinition: DocHandler<'definition.set'> = {
  canExecute(_doc, { field, value }) {
    if (!DEFINITION_FIELDS.includes(field)) return `'${field}' cannot be set here`;
    return value === undefined && REQUIRED.has(field) ? `The definition needs its ${field}` : undefined;
  },
  execute(ctx) {
    const { field, value } = ctx.params;
    putOrDelete(ctx, ['definition', field], value, Object.hasOwn(ctx.doc.definition, field));
  },
};
