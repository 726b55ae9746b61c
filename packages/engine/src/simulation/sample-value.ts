/**
 * A plausible value for a JSON Schema field, the way a careful user would fill the form: keep what is
 * already filled in, take the default or the first choice, the smallest number allowed, a person or
 * unit of the kind the UI asks for, a string matching the pattern, and every optional field too, so
 * conditional requirements (`if … then required`) are met. `index` varies choices between siblings.
 */
import { re2RegExp } from '../expressions/re2-regex';
import { regexSample } from './regex-sample';
import type { SampleCatalogue } from './sample-catalogue';

type Schema = Record<string, unknown>;
type Ui = Record<string, unknown> | undefined;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function choices(schema: Schema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if (Array.isArray(schema.oneOf) && schema.oneOf.every((o) => isObject(o) && 'const' in o)) {
    return schema.oneOf.map((o) => (o as Schema).const);
  }
  return undefined;
}

function inRange(schema: Schema, value: number): boolean {
  if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
  if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) return false;
  return !(typeof schema.maximum === 'number' && value > schema.maximum);
}

function fitsText(schema: Schema, value: string): boolean {
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) return false;
  if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) return false;
  return typeof schema.pattern !== 'string' || matchesPattern(schema.pattern, value);
}

/** As the form checkers match (RE2); a pattern they would refuse fits nothing. */
function matchesPattern(pattern: string, value: string): boolean {
  try {
    return re2RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}

/** Whether a value already there can stay: right type and within the simple limits. */
function fits(schema: Schema, value: unknown): boolean {
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' && fitsText(schema, value);
    case 'number':
      return typeof value === 'number' && inRange(schema, value);
    case 'integer':
      return Number.isInteger(value) && inRange(schema, value as number);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value) && value.length > 0;
    case 'object':
      return isObject(value);
    default:
      return value !== undefined;
  }
}

function sampleNumber(schema: Schema): number {
  const step =
    typeof schema.multipleOf === 'number' ? schema.multipleOf : schema.type === 'integer' ? 1 : 0.01;
  let low = typeof schema.minimum === 'number' ? schema.minimum : 0;
  if (typeof schema.exclusiveMinimum === 'number') low = Math.max(low, schema.exclusiveMinimum + step);
  const value = Math.round(Math.ceil(low / step - 1e-9) * step * 100) / 100;
  const bounded = typeof schema.maximum === 'number' ? Math.min(value, schema.maximum) : value;
  return bounded === 0 ? 0 : bounded;
}

function sampleString(schema: Schema, ui: Ui, ctx: SampleCatalogue, index: number): string {
  if (schema.format === 'date') return ctx.today;
  if (schema.format === 'date-time') return `${ctx.today}T08:00:00Z`;
  const options = isObject(ui?.['ui:options']) ? (ui['ui:options'] as Schema) : {};
  const pick = (list: string[]) => (list.length > 0 ? list[index % list.length] : undefined);
  // A directory reference (`format`, or an older form's widget) gets a person or unit it allows.
  if (schema.format === 'flowform-user' || ui?.['ui:widget'] === 'user') {
    const user = pick(ctx.users((schema['x-roles'] ?? options.roles) as string[] | undefined));
    if (user) return user;
  }
  if (schema.format === 'flowform-unit' || ui?.['ui:widget'] === 'unit') {
    const unit = pick(ctx.units((schema['x-unitKinds'] ?? options.kinds) as string[] | undefined));
    if (unit) return unit;
  }
  if (typeof schema.pattern === 'string') return regexSample(schema.pattern, index) ?? 'a';
  const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 50;
  const text = `模拟填写${index > 0 ? index : ''}`;
  return text.padEnd(min, '。').slice(0, Math.max(max, 1));
}

function sampleArray(schema: Schema, ui: Ui, ctx: SampleCatalogue, index: number): unknown[] {
  const items = isObject(schema.items) ? schema.items : {};
  const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : 10;
  const count = Math.min(Math.max(min, 1), max);
  const itemUi = isObject(ui?.items) ? (ui.items as Ui) : ui;
  return Array.from({ length: count }, (_, i) => sampleValue(items, itemUi, ctx, index + i));
}

function matchesIf(condition: Schema, value: Record<string, unknown>): boolean {
  const required = Array.isArray(condition.required) ? (condition.required as string[]) : [];
  if (required.some((k) => value[k] === undefined)) return false;
  const props = isObject(condition.properties) ? condition.properties : {};
  return Object.entries(props).every(([k, s]) => !isObject(s) || !('const' in s) || value[k] === s.const);
}

function sampleObject(
  schema: Schema,
  ui: Ui,
  ctx: SampleCatalogue,
  index: number,
  current: Record<string, unknown>,
): Record<string, unknown> {
  const props = isObject(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(props)) {
    const hint = (ui?.[key] as Ui) ?? (ctx.unitFields.has(key) ? { 'ui:widget': 'unit' } : undefined);
    out[key] = sampleValue(sub, hint, ctx, index, current[key]);
  }
  for (const rule of Array.isArray(schema.allOf) ? schema.allOf : []) {
    if (!isObject(rule) || !isObject(rule.if) || !isObject(rule.then) || !matchesIf(rule.if, out)) continue;
    const extra = isObject(rule.then.properties) ? (rule.then.properties as Record<string, Schema>) : {};
    for (const [key, sub] of Object.entries(extra)) {
      out[key] = sampleValue({ ...props[key], ...sub }, ui?.[key] as Ui, ctx, index, current[key]);
    }
  }
  return out;
}

/** A value for `schema`; `current` (the case's value) is kept when it fits, objects are completed. */
export function sampleValue(
  schema: Schema,
  ui: Ui,
  ctx: SampleCatalogue,
  index = 0,
  current?: unknown,
): unknown {
  if (current !== undefined && fits(schema, current)) {
    if (schema.type === 'object')
      return sampleObject(schema, ui, ctx, index, current as Record<string, unknown>);
    if (schema.type === 'array' && isObject(schema.items) && schema.items.type === 'object') {
      const itemUi = isObject(ui?.items) ? (ui.items as Ui) : ui;
      return (current as unknown[]).map((item, i) =>
        sampleValue(schema.items as Schema, itemUi, ctx, index + i, item),
      );
    }
    return current;
  }
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  const values = choices(schema);
  if (values && values.length > 0) return values[index % values.length];
  switch (schema.type) {
    case 'string':
      return sampleString(schema, ui, ctx, index);
    case 'number':
    case 'integer':
      return sampleNumber(schema);
    case 'boolean':
      return false;
    case 'array':
      return sampleArray(schema, ui, ctx, index);
    case 'object':
      return sampleObject(schema, ui, ctx, index, {});
    default:
      return undefined;
  }
}
