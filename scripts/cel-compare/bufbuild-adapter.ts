// `@bufbuild/cel` run directly, without Flowform's checker, caps or additions. It has no type checker
// of its own (its `check` covers constants and identifiers only), so declarations only name the
// variables and every case is evaluated unchecked. Values convert as in the engine, which uses the
// same library as its evaluator.
import {
  type CelInput,
  CelScalar,
  type CelType,
  type CelValue,
  celEnv,
  isCelError,
  listType,
  mapType,
  parse,
  plan,
} from '@bufbuild/cel';
import {
  type ConformanceAdapter,
  type ConformanceCase,
  celToTyped,
  typedToCel,
} from '@flowform/engine/cel-conformance';

const SCALARS: Record<string, CelType> = {
  int: CelScalar.INT,
  uint: CelScalar.UINT,
  double: CelScalar.DOUBLE,
  string: CelScalar.STRING,
  bytes: CelScalar.BYTES,
  bool: CelScalar.BOOL,
  null: CelScalar.NULL,
};

function celTypeOf(name: string): CelType {
  const list = /^list<(.*)>$/.exec(name);
  if (list) return listType(celTypeOf(list[1]!));
  const map = /^map<([a-z]+), (.*)>$/.exec(name);
  if (map) return mapType(celTypeOf(map[1]!) as Parameters<typeof mapType>[0], celTypeOf(map[2]!));
  return SCALARS[name] ?? CelScalar.DYN;
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
  const result = program(Object.fromEntries(Object.entries(c.bindings).map(([k, v]) => [k, typedToCel(v)])));
  if (isCelError(result)) return { kind: 'error', phase: 'evaluate', message: result.message };
  return { kind: 'value', value: celToTyped(result as CelValue) };
};
