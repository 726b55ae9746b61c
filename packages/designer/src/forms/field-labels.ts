/**
 * How a field is named: its schema `title` (zh-CN) or `labels[path].en` (English), with the row of
 * the nearest list, e.g. 「证明材料」第 2 项的「附件说明」 — the same rules as the server's messages.
 */
import type { FormDefinition, Locale } from '@flowform/engine';
import { isIndex, isSchemaObject } from './json-pointer';

export interface LabelContext {
  root: Record<string, unknown>;
  labels: FormDefinition['labels'];
  locale: Locale;
}

const quote = (locale: Locale, text: string) => (locale === 'en' ? `"${text}"` : `「${text}」`);

/** The quoted display name of the field at `segments`. */
export function fieldLabel(ctx: LabelContext, segments: readonly string[], fallbackTitle?: unknown): string {
  if (segments.length === 0) return ctx.locale === 'en' ? 'The form data' : '表单数据';
  const rowAt = segments.findLastIndex(isIndex);
  const name = quote(ctx.locale, labelText(ctx, segments, fallbackTitle));
  if (rowAt < 0) return name;
  const listName = quote(ctx.locale, labelText(ctx, segments.slice(0, rowAt)));
  const row = Number(segments[rowAt]) + 1;
  if (ctx.locale === 'en')
    return rowAt === segments.length - 1 ? `${listName} item ${row}` : `${name} (${listName} item ${row})`;
  return rowAt === segments.length - 1 ? `${listName}第 ${row} 项` : `${listName}第 ${row} 项的${name}`;
}

/** The unquoted name of a field in the reader's language (for form labels). */
export function labelText(ctx: LabelContext, segments: readonly string[], fallbackTitle?: unknown): string {
  if (segments.length === 0) {
    const title = ctx.locale === 'en' ? englishLabel(ctx.labels, []) : titleOf(schemaAt(ctx.root, []));
    return title ?? (ctx.locale === 'en' ? 'form' : '表单');
  }
  const english = ctx.locale === 'en' ? englishLabel(ctx.labels, segments) : undefined;
  const title =
    titleOf(schemaAt(ctx.root, segments)) ?? (typeof fallbackTitle === 'string' ? fallbackTitle : undefined);
  return english ?? title ?? segments.findLast((s) => !isIndex(s)) ?? segments[segments.length - 1]!;
}

/** `labels` keyed `/items/0/name`, `/items/name`, `/items/*\/name`, `items.0.name` or `items.name`. */
export function englishLabel(
  labels: FormDefinition['labels'],
  segments: readonly string[],
  option?: string,
): string | undefined {
  return labelEntry(labels, segments, option)?.en;
}

/** The whole labels entry (English name and help in both languages). */
export function labelEntry(labels: FormDefinition['labels'], segments: readonly string[], option?: string) {
  if (!labels) return undefined;
  const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  const escaped = segments.map(esc);
  const tail = option === undefined ? [] : [esc(option)];
  const pointers = [escaped, escaped.filter((s) => !isIndex(s)), escaped.map((s) => (isIndex(s) ? '*' : s))];
  const dotted = [segments, segments.filter((s) => !isIndex(s))];
  const keys = [
    ...pointers.map((p) => `/${[...p, ...tail].join('/')}`),
    ...dotted.map((d) => [...d, ...(option === undefined ? [] : [option])].join('.')),
  ];
  for (const key of keys) {
    const entry = Object.hasOwn(labels, key) ? labels[key] : undefined;
    if (entry && typeof entry.en === 'string') return entry;
  }
  return undefined;
}

/** An option's English name from `labels['/field/value'].en`; undefined in zh-CN. */
export function optionLabel(
  ctx: LabelContext,
  segments: readonly string[],
  value: unknown,
): string | undefined {
  const simple = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  return ctx.locale === 'en' && simple ? englishLabel(ctx.labels, segments, String(value)) : undefined;
}

/** The subschema describing the data at `segments` (properties, items, local refs, combinators). */
export function schemaAt(
  root: Record<string, unknown>,
  segments: readonly string[],
): Record<string, unknown> | undefined {
  let current: Record<string, unknown> | undefined = root;
  for (const segment of segments) {
    if (!current) return undefined;
    current = childSchema(root, current, segment, 0);
  }
  return current ? deref(root, current) : undefined;
}

function childSchema(
  root: Record<string, unknown>,
  schema: Record<string, unknown>,
  segment: string,
  nesting: number,
): Record<string, unknown> | undefined {
  if (nesting > 8) return undefined;
  const { properties } = schema;
  if (isSchemaObject(properties) && Object.hasOwn(properties, segment) && isSchemaObject(properties[segment]))
    return properties[segment];
  if (isIndex(segment)) {
    const tuple = Array.isArray(schema.prefixItems) ? schema.prefixItems[Number(segment)] : undefined;
    if (isSchemaObject(tuple)) return tuple;
    if (isSchemaObject(schema.items)) return schema.items;
  }
  const target = deref(root, schema);
  const branches: unknown[] = [target === schema ? undefined : target];
  for (const keyword of ['allOf', 'anyOf', 'oneOf', 'then', 'else'])
    branches.push(...(Array.isArray(schema[keyword]) ? (schema[keyword] as unknown[]) : [schema[keyword]]));
  for (const branch of branches) {
    const found = isSchemaObject(branch) ? childSchema(root, branch, segment, nesting + 1) : undefined;
    if (found) return found;
  }
  return isSchemaObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
}

const titleOf = (schema: Record<string, unknown> | undefined) =>
  typeof schema?.title === 'string' ? schema.title : undefined;

/** Follows local `$ref`s (`#/$defs/money`). */
export function deref(
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
    for (const key of current.$ref.slice(2).split('/').map(decodeSegment))
      target = isSchemaObject(target) && Object.hasOwn(target, key) ? target[key] : undefined;
    current = isSchemaObject(target) ? target : undefined;
  }
  return current;
}

function decodeSegment(s: string): string {
  let text = s;
  try {
    text = decodeURIComponent(s);
  } catch {
    // keep as is
  }
  return text.replace(/~1/g, '/').replace(/~0/g, '~');
}
