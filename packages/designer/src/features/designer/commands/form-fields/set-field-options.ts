/** `formField.setOptions`: a choice's options (`oneOf` with zh-CN titles) and their English labels. */
import { formAt, segmentsOf } from '../../model/form-paths';
import type { DocHandler } from '../command-map';
import { ensureObject } from '../doc-edits';
import { fieldMissing, optionsHolder } from './field-edits';

export const setFieldOptions: DocHandler<'formField.setOptions'> = {
  canExecute: (doc, p) =>
    fieldMissing(doc, p) ?? (p.options.length ? undefined : 'A choice needs at least one option'),
  execute(ctx) {
    const { form, field, options } = ctx.params;
    ctx.apply({
      op: 'put',
      path: [...optionsHolder(ctx.doc, ctx.params), 'oneOf'],
      value: options.map((o) => ({ const: o.value, title: o.zh })),
    });
    ensureObject(ctx, ['forms', form, 'labels']);
    const labels = formAt(ctx.doc, form)!.labels ?? {};
    const keep = new Set(options.map((o) => `${field}/${o.value}`));
    const depth = segmentsOf(field).length + 1;
    for (const key of Object.keys(labels))
      if (key.startsWith(`${field}/`) && !keep.has(key) && segmentsOf(key).length === depth)
        ctx.apply({ op: 'delete', path: ['forms', form, 'labels', key] });
    for (const o of options) {
      const key = `${field}/${o.value}`;
      if (labels[key]?.en !== o.en)
        ctx.apply({ op: 'put', path: ['forms', form, 'labels', key], value: { en: o.en } });
    }
  },
};
