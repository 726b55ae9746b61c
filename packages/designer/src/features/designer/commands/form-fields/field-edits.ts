/** What the form field commands share: the existence check, an explicit `ui:order`, where options live. */
import type { DesignDoc } from '../../model/design-doc';
import { fieldOrder, fieldSchema, fieldSchemaPath, formAt, uiPathOf } from '../../model/form-paths';
import { getAt, type Path } from '../../model/json-ops';
import type { DocEdit } from '../command-map';
import { ensureObject } from '../doc-edits';
import type { FieldRef } from './field-params';

/** A refusal when the field is not there. */
export const fieldMissing = (doc: DesignDoc, { form, field }: FieldRef): string | undefined =>
  formAt(doc, form) && fieldSchema(doc, form, field) ? undefined : `No field '${field}' in '${form}'`;

/** Makes the UI schema down to `parent` exist (as empty objects where missing). */
export function ensureUiPath(ctx: DocEdit, form: string, parent: string[]): void {
  for (let i = 0; i <= parent.length; i++) ensureObject(ctx, uiPathOf(form, parent.slice(0, i)));
}

/** Makes `ui:order` explicit at `parent` so positions can be edited; answers its path. */
export function ensureOrder(ctx: DocEdit, form: string, parent: string[]): Path {
  ensureUiPath(ctx, form, parent);
  const path = [...uiPathOf(form, parent), 'ui:order'];
  if (!Array.isArray(getAt(ctx.doc, path)))
    ctx.apply({ op: 'put', path, value: fieldOrder(ctx.doc, form, parent) });
  return path;
}

/** The schema holding a choice field's options (the items of a multi-select). */
export const optionsHolder = (doc: DesignDoc, ref: FieldRef): Path => {
  const path = fieldSchemaPath(ref.form, ref.field);
  return fieldSchema(doc, ref.form, ref.field)?.type === 'array' ? [...path, 'items'] : path;
};
