/** `formField.setHelp`: the schema's description (zh-CN) and the label's help in both languages, or neither. */
import { fieldSchema, fieldSchemaPath } from '../../model/form-paths';
import { getAt } from '../../model/json-ops';
import type { DocHandler } from '../command-map';
import { ensureObject, putOrDelete } from '../doc-edits';
import { fieldMissing } from './field-edits';

export const setFieldHelp: DocHandler<'formField.setHelp'> = {
  canExecute: fieldMissing,
  execute(ctx) {
    const { form, field, help } = ctx.params;
    const schema = fieldSchema(ctx.doc, form, field)!;
    const text = help && (help['zh-CN'] || help.en) ? help : undefined;
    putOrDelete(
      ctx,
      [...fieldSchemaPath(form, field), 'description'],
      text?.['zh-CN'] || undefined,
      'description' in schema,
    );
    ensureObject(ctx, ['forms', form, 'labels']);
    const entry = (getAt(ctx.doc, ['forms', form, 'labels', field]) ?? {
      en: String(schema.title ?? ''),
    }) as Record<string, unknown>;
    const { help: _old, ...rest } = entry;
    ctx.apply({
      op: 'put',
      path: ['forms', form, 'labels', field],
      value: text ? { ...rest, help: text } : rest,
    });
  },
};
