/** `formField.setLabel`: the schema's title (zh-CN) and the English label. */
import { fieldSchemaPath } from '../../model/form-paths';
import { getAt } from '../../model/json-ops';
import type { DocHandler } from '../command-map';
import { ensureObject } from '../doc-edits';
import { fieldMissing } from './field-edits';

export const setFieldLabel: DocHandler<'formField.setLabel'> = {
  canExecute: fieldMissing,
  execute(ctx) {
    const { form, field, label } = ctx.params;
    ctx.apply({ op: 'put', path: [...fieldSchemaPath(form, field), 'title'], value: label['zh-CN'] });
    ensureObject(ctx, ['forms', form, 'labels']);
    const entry = (getAt(ctx.doc, ['forms', form, 'labels', field]) ?? {}) as Record<string, unknown>;
    ctx.apply({ op: 'put', path: ['forms', form, 'labels', field], value: { ...entry, en: label.en } });
  },
};
