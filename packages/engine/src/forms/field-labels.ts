/**
 * How an error names a field: its schema `title` (zh-CN) or `labels[path].en` (English), with the
 * row of the nearest list when the field sits inside one, e.g. 「费用明细」第 2 项的「金额」.
 */
import type { FormDefinition } from '../definition/definition-types';
import type { Locale } from './form-types';
import { parsePointer, pointer } from './json-pointer';
import { isSchemaObject } from './schema-walk';

/** What label lookup needs: the root schema, the English labels and the locale. */
export interface LabelContext {
  root: Record<string, unknown>;
  labels: FormDefinition['labels'];
  locale: Locale;
}

const isIndex = (segment: string) => /^\d+$/.test(segment);

/** The quoted display name of the field at `segments`; `fallbackTitle` is used when the schema walk finds none. */
export function fieldLabel(ctx: LabelContext, segments: readonly string[], fallbackTitle?: unknown): string {
  if (segments.length === 0) return ctx.locale === 'en' ? 'The form data' : '表单数据';
  const rowAt = segments.findLastIndex(isIndex);
  const name = quote(ctx, labelText(ctx, segments, fallbackTitle));
  if (rowAt < 0) return name;
  const list = quote(ctx, labelText(ctx, segments.slice(0, rowAt)));
  const row = Number(segments[rowAt]) + 1;
  if (ctx.locale === 'en')
    return rowAt === segments.length - 1 ? `${list} item ${row}` : `${name} (${list} item ${row})`;
  return rowAt === segments.length - 1 ? `${list}第 ${row} 项` : `${list}第 ${row} 项的${name}`;
}

/** Quotes a name the way the locale does: 「名称」 or "Name". */
function quote(ctx: Pick<LabelContext, 'locale'>, text: string): string {
  return ctx.locale === 'en' ? `"${text}"` : `「${text}」`;
}

function labelText(ctx: LabelContext, segments: readonly string[], fallbackTitle?: unknown): string {
  if (segments.length === 0) {
    const title = ctx.locale === 'en' ? englishLabel(ctx.labels, []) : titleOf(ctx.root, ctx.root);
    return title ?? (ctx.locale === 'en' ? 'form' : '表单');
  }
  const english = ctx.locale === 'en' ? englishLabel(ctx.labels, segments) : undefined;
  const title =
    titleOf(ctx.root, schemaAt(ctx.root, segments)) ??
    (typeof fallbackTitle === 'string' ? fallbackTitle : undefined);
  return english ?? title ?? segments.findLast((s) => !isIndex(s)) ?? segments[segments.length - 1]!;
}

/** `labels` may be keyed `/items/0/name`, `/items/name`, `/items/*\/name`, `items.0.name` or `items.name`. */
function englishLabel(
  labels: FormDefinition['labels'],
  segments: readonly string[],
  option?: string,
): string | undefined {
  return labelEntry(labels, segments, option)?.en;
}

/** The `labels` entry of the field at `segments` (or of one of its options): English name and help. */
export function labelEntry(
  labels: FormDefinition['labels'],
  segments: readonly string[],
  option?: string,
): NonNullable<FormDefinition['labels']>[string] | undefined {
  if (!labels) return undefined;
  const tail = option === undefined ? [] : [option];
  const pointers = [
    segments,
    segments.filter((s) => !isIndex(s)),
    segments.map((s) => (isIndex(s) ? '*' : s)),
  ];
  const dotted = [segments, segments.filter((s) => !isIndex(s))];
  // The form itself is keyed `/`.
  const keyOf = (p: string[]) => (p.length > 0 ? pointer(p) : '/');
  const keys = [
    ...pointers.map((p) => keyOf([...p, ...tail])),
    ...dotted.map((d) => [...d, ...tail].join('.')),
  ];
  for (const key of keys) {
    const entry = Object.hasOwn(labels, key) ? labels[key] : undefined;
    if (entry && typeof entry.en === 'string') return entry;
  }
  return undefined;
}

/** In English, an option's name from `labels['/field/value'].en` (how forms name enum values); else undefined. */
export function optionLabel(
  ctx: LabelContext,
  segments: readonly string[],
  value: unknown,
): string | undefined {
  const simple = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  return ctx.locale === 'en' && simple ? englishLabel(ctx.labels, segments, String(value)) : undefined;
}

/** The subschema describing the data at `segments`, following local `$ref`s and combinators. */
export function schemaAt(
  root: Record<string, unknown>,
  segments: readonly string[],
): Record<string, unknown> | undefined {
  let current: Record<string, unknown> | undefined = root;
  for (const segment of segments) {
    if (!current) return undefined;
    current = childSchema(root, current, segment, 0);
  }
  return current;
}

function childSchema(
  root: Record<string, unknown>,
  schema: Record<string, unknown>,
  segment: string,
  nesting: number,
): Record<string, unknown> | undefined {
  if (nesting > 8) return undefined;
  const { properties } = schema;
  if (
    isSchemaObject(properties) &&
    Object.hasOwn(properties, segment) &&
    isSchemaObject(properties[segment])
  ) {
    return properties[segment];
  }
  if (isIndex(segment)) {
    const tuple = Array.isArray(schema.prefixItems) ? schema.prefixItems[Number(segment)] : undefined;
    if (isSchemaObject(tuple)) return tuple;
    if (isSchemaObject(schema.items)) return schema.items;
  }
  const target = deref(root, schema);
  const branches: unknown[] = [target === schema ? undefined : target];
  for (const keyword of ['allOf', 'anyOf', 'oneOf', 'then', 'else']) {
    branches.push(...(Array.isArray(schema[keyword]) ? (schema[keyword] as unknown[]) : [schema[keyword]]));
  }
  for (const branch of branches) {
    const found = isSchemaObject(branch) ? childSchema(root, branch, segment, nesting + 1) : undefined;
    if (found) return found;
  }
  return isSchemaObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
}

function titleOf(
  root: Record<string, unknown>,
  schema: Record<string, unknown> | undefined,
): string | undefined {
  if (!schema) return undefined;
  if (typeof schema.title === 'string') return schema.title;
  const target = deref(root, schema);
  return typeof target?.title === 'string' ? target.title : undefined;
}

/** Follows local JSON-pointer `$ref`s (`#/$defs/money`); other refs are left as they are. */
function deref(
  root: Record<string, unknown>,
  schema: Record<string, unknown>,
): Record<string, unknown> | undefined {
  let current: Record<string, unknown> | undefined = schema;
  for (
    let hops = 0;
    current && typeof current.$ref === 'string' && current.$ref.startsWith('#/') && hops < 16;
    hops++
  ) {
    let target: unknown = root;
    for (const key of parsePointer(safeDecode(current.$ref.slice(1)))) {
      target = isSchemaObject(target) && Object.hasOwn(target, key) ? target[key] : undefined;
    }
    current = isSchemaObject(target) ? target : undefined;
  }
  return current;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
