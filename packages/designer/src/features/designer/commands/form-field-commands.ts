/**
 * Commands on form fields: add from the palette, move, remove, and per-field properties (label,
 * help, required, limits, options, show-if). They write JSON Schema + UI schema + labels, the
 * `forms/*.json` format. A new top-level field is added to the case schema in the same undo unit.
 */
import type { LocalizedText } from '@flowform/engine/browser';
import { uniqueKey } from '../model/design-doc';
import { caseFieldSchema, type FieldKind, fieldTemplate } from '../model/field-kinds';
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
import { type DocContext, type DocStack, FIELD_NAME, putOrDelete } from './command-types';

type Json = Record<string, unknown>;

export interface AddFieldParams {
  form: string;
  kind: FieldKind;
  name?: string;
  /** Pointer of the section to add into; the form's root when absent. */
  parent?: string;
  index?: number;
  label?: LocalizedText;
  /** Set by the command: the new field's pointer. */
  created?: string;
}

export interface FieldRef {
  form: string;
  field: string;
}

export const LIMIT_KEYS = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;
export type Limits = Partial<Record<(typeof LIMIT_KEYS)[number], number>>;
export interface FieldOption {
  value: string;
  zh: string;
  en: string;
}

const DEFAULT_LABEL: Record<FieldKind, LocalizedText> = {
  text: { 'zh-CN': '文本', en: 'Text' },
  textarea: { 'zh-CN': '多行文本', en: 'Long text' },
  number: { 'zh-CN': '数量', en: 'Number' },
  amount: { 'zh-CN': '金额', en: 'Amount' },
  date: { 'zh-CN': '日期', en: 'Date' },
  select: { 'zh-CN': '单选', en: 'Choice' },
  multiSelect: { 'zh-CN': '多选', en: 'Choices' },
  user: { 'zh-CN': '人员', en: 'Person' },
  unit: { 'zh-CN': '单位', en: 'Unit' },
  table: { 'zh-CN': '明细表', en: 'Table' },
  section: { 'zh-CN': '分组', en: 'Section' },
};

const fieldExists = (doc: DocContext<unknown>['doc'], { form, field }: FieldRef) =>
  formAt(doc, form) && fieldSchema(doc, form, field) ? undefined : `No field '${field}' in '${form}'`;

function ensureObject(ctx: DocContext<unknown>, path: Path): void {
  if (getAt(ctx.doc, path) === undefined) ctx.apply({ op: 'put', path, value: {} });
}

/** Makes `ui:order` explicit at `parent` so positions can be edited. */
function ensureOrder(ctx: DocContext<unknown>, form: string, parent: string[]): Path {
  for (let i = 0; i <= parent.length; i++) ensureObject(ctx, uiPathOf(form, parent.slice(0, i)));
  const path = [...uiPathOf(form, parent), 'ui:order'];
  if (!Array.isArray(getAt(ctx.doc, path)))
    ctx.apply({ op: 'put', path, value: fieldOrder(ctx.doc, form, parent) });
  return path;
}

/** The schema holding a choice field's options (the items of a multi-select). */
const optionsHolder = (doc: DocContext<unknown>['doc'], ref: FieldRef): Path => {
  const path = fieldSchemaPath(ref.form, ref.field);
  return fieldSchema(doc, ref.form, ref.field)?.type === 'array' ? [...path, 'items'] : path;
};

export function registerFormFieldCommands(stack: DocStack): void {
  stack.on<AddFieldParams>('formField.add', 'pre', (ctx) => {
    const p = ctx.params;
    const parent = segmentsOf(p.parent ?? '');
    p.name = uniqueKey(
      p.name && FIELD_NAME.test(p.name) ? p.name : p.kind,
      fieldOrder(ctx.doc, p.form, parent),
    );
  });
  stack.register<AddFieldParams>('formField.add', {
    canExecute(doc, p) {
      if (!formAt(doc, p.form)) return `No form '${p.form}'`;
      return p.parent && fieldSchema(doc, p.form, p.parent)?.type !== 'object'
        ? `'${p.parent}' is not a section`
        : undefined;
    },
    execute(ctx) {
      const p = ctx.params;
      const parent = segmentsOf(p.parent ?? '');
      const name = p.name!;
      const label = p.label ?? DEFAULT_LABEL[p.kind];
      const template = fieldTemplate(p.kind, label['zh-CN']);
      const order = ensureOrder(ctx, p.form, parent);
      ensureObject(ctx, [...containerPath(p.form, parent), 'properties']);
      ctx.apply({
        op: 'put',
        path: [...containerPath(p.form, parent), 'properties', name],
        value: template.schema,
      });
      const length = (getAt(ctx.doc, order) as unknown[]).length;
      ctx.apply({ op: 'insert', path: [...order, Math.min(p.index ?? length, length)], value: name });
      if (template.ui)
        ctx.apply({ op: 'put', path: uiPathOf(p.form, [...parent, name]), value: template.ui });
      ensureObject(ctx, ['forms', p.form, 'labels']);
      const pointer = pointerOf([...parent, name]);
      ctx.apply({ op: 'put', path: ['forms', p.form, 'labels', pointer], value: { en: label.en } });
      for (const [value, en] of Object.entries(template.optionLabels ?? {}))
        ctx.apply({ op: 'put', path: ['forms', p.form, 'labels', `${pointer}/${value}`], value: { en } });
      p.created = pointer;
    },
  });
  // behaviour: a top-level field is case data, so the case schema gets it too
  stack.on<AddFieldParams>('formField.add', 'post', (ctx) => {
    const p = ctx.params;
    const caseFields = (ctx.doc.definition.caseSchema.properties ?? {}) as Json;
    if (p.parent || caseFields[p.name!] !== undefined) return;
    ctx.execute('caseSchema.setField', {
      name: p.name!,
      schema: caseFieldSchema(fieldSchema(ctx.doc, p.form, p.created!)!),
    });
  });

  stack.register<FieldRef>('formField.remove', {
    canExecute: fieldExists,
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
      const labels = (formAt(ctx.doc, form)!.labels ?? {}) as Json;
      for (const key of Object.keys(labels))
        if (key === field || key.startsWith(`${field}/`))
          ctx.apply({ op: 'delete', path: ['forms', form, 'labels', key] });
      ctx.apply({ op: 'delete', path: fieldSchemaPath(form, field) });
    },
  });

  stack.register<FieldRef & { to: number }>('formField.move', {
    canExecute: fieldExists,
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
  });

  stack.register<FieldRef & { label: LocalizedText }>('formField.setLabel', {
    canExecute: fieldExists,
    execute(ctx) {
      const { form, field, label } = ctx.params;
      ctx.apply({ op: 'put', path: [...fieldSchemaPath(form, field), 'title'], value: label['zh-CN'] });
      ensureObject(ctx, ['forms', form, 'labels']);
      const entry = (getAt(ctx.doc, ['forms', form, 'labels', field]) ?? {}) as Json;
      ctx.apply({ op: 'put', path: ['forms', form, 'labels', field], value: { ...entry, en: label.en } });
    },
  });

  stack.register<FieldRef & { help?: LocalizedText }>('formField.setHelp', {
    canExecute: fieldExists,
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
      }) as Json;
      const { help: _old, ...rest } = entry;
      ctx.apply({
        op: 'put',
        path: ['forms', form, 'labels', field],
        value: text ? { ...rest, help: text } : rest,
      });
    },
  });

  stack.register<FieldRef & { required: boolean }>('formField.setRequired', {
    canExecute: fieldExists,
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
  });

  stack.register<FieldRef & { limits: Limits }>('formField.setLimits', {
    canExecute: fieldExists,
    execute(ctx) {
      const { form, field, limits } = ctx.params;
      const schema = fieldSchema(ctx.doc, form, field)!;
      for (const key of LIMIT_KEYS) {
        if (!(key in limits)) continue;
        const value = limits[key];
        if (value === schema[key]) continue;
        putOrDelete(
          ctx,
          [...fieldSchemaPath(form, field), key],
          Number.isFinite(value) ? value : undefined,
          key in schema,
        );
      }
    },
  });

  stack.register<FieldRef & { options: FieldOption[] }>('formField.setOptions', {
    canExecute: (doc, p) =>
      fieldExists(doc, p) ?? (p.options.length ? undefined : 'A choice needs at least one option'),
    execute(ctx) {
      const { form, field, options } = ctx.params;
      ctx.apply({
        op: 'put',
        path: [...optionsHolder(ctx.doc, ctx.params), 'oneOf'],
        value: options.map((o) => ({ const: o.value, title: o.zh })),
      });
      ensureObject(ctx, ['forms', form, 'labels']);
      const labels = (formAt(ctx.doc, form)!.labels ?? {}) as Json;
      const keep = new Set(options.map((o) => `${field}/${o.value}`));
      for (const key of Object.keys(labels))
        if (
          key.startsWith(`${field}/`) &&
          !keep.has(key) &&
          segmentsOf(key).length === segmentsOf(field).length + 1
        )
          ctx.apply({ op: 'delete', path: ['forms', form, 'labels', key] });
      for (const o of options) {
        const key = `${field}/${o.value}`;
        if ((labels[key] as Json | undefined)?.en !== o.en)
          ctx.apply({ op: 'put', path: ['forms', form, 'labels', key], value: { en: o.en } });
      }
    },
  });

  stack.register<FieldRef & { expr?: string }>('formField.setShowIf', {
    canExecute: (doc, p) =>
      fieldExists(doc, p) ??
      (segmentsOf(p.field).length > 1 && p.expr?.trim()
        ? 'Show-if works on top-level fields only; put it on the section'
        : undefined),
    execute(ctx) {
      const { form, field, expr } = ctx.params;
      const segs = segmentsOf(field);
      for (let i = 0; i <= segs.length; i++) ensureObject(ctx, uiPathOf(form, segs.slice(0, i)));
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
  });
}
