/**
 * A CEL value with its type kept: exact 64-bit ints and uints as bigint, timestamps and durations as
 * seconds + nanoseconds. `evaluateTyped` returns these and `CelVariables.declared` takes them, so
 * callers that need exactness (the conformance suite, tools) never go through JS numbers.
 */

/** A CEL runtime value, tagged with its CEL type. */
export type TypedValue =
  | { type: 'null' }
  | { type: 'bool'; value: boolean }
  | { type: 'int'; value: bigint }
  | { type: 'uint'; value: bigint }
  | { type: 'double'; value: number }
  | { type: 'string'; value: string }
  | { type: 'bytes'; value: Uint8Array }
  | { type: 'list'; value: TypedValue[] }
  | { type: 'map'; value: Array<[TypedValue, TypedValue]> }
  | { type: 'timestamp'; seconds: bigint; nanos: number }
  | { type: 'duration'; seconds: bigint; nanos: number }
  /** A type value such as `int` or `list`, as `type(x)` returns it. */
  | { type: 'type'; value: string };

/** JS scalars as CEL values: null, bool, bigint→int, number→double, string; undefined otherwise. */
export function scalarToTyped(v: unknown): TypedValue | undefined {
  if (v === null) return { type: 'null' };
  switch (typeof v) {
    case 'boolean':
      return { type: 'bool', value: v };
    case 'bigint':
      return { type: 'int', value: v };
    case 'number':
      return { type: 'double', value: v };
    case 'string':
      return { type: 'string', value: v };
    default:
      return undefined;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function sameMap(a: Array<[TypedValue, TypedValue]>, b: Array<[TypedValue, TypedValue]>): boolean {
  if (a.length !== b.length) return false;
  return a.every(([key, value]) => b.some(([k, v]) => sameTypedValue(key, k) && sameTypedValue(value, v)));
}

/** Exact equality of type and value (maps ignore order; NaN equals NaN, so results can be compared). */
export function sameTypedValue(a: TypedValue, b: TypedValue): boolean {
  switch (a.type) {
    case 'null':
      return b.type === 'null';
    case 'double':
      return b.type === 'double' && (a.value === b.value || (Number.isNaN(a.value) && Number.isNaN(b.value)));
    case 'bytes':
      return b.type === 'bytes' && sameBytes(a.value, b.value);
    case 'list':
      return (
        b.type === 'list' &&
        a.value.length === b.value.length &&
        a.value.every((v, i) => sameTypedValue(v, b.value[i]!))
      );
    case 'map':
      return b.type === 'map' && sameMap(a.value, b.value);
    case 'timestamp':
    case 'duration':
      return b.type === a.type && a.seconds === b.seconds && a.nanos === b.nanos;
    default:
      return b.type === a.type && (b as { value: unknown }).value === a.value;
  }
}

/** A short CEL-like rendering for reports: `1u`, `b"\x01"`, `[1, "a"]`, `timestamp(12s+5ns)`. */
export function showTypedValue(v: TypedValue): string {
  switch (v.type) {
    case 'null':
      return 'null';
    case 'uint':
      return `${v.value}u`;
    case 'double':
      return Number.isInteger(v.value) ? `${v.value}.0` : String(v.value);
    case 'string':
      return JSON.stringify(v.value);
    case 'bytes':
      return `b"${Array.from(v.value, (b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')}"`;
    case 'list':
      return `[${v.value.map(showTypedValue).join(', ')}]`;
    case 'map':
      return `{${v.value.map(([k, x]) => `${showTypedValue(k)}: ${showTypedValue(x)}`).join(', ')}}`;
    case 'timestamp':
    case 'duration':
      return `${v.type}(${v.seconds}s+${v.nanos}ns)`;
    default:
      return String(v.value);
  }
}
