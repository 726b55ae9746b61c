/** `formField.remove`: the field's schema, `required` entry, place in the order, UI schema and labels go. */
import { containerPath, fieldSchemaPath, formAt, segmentsOf, uiPathOf } from '../../model/form-paths';
import { getAt } from '../../model/json-ops';
import type { DocHandler } from '../command-map';
import { fieldMissing } from './field-edits';

export const removeField: DocHandler<'formField.remove'> = {
  canExecute: fieldMissing,
  execute(ctx) {
    const { form, field } = ctx.params;
    const segs = segmentsOf(field);
    const parent = segs.slice(0, -1);
    const name = segs[segs.length - 1]!;
    const required = getAt(ctx.doc, [...containerPath(form, parent), 'required']);
    if (Array.isArray(required) && required.includes(name))
      ctx.apply({
        op: 'delete',
        path: [...containerPath(form, parent), 'required', required.indexOf(name)],
      });
    const order = getAt(ctx.doc, [...uiPathOf(form, parent), 'ui:order']);
    if (Array.isArray(order) && order.includes(name))
      ctx.apply({ op: 'delete', path: [...uiPathOf(form, parent), 'ui:order', order.indexOf(name)] });
    if (getAt(ctx.doc, uiPathOf(form, segs)) !== undefined)
      ctx.apply({ op: 'delete', path: uiPathOf(form, segs) });
    const labels = formAt(ctx.doc, form)!.labels ?? {};
    for (const key of Object.keys(labels))
      if (key === field || key.startsWith(`${field}/`))
        ctx.apply({ op: 'delete', path: ['forms', form, 'labels', key] });
    ctx.apply({ op: 'delete', path: fieldSchemaPath(form, field) });
  },
};
