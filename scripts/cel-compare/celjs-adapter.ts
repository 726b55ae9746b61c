// `cel-js` (chevrotain-based) run directly. It has no type checker, no uint, no bytes, and keeps
// every number a JS number: an integral result is read as int, any other as double.

import {
  type ConformanceAdapter,
  type ConformanceCase,
  scalarToTyped,
  type TypedValue,
} from '@flowform/engine/cel-conformance';
import { evaluate, parse } from 'cel-js';

function toLib(v: TypedValue): unknown {
  switch (v.type) {
    case 'null':
      return null;
    case 'int':
    case 'uint':
      return Number(v.value);
    case 'list':
      return v.value.map(toLib);
    case 'map':
      return Object.fromEntries(v.value.map(([k, x]) => [String(toLib(k)), toLib(x)]));
    case 'timestamp':
    case 'duration':
    case 'type':
      throw new Error(`${v.type} bindings not supported`);
    default:
      return v.value;
  }
}

function fromLib(v: unknown): TypedValue {
  if (typeof v === 'number' && Number.isInteger(v)) return { type: 'int', value: BigInt(v) };
  const scalar = scalarToTyped(v);
  if (scalar) return scalar;
  if (Array.isArray(v)) return { type: 'list', value: v.map(fromLib) };
  if (typeof v === 'object') {
    return {
      type: 'map',
      value: Object.entries(v as object).map(([k, x]) => [{ type: 'string', value: k }, fromLib(x)]),
    };
  }
  throw new Error(`unknown value ${String(v)}`);
}

/** Parses, then evaluates with the bindings (no checking is available). */
export const celJsAdapter: ConformanceAdapter = (c: ConformanceCase) => {
  const parsed = parse(c.expr);
  if (!parsed.isSuccess) return { kind: 'error', phase: 'compile', message: parsed.errors.join('; ') };
  try {
    const bindings = Object.fromEntries(Object.entries(c.bindings).map(([k, v]) => [k, toLib(v)]));
    return { kind: 'value', value: fromLib(evaluate(parsed.cst, bindings)) };
  } catch (error) {
    return { kind: 'error', phase: 'evaluate', message: String(error) };
  }
};
