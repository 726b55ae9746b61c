/**
 * Conversions between JSON values and CEL runtime values at the edges of evaluation.
 * Inbound, untyped (`dyn`) JSON keeps numbers as double, as CEL's JSON mapping does; outbound,
 * everything becomes plain JS so no bigint, Date or cel-js class leaks into the engine.
 */
import { Duration, UnsignedInt } from '@marcbachmann/cel-js/evaluator';
import { isPlainObject, isUnsafeKey } from './cel-shape';

/** Marks record wrapper prototypes with their field names so results can be turned back into objects. */
export const RECORD_FIELDS: unique symbol = Symbol('flowform.recordFields');

const MAX_DEPTH = 64;

function tooDeep(): never {
  throw new RangeError(`value nested deeper than ${MAX_DEPTH} levels`);
}

/** A fresh prototype-less map holding only safe keys, so CEL lookups never reach Object.prototype. */
function safeMap(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const map: Record<string, unknown> = Object.create(null);
  for (const [key, value] of entries) if (!isUnsafeKey(key) && value !== undefined) map[key] = value;
  return map;
}

/** Converts untyped JSON into CEL values: maps become prototype-less, unsafe keys are dropped. */
export function jsonToCel(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) tooDeep();
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return value;
  }
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((v) => jsonToCel(v, depth + 1));
  if (isPlainObject(value)) {
    return safeMap(Object.keys(value).map((k) => [k, jsonToCel(value[k], depth + 1)]));
  }
  return undefined;
}

function recordFields(value: object): readonly string[] | undefined {
  return (value as { [RECORD_FIELDS]?: readonly string[] })[RECORD_FIELDS];
}

function objectToJs(value: object, depth: number): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Duration) return value.valueOf();
  if (value instanceof UnsignedInt) return Number(value.valueOf());
  if (value instanceof Uint8Array) return Array.from(value);
  if (Array.isArray(value) || value instanceof Set) return Array.from(value, (v) => celToJs(v, depth + 1));
  if (value instanceof Map) {
    return Object.fromEntries(
      [...value].filter(([k]) => !isUnsafeKey(String(k))).map(([k, v]) => [String(k), celToJs(v, depth + 1)]),
    );
  }
  const fields = recordFields(value) ?? (isPlainObject(value) ? Object.keys(value) : undefined);
  // Anything else is a cel-js value object; CEL type values render as `Type<int>`, kept as `int`.
  if (!fields) return String(value).replace(/^Type<(.*)>$/, '$1');
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of fields) {
    const v = isUnsafeKey(key) ? undefined : source[key];
    if (v !== undefined) out[key] = celToJs(v, depth + 1);
  }
  return out;
}

/** Converts a CEL result to plain JS: int→number, timestamp→ISO string, duration→milliseconds. */
export function celToJs(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) tooDeep();
  switch (typeof value) {
    case 'bigint':
      return Number(value);
    case 'object':
      return value === null ? null : objectToJs(value, depth);
    case 'function':
    case 'symbol':
      return undefined;
    default:
      return value;
  }
}
