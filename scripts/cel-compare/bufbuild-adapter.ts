// `@bufbuild/cel` run directly. It has no type checker (its `check` covers constants and identifiers
// only), so declarations only name the variables; every case is evaluated unchecked.
import {
  type CelInput,
  CelScalar,
  type CelType,
  type CelValue,
  celEnv,
  celList,
  celMap,
  celUint,
  isCelError,
  isCelList,
  isCelMap,
  isCelType,
  isCelUint,
  listType,
  mapType,
  parse,
  plan,
} from '@bufbuild/cel';
import { create, isMessage } from '@bufbuild/protobuf';
import { isReflectMessage } from '@bufbuild/protobuf/reflect';
import { DurationSchema, TimestampSchema } from '@bufbuild/protobuf/wkt';
import type { ConformanceAdapter, ConformanceCase, TypedValue } from '@flowform/engine/cel-conformance';

function celTypeOf(name: string): CelType {
  const list = /^list<(.*)>$/.exec(name);
  if (list) return listType(celTypeOf(list[1]!));
  const map = /^map<([a-z]+), (.*)>$/.exec(name);
  if (map) return mapType(celTypeOf(map[1]!) as Parameters<typeof mapType>[0], celTypeOf(map[2]!));
  const scalars: Record<string, CelType> = {
    int: CelScalar.INT,
    uint: CelScalar.UINT,
    double: CelScalar.DOUBLE,
    string: CelScalar.STRING,
    bytes: CelScalar.BYTES,
    bool: CelScalar.BOOL,
    null: CelScalar.NULL,
  };
  return scalars[name] ?? CelScalar.DYN;
}

function toLib(v: TypedValue): CelInput {
  switch (v.type) {
    case 'null':
      return null;
    case 'uint':
      return celUint(v.value);
    case 'list':
      return celList(v.value.map(toLib));
    case 'map':
      return celMap(new Map(v.value.map(([k, x]) => [toLib(k) as string, toLib(x)])));
    case 'timestamp':
      return create(TimestampSchema, { seconds: v.seconds, nanos: v.nanos });
    case 'duration':
      return create(DurationSchema, { seconds: v.seconds, nanos: v.nanos });
    case 'type':
      throw new Error('type bindings not supported');
    default:
      return v.value;
  }
}

function fromMessage(v: { $typeName: string; seconds?: bigint; nanos?: number }): TypedValue {
  if (v.$typeName === TimestampSchema.typeName)
    return { type: 'timestamp', seconds: v.seconds!, nanos: v.nanos! };
  if (v.$typeName === DurationSchema.typeName)
    return { type: 'duration', seconds: v.seconds!, nanos: v.nanos! };
  throw new Error(`message ${v.$typeName}`);
}

function fromLib(v: CelValue): TypedValue {
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
  }
  if (isCelUint(v)) return { type: 'uint', value: v.value };
  if (v instanceof Uint8Array) return { type: 'bytes', value: v };
  if (isCelList(v)) return { type: 'list', value: [...v].map(fromLib) };
  if (isCelMap(v))
    return { type: 'map', value: [...v].map(([k, x]) => [fromLib(k as CelValue), fromLib(x)]) };
  if (isCelType(v)) return { type: 'type', value: v.name };
  if (isReflectMessage(v)) return fromMessage(v.message as never);
  if (isMessage(v)) return fromMessage(v as never);
  throw new Error(`unknown value ${String(v)}`);
}

/** Parses and plans (no checking), then evaluates with the bindings. */
export const bufbuildAdapter: ConformanceAdapter = (c: ConformanceCase) => {
  const variables = Object.fromEntries(Object.entries(c.declarations).map(([k, t]) => [k, celTypeOf(t)]));
  let program: (ctx: Record<string, CelInput>) => unknown;
  try {
    program = plan(celEnv({ variables }), parse(c.expr)) as never;
  } catch (error) {
    return { kind: 'error', phase: 'compile', message: String(error) };
  }
  const result = program(Object.fromEntries(Object.entries(c.bindings).map(([k, v]) => [k, toLib(v)])));
  if (isCelError(result)) return { kind: 'error', phase: 'evaluate', message: result.message };
  return { kind: 'value', value: fromLib(result as CelValue) };
};
