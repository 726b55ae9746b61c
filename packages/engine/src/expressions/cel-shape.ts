/**
 * The CEL-side type of a value, derived from the case JSON Schema or inferred from a sample value
 * (definition parameters). Shapes are turned into CEL types and converters by `cel-records`.
 */

/** A CEL type in tree form: scalars, `dyn`, typed lists, and records with a fixed set of fields. */
export type CelShape =
  | { kind: 'int' | 'double' | 'string' | 'bool' | 'dyn' }
  | { kind: 'list'; items: CelShape }
  | { kind: 'record'; fields: Record<string, CelShape> };

const DYN: CelShape = { kind: 'dyn' };
const MAX_DEPTH = 16;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Keys that reach JS object internals; they are never exposed to CEL nor copied out of it. */
export function isUnsafeKey(key: string): boolean {
  return UNSAFE_KEYS.has(key);
}

/** Plain JSON objects only: no arrays, class instances or exotic prototypes. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function record(entries: Iterable<[string, CelShape]>): CelShape {
  const fields: Record<string, CelShape> = Object.create(null);
  for (const [key, shape] of entries) if (!isUnsafeKey(key)) fields[key] = shape;
  return { kind: 'record', fields };
}

/** `type: ["string", "null"]` is a nullable string; several non-null types are `dyn`. */
function schemaType(schema: Record<string, unknown>): string | undefined {
  const { type } = schema;
  if (typeof type === 'string') return type;
  if (!Array.isArray(type)) return undefined;
  const nonNull = type.filter((t) => t !== 'null');
  return nonNull.length === 1 && typeof nonNull[0] === 'string' ? nonNull[0] : 'mixed';
}

function objectShape(schema: Record<string, unknown>, depth: number): CelShape {
  const { properties } = schema;
  if (!isPlainObject(properties)) return DYN;
  return record(Object.keys(properties).map((key) => [key, shapeFromSchema(properties[key], depth + 1)]));
}

/** Maps JSON Schema to a shape: integer→int, number→double, string/enum→string, boolean→bool, array→list. */
export function shapeFromSchema(schema: unknown, depth = 0): CelShape {
  if (!isPlainObject(schema) || depth > MAX_DEPTH) return DYN;
  switch (schemaType(schema)) {
    case 'integer':
      return { kind: 'int' };
    case 'number':
      return { kind: 'double' };
    case 'string':
      return { kind: 'string' };
    case 'boolean':
      return { kind: 'bool' };
    case 'array':
      return { kind: 'list', items: shapeFromSchema(schema.items, depth + 1) };
    case 'object':
      return objectShape(schema, depth);
    case undefined:
      if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) {
        return { kind: 'string' };
      }
      return isPlainObject(schema.properties) ? objectShape(schema, depth) : DYN;
    default:
      return DYN;
  }
}

function sameShape(a: CelShape, b: CelShape): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'list' && b.kind === 'list') return sameShape(a.items, b.items);
  if (a.kind === 'record' && b.kind === 'record') {
    const keys = Object.keys(a.fields);
    if (keys.length !== Object.keys(b.fields).length) return false;
    return keys.every((k) => k in b.fields && sameShape(a.fields[k]!, b.fields[k]!));
  }
  return true;
}

function listShape(values: unknown[], depth: number): CelShape {
  const shapes = values.map((v) => shapeFromValue(v, depth + 1));
  const first = shapes[0];
  if (!first || !shapes.every((s) => sameShape(first, s))) return { kind: 'list', items: DYN };
  return { kind: 'list', items: first };
}

/** Infers a shape from a value (parameters): integral numbers are int, other numbers double. */
export function shapeFromValue(value: unknown, depth = 0): CelShape {
  if (depth > MAX_DEPTH) return DYN;
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) ? { kind: 'int' } : { kind: 'double' };
    case 'string':
      return { kind: 'string' };
    case 'boolean':
      return { kind: 'bool' };
  }
  if (Array.isArray(value)) return listShape(value, depth);
  if (isPlainObject(value)) {
    return record(Object.keys(value).map((key) => [key, shapeFromValue(value[key], depth + 1)]));
  }
  return DYN;
}
