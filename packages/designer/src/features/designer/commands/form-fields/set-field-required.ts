/** `formField.setRequired`: the field's entry in its section's `required` list. */
import { containerPath, segmentsOf } from '../../model/form-paths';
import { getAt } from '../../model/json-ops';
import type { DocHandler } from '../command-map';
import { fieldMissing } from './field-edits';

export const setFieldRequired: DocHandler<'formField.setRequired'> = {
  canExecute: fieldMissing,
  execute(ctx) {
    const { form, field, required } = ctx.params;
    const segs = segmentsOf(field);
    const path = [...containerPath(form, segs.slice(0, -1)), 'required'];
    const list = getAt(ctx.doc, path);
    const name = segs[segs.length - 1]!;
    const has = Array.isArray(list) && list.includes(name);
    if (required && !has) {
      if (Array.isArray(list)) ctx.apply({ op: 'insert', path: [...path, list.length], value: name });
      else ctx.apply({ op: 'put', path, value: [name] });
    } else if (!required && has)
      ctx.apply({ op: 'delete', path: [...path, (list as string[]).indexOf(name)] });
  },
};
