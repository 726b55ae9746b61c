/** `formField.setLimits`: minimum/maximum, lengths, item counts — each named limit set or removed. */
import { fieldSchema, fieldSchemaPath } from '../../model/form-paths';
import type { DocHandler } from '../command-map';
import { putOrDelete } from '../doc-edits';
import { fieldMissing } from './field-edits';
import { LIMIT_KEYS } from './field-params';

export const setFieldLimits: DocHandler<'formField.setLimits'> = {
  canExecute: fieldMissing,
  execute(ctx) {
    const { form, field, limits } = ctx.params;
    const schema = fieldSchema(ctx.doc, form, field)!;
    for (const key of LIMIT_KEYS) {
      if (!(key in limits)) continue;
      const value = limits[key];
      if (value === schema[key]) continue;
      putOrDelete(
        ctx,
        [...fieldSchemaPath(form, field), key],
        Number.isFinite(value) ? value : undefined,
        key in schema,
      );
    }
  },
};
