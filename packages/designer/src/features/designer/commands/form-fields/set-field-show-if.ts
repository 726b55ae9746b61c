/** `formField.setShowIf`: a top-level field's show-if condition (`ui:options.showIf`), or its removal. */
import { segmentsOf, uiPathOf } from '../../model/form-paths';
import { getAt } from '../../model/json-ops';
import type { DocHandler } from '../command-map';
import { putOrDelete } from '../doc-edits';
import { ensureUiPath, fieldMissing } from './field-edits';

type Json = Record<string, unknown>;

export const setFieldShowIf: DocHandler<'formField.setShowIf'> = {
  canExecute: (doc, p) =>
    fieldMissing(doc, p) ??
    (segmentsOf(p.field).length > 1 && p.expr?.trim()
      ? 'Show-if works on top-level fields only; put it on the section'
      : undefined),
  execute(ctx) {
    const { form, field, expr } = ctx.params;
    const segs = segmentsOf(field);
    ensureUiPath(ctx, form, segs);
    const options = (getAt(ctx.doc, [...uiPathOf(form, segs), 'ui:options']) ?? {}) as Json;
    const { showIf: _old, ...rest } = options;
    const next = expr?.trim() ? { ...rest, showIf: expr.trim() } : rest;
    putOrDelete(
      ctx,
      [...uiPathOf(form, segs), 'ui:options'],
      Object.keys(next).length ? next : undefined,
      'ui:options' in ((getAt(ctx.doc, uiPathOf(form, segs)) ?? {}) as Json),
    );
  },
};
