/**
 * `formField.rename`: gives a form field a new id (the key its value is stored under). The field's
 * schema, `required`, `ui:order`, UI schema and labels move with it; a top-level field is case data,
 * so its case field is renamed in the same undo unit. A field another part of the process refers to
 * is refused with where (see field-references).
 */
import type { DesignDoc } from '../../model/design-doc';
import {
  containerPath,
  fieldOrder,
  fieldSchema,
  fieldSchemaPath,
  formAt,
  pointerOf,
  segmentsOf,
  uiPathOf,
} from '../../model/form-paths';
import { getAt, type Path } from '../../model/json-ops';
import type { DocEdit, DocHandler } from '../command-map';
import { FIELD_NAME } from '../key-patterns';
import { ensureOrder } from './field-edits';
import type { RenameFieldParams } from './field-params';
import { fieldReferences } from './field-references';

function refusal(doc: DesignDoc, p: RenameFieldParams): string | undefined {
  if (!formAt(doc, p.form) || !fieldSchema(doc, p.form, p.field))
    return `No field '${p.field}' in '${p.form}'`;
  if (!FIELD_NAME.test(p.to)) return `'${p.to}' is not a field id: a letter, then letters, digits or _`;
  const segs = segmentsOf(p.field);
  if (segs[segs.length - 1] === p.to) return undefined;
  if (fieldOrder(doc, p.form, segs.slice(0, -1)).includes(p.to)) return `'${p.to}' already exists here`;
  const caseFields = (doc.definition.caseSchema.properties ?? {}) as Record<string, unknown>;
  if (segs.length === 1 && caseFields[p.to] !== undefined) return `'${p.to}' is already a case field`;
  const used = fieldReferences(doc, p.form, p.field);
  return used.length ? `'${segs.join('.')}' is used at ${used.join(', ')}; change those first` : undefined;
}

/** Moves the value at `from` to `to` (a put and a delete, both undoable). */
function move(ctx: DocEdit, from: Path, to: Path): void {
  const value = getAt(ctx.doc, from);
  if (value === undefined) return;
  ctx.apply({ op: 'put', path: to, value });
  ctx.apply({ op: 'delete', path: from });
}

/** Replaces `from` by `to` in the string list at `path`, if it is there. */
function replaceInList(ctx: DocEdit, path: Path, from: string, to: string): void {
  const list = getAt(ctx.doc, path);
  if (Array.isArray(list) && list.includes(from))
    ctx.apply({ op: 'put', path: [...path, list.indexOf(from)], value: to });
}

export const renameField: DocHandler<'formField.rename'> = {
  canExecute: refusal,
  execute(ctx) {
    const { form, field, to } = ctx.params;
    const segs = segmentsOf(field);
    const parent = segs.slice(0, -1);
    const from = segs[segs.length - 1]!;
    const renamed = pointerOf([...parent, to]);
    ctx.params.renamed = renamed;
    if (from === to) return;
    // Keep the display order: make it explicit before the key moves to the end of `properties`.
    const orderPath = ensureOrder(ctx, form, parent);
    replaceInList(ctx, orderPath, from, to);
    replaceInList(ctx, [...containerPath(form, parent), 'required'], from, to);
    move(ctx, fieldSchemaPath(form, field), fieldSchemaPath(form, renamed));
    move(ctx, uiPathOf(form, segs), uiPathOf(form, [...parent, to]));
    const labels = formAt(ctx.doc, form)!.labels ?? {};
    for (const key of Object.keys(labels))
      if (key === field || key.startsWith(`${field}/`))
        move(
          ctx,
          ['forms', form, 'labels', key],
          ['forms', form, 'labels', renamed + key.slice(field.length)],
        );
    if (segs.length === 1) {
      const caseProps = ['definition', 'caseSchema', 'properties'];
      move(ctx, [...caseProps, from], [...caseProps, to]);
      replaceInList(ctx, ['definition', 'caseSchema', 'required'], from, to);
    }
  },
};
