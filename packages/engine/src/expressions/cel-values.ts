/**
 * Conversions between JSON and the evaluator's values at the edges of evaluation. Inbound, untyped
 * (`dyn`) JSON keeps numbers as double, as CEL's JSON mapping does, and objects become maps without
 * the keys that reach JS internals. Outbound, everything becomes plain JS: an int or uint outside
 * ±2^53 is an error rather than a rounded number, and no bigint, message or library class leaks out.
 */
import { type CelInput, type CelValue, isCelList, isCelMap, isCelType, isCelUint } from '@bufbuild/cel';
import { isMessage } from '@bufbuild/protobuf';
import { isReflectMessage } from '@bufbuild/protobuf/reflect';
import { type Duration, DurationSchema, type Timestamp, TimestampSchema } from '@bufbuild/protobuf/wkt';
import { isPlainObject, isUnsafeKey } from './cel-shape';

const MAX_DEPTH = 64;

function tooDeep(): never {
  throw new RangeError(`value nested deeper than ${MAX_DEPTH} levels`);
}

/** Converts untyped JSON into evaluator values: objects become maps, unsafe keys are dropped. */
export function jsonToCel(value: unknown, depth = 0): CelInput | undefined {
  if (depth > MAX_DEPTH) tooDeep();
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
  }
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((v) => jsonToCel(v, depth + 1) ?? null);
  if (!isPlainObject(value)) return undefined;
  const map = new Map<string, CelInput>();
  for (const key of Object.keys(value)) {
    const converted = isUnsafeKey(key) ? undefined : jsonToCel(value[key], depth + 1);
    if (converted !== undefined) map.set(key, converted);
  }
  return map;
}

/** A wire message (timestamp, duration) inside an evaluator value, if it is one. */
export function messageOf(value: unknown): Timestamp | Duration | undefined {
  if (isReflectMessage(value)) return value.message as Timestamp | Duration;
  if (isMessage(value, TimestampSchema) || isMessage(value, DurationSchema)) return value;
  return undefined;
}

/** Milliseconds since the epoch, or of a duration (fractions of a millisecond kept). */
export function toMillis(m: Timestamp | Duration): number {
  return Number(m.seconds) * 1000 + m.nanos / 1e6;
}

/** ISO 8601 in UTC: milliseconds as `Date` writes them, or all nine digits when finer. */
export function timestampToIso(t: Timestamp): string {
  const iso = new Date(Number(t.seconds) * 1000).toISOString();
  if (t.nanos % 1e6 === 0) return iso.replace('.000Z', `.${String(t.nanos / 1e6).padStart(3, '0')}Z`);
  return iso.replace('.000Z', `.${String(t.nanos).padStart(9, '0')}Z`);
}

function exactNumber(value: bigint, type: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${type} result ${value} is outside the range a JSON number holds exactly (±2^53)`);
  }
  return Number(value);
}

function objectToJs(value: object, depth: number): unknown {
  if (isCelUint(value)) return exactNumber(value.value, 'uint');
  if (value instanceof Uint8Array) return Array.from(value);
  if (isCelList(value) || Array.isArray(value)) return Array.from(value, (v) => celToJs(v, depth + 1));
  if (isCelMap(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) {
      const key = String(isCelUint(k) ? k.value : k);
      if (!isUnsafeKey(key)) out[key] = celToJs(v, depth + 1);
    }
    return out;
  }
  if (isCelType(value)) return value.name;
  const message = messageOf(value);
  if (message?.$typeName === TimestampSchema.typeName) return timestampToIso(message as Timestamp);
  if (message) return toMillis(message);
  return undefined;
}

/** Converts a CEL result to plain JS: int→number, timestamp→ISO string, duration→milliseconds. */
export function celToJs(value: CelValue | unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) tooDeep();
  switch (typeof value) {
    case 'bigint':
      return exactNumber(value, 'int');
    case 'object':
      return value === null ? null : objectToJs(value, depth);
    case 'function':
    case 'symbol':
    case 'undefined':
      return undefined;
    default:
      return value;
  }
}
