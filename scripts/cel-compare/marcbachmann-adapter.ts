// `@marcbachmann/cel-js` run directly (no Flowform wrapper): declarations become variables, and
// mixed list/map literals are allowed (as in cel-go).

import {
  type ConformanceAdapter,
  type ConformanceCase,
  scalarToTyped,
  type TypedValue,
} from '@flowform/engine/cel-conformance';
import { Environment } from '@marcbachmann/cel-js';
import { Duration, UnsignedInt } from '@marcbachmann/cel-js/evaluator';

function toLib(v: TypedValue): unknown {
  switch (v.type) {
    case 'null':
      return null;
    case 'uint':
      return new UnsignedInt(v.value);
    case 'list':
      return v.value.map(toLib);
    case 'map':
      return new Map(v.value.map(([k, x]) => [toLib(k), toLib(x)]));
    case 'timestamp':
      return new Date(Number(v.seconds) * 1000 + Math.floor(v.nanos / 1e6));
    case 'duration':
      return new Duration(v.seconds, v.nanos);
    case 'type':
      throw new Error('type bindings not supported');
    default:
      return v.value;
  }
}

function fromLib(v: unknown): TypedValue {
  const scalar = scalarToTyped(v);
  if (scalar) return scalar;
  if (v instanceof UnsignedInt) return { type: 'uint', value: v.valueOf() };
  if (v instanceof Uint8Array) return { type: 'bytes', value: v };
  if (Array.isArray(v)) return { type: 'list', value: v.map(fromLib) };
  if (v instanceof Map) return { type: 'map', value: [...v].map(([k, x]) => [fromLib(k), fromLib(x)]) };
  if (v instanceof Date) {
    const ms = BigInt(v.getTime());
    const seconds = ms >= 0n ? ms / 1000n : -((-ms + 999n) / 1000n);
    return { type: 'timestamp', seconds, nanos: Number(ms - seconds * 1000n) * 1e6 };
  }
  if (v instanceof Duration) return { type: 'duration', seconds: v.seconds, nanos: v.nanos };
  if (typeof v === 'object' && v && Object.getPrototypeOf(v) === Object.prototype) {
    return {
      type: 'map',
      value: Object.entries(v).map(([k, x]) => [{ type: 'string', value: k }, fromLib(x)]),
    };
  }
  const name = String(v).match(/^Type<(.*)>$/)?.[1] ?? (v as { name?: string }).name;
  if (name !== undefined)
    return {
      type: 'type',
      value: name.replace(/^google\.protobuf\.(Timestamp|Duration)$/, 'google.protobuf.$1'),
    };
  throw new Error(`unknown value ${String(v)}`);
}

/** Checks (unless the case disables it), then evaluates with the bindings. */
export const marcbachmannAdapter: ConformanceAdapter = (c: ConformanceCase) => {
  const env = new Environment({ homogeneousAggregateLiterals: false });
  for (const [name, type] of Object.entries(c.declarations)) env.registerVariable(name, type);
  let parsed: ReturnType<Environment['parse']>;
  try {
    parsed = env.parse(c.expr);
    const checked = parsed.check();
    if (!checked.valid) return { kind: 'error', phase: 'compile', message: String(checked.error?.message) };
  } catch (error) {
    return { kind: 'error', phase: 'compile', message: String(error) };
  }
  const bindings = Object.fromEntries(Object.entries(c.bindings).map(([k, v]) => [k, toLib(v)]));
  try {
    return { kind: 'value', value: fromLib(parsed(bindings)) };
  } catch (error) {
    return { kind: 'error', phase: 'evaluate', message: String(error) };
  }
};
