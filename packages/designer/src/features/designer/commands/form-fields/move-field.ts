/** `formField.move`: the field to position `to` among its siblings (the order becomes explicit). */
import { fieldOrder, segmentsOf } from '../../model/form-paths';
import { getAt } from '../../model/json-ops';
import type { DocHandler } from '../command-map';
import { ensureOrder, fieldMissing } from './field-edits';

export const moveField: DocHandler<'formField.move'> = {
  canExecute: fieldMissing,
  execute(ctx) {
    const { form, field, to } = ctx.params;
    const segs = segmentsOf(field);
    const parent = segs.slice(0, -1);
    const current = fieldOrder(ctx.doc, form, parent);
    const name = segs[segs.length - 1]!;
    const next = current.filter((n) => n !== name);
    next.splice(Math.max(0, Math.min(to, next.length)), 0, name);
    if (next.join('\u0000') === current.join('\u0000')) return;
    const order = ensureOrder(ctx, form, parent);
    const stored = getAt(ctx.doc, order) as string[];
    const extra = stored.filter((n) => !next.includes(n));
    ctx.apply({ op: 'put', path: order, value: [...next, ...extra] });
  },
};
