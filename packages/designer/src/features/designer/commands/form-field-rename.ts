/**
 * `formField.rename`: gives a form field a new id (the key its value is stored under). The field's
 * schema, `required`, `ui:order`, UI schema and labels move with it; a top-level field is case data,
 * so its case field is renamed in the same undo unit. A field another part of the process refers to
 * (a CEL condition, a show-if, a task's field permissions, another form) is refused with where, so
 * a rename never leaves a dangling reference.
 */
import type { DesignDoc } from '../model/design-doc';
import {
  containerPath,
  fieldOrder,
  fieldSchema,
  fieldSchemaPath,
  formAt,
  pointerOf,
  segmentsOf,
  uiPathOf,
} from '../model/form-paths';
import { getAt, type Path } from '../model/json-ops';
import { type DocContext, type DocStack, FIELD_NAME } from './command-types';

type Json = Record<string, unknown>;

export interface RenameFieldParams {
  form: string;
  /** The field's pointer (`/amount`, `/section/date`). */
  field: string;
  to: string;
  /** Set by the command: the field's new pointer. */
  renamed?: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the process refers to the field: CEL and show-if text, permission keys, other forms. */
export function fieldReferences(doc: DesignDoc, form: string, pointer: string): string[] {
  const segs = segmentsOf(pointer);
  const dotted = new RegExp(`\\bdata\\.${segs.map(escapeRegExp).join('\\.')}\\b`);
  const found: string[] = [];
  const walk = (value: unknown, path: string, skip: (path: string) => boolean) => {
    if (skip(path)) return;
    if (typeof value === 'string') {
      // Keys whose value names a case field: assignCel `field`, a `field` rule, `unitField`, `responses`.
      const named = segs.length === 1 && value === segs[0] && /\/(responses|field|unitField)$/.test(path);
      if (named || dotted.test(value)) found.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(v, `${path}/${i}`, skip);
      });
    } else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        if (segs.length === 1 && key === segs[0] && path.endsWith('/fieldPermissions'))
          found.push(`${path}/${key}`);
        walk(v, `${path}/${key}`, skip);
      }
  };
  const ownCaseField = `/definition/caseSchema/properties/${segs[0]}`;
  walk(doc.definition, '/definition', (p) => p === ownCaseField);
  for (const [key, other] of Object.entries(doc.forms)) {
    walk(
      other.uiSchema ?? {},
      `/forms/${key}/uiSchema`,
      (p) => key === form && p === `/forms/${key}/uiSchema${pointer}`,
    );
    if (
      key !== form &&
      segs.length === 1 &&
      ((other.schema.properties ?? {}) as Json)[segs[0]!] !== undefined
    )
      found.push(`/forms/${key}/schema/properties/${segs[0]}`);
  }
  return found;
}

function refusal(doc: DesignDoc, p: RenameFieldParams): string | undefined {
  if (!formAt(doc, p.form) || !fieldSchema(doc, p.form, p.field))
    return `No field '${p.field}' in '${p.form}'`;
  if (!FIELD_NAME.test(p.to)) return `'${p.to}' is not a field id: a letter, then letters, digits or _`;
  const segs = segmentsOf(p.field);
  if (segs[segs.length - 1] === p.to) return undefined;
  if (fieldOrder(doc, p.form, segs.slice(0, -1)).includes(p.to)) return `'${p.to}' already exists here`;
  const caseFields = (doc.definition.caseSchema.properties ?? {}) as Json;
  if (segs.length === 1 && caseFields[p.to] !== undefined) return `'${p.to}' is already a case field`;
  const used = fieldReferences(doc, p.form, p.field);
  return used.length ? `'${segs.join('.')}' is used at ${used.join(', ')}; change those first` : undefined;
}

/** Moves the value at `from` to `to` (a put and a delete, both undoable). */
function move(ctx: DocContext<unknown>, from: Path, to: Path): void {
  const value = getAt(ctx.doc, from);
  if (value === undefined) return;
  ctx.apply({ op: 'put', path: to, value });
  ctx.apply({ op: 'delete', path: from });
}

/** Replaces `from` by `to` in the string list at `path`, if it is there. */
function replaceInList(ctx: DocContext<unknown>, path: Path, from: string, to: string): void {
  const list = getAt(ctx.doc, path);
  if (Array.isArray(list) && list.includes(from))
    ctx.apply({ op: 'put', path: [...path, list.indexOf(from)], value: to });
}

export function registerFormFieldRename(stack: DocStack): void {
  stack.register<RenameFieldParams>('formField.rename', {
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
      const orderPath = [...uiPathOf(form, parent), 'ui:order'];
      if (!Array.isArray(getAt(ctx.doc, orderPath))) {
        for (let i = 0; i <= parent.length; i++)
          if (getAt(ctx.doc, uiPathOf(form, parent.slice(0, i))) === undefined)
            ctx.apply({ op: 'put', path: uiPathOf(form, parent.slice(0, i)), value: {} });
        ctx.apply({ op: 'put', path: orderPath, value: fieldOrder(ctx.doc, form, parent) });
      }
      replaceInList(ctx, orderPath, from, to);
      replaceInList(ctx, [...containerPath(form, parent), 'required'], from, to);
      move(ctx, fieldSchemaPath(form, field), fieldSchemaPath(form, renamed));
      move(ctx, uiPathOf(form, segs), uiPathOf(form, [...parent, to]));
      const labels = (formAt(ctx.doc, form)!.labels ?? {}) as Json;
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
  });
}
