/**
 * fast-check arbitraries of form data for a JSON Schema: values built to fit the schema (right
 * types, within bounds, matching patterns and formats, required fields present) and the same
 * values mutated (a field set to odd JSON, removed, an unknown field added, an item duplicated).
 */
import fc from 'fast-check';
import { regexSample } from '../../packages/engine/src/simulation/regex-sample';

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Data for `root`: fitting, mutated, or arbitrary JSON. */
export function formData(root: Schema): fc.Arbitrary<unknown> {
  const fitting = fittingValue(root, root, 0);
  return fc.oneof(
    { weight: 3, arbitrary: fitting },
    { weight: 4, arbitrary: fitting.chain(mutated) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

function deref(root: Schema, schema: Schema): Schema {
  if (typeof schema.$ref !== 'string' || !schema.$ref.startsWith('#/')) return schema;
  let node: unknown = root;
  for (const key of schema.$ref.slice(2).split('/')) node = isObject(node) ? node[key] : undefined;
  return isObject(node) ? { ...node, ...schema, $ref: undefined } : schema;
}

/** A value meant to satisfy `schema` (conditional requirements aside). */
function fittingValue(raw: unknown, root: Schema, depth: number): fc.Arbitrary<unknown> {
  if (!isObject(raw) || depth > 6) return fc.constant(null);
  const schema = deref(root, raw);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const branches = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (Array.isArray(branches) && branches.length > 0 && branches.every((b) => isObject(b) && 'const' in b)) {
    return fc.constantFrom(...branches.map((b) => (b as Schema).const));
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  return fc.oneof(...types.map((type) => typed(type, schema, root, depth)));
}

function typed(type: string, schema: Schema, root: Schema, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return text(schema);
    case 'number':
    case 'integer':
      return numeric(schema, type === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = fittingValue(schema.items ?? {}, root, depth + 1);
      const constraints = {
        minLength: (schema.minItems as number | undefined) ?? 0,
        maxLength: Math.min((schema.maxItems as number | undefined) ?? 3, 3),
      };
      return schema.uniqueItems === true
        ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(items, constraints);
    }
    case 'object': {
      const props = isObject(schema.properties) ? schema.properties : {};
      const model = Object.fromEntries(
        Object.entries(props).map(([k, s]) => [k, fittingValue(s, root, depth + 1)]),
      );
      const required = (Array.isArray(schema.required) ? schema.required : []).filter((k) => k in model);
      return fc.record(model, { requiredKeys: required as string[] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function formatted(format: string): fc.Arbitrary<string> | undefined {
  const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });
  switch (format) {
    case 'date':
      return day.map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return day.map((d) => d.toISOString());
    case 'time':
      return fc
        .tuple(fc.nat(23), fc.nat(59), fc.nat(59))
        .map((t) => `${t.map((n) => String(n).padStart(2, '0')).join(':')}+08:00`);
    case 'email':
      return fc.constantFrom('wang.fang@example.com', 'li@oil.cn');
    case 'uri':
      return fc.constantFrom('https://example.com/a', 'http://oil.cn/doc?id=1');
    case 'uuid':
      return fc.uuid();
  }
  return undefined;
}

const CHARS = fc.constantFrom(...'ab字符😀 /~0-');

/** Strings at the edge of each format: leap days, leap seconds, missing zones, odd spellings. */
const FORMAT_EDGES: Record<string, string[]> = {
  date: ['2024-02-29', '2025-02-29', '2026-04-31', '2026-00-10', '2026-1-5', '20260301'],
  'date-time': [
    '2026-03-01T08:00:00',
    '2026-03-01 08:00:00+08:00',
    '2026-03-01t08:00:00z',
    '2026-02-29T08:00:00Z',
  ],
  time: ['23:59:60Z', '23:59:60+08:00', '08:00:00', '24:00:00Z', '08:00:00.123-05:30'],
  email: ['a@b', 'a..b@c.cn', 'wang@例子.cn', '@oil.cn'],
  uri: ['example.com', 'https://例子.cn', 'urn:isbn:0451450523', 'http://[::1]/'],
  uuid: ['urn:uuid:123e4567-e89b-12d3-a456-426614174000', '123e4567e89b12d3a456426614174000'],
};

function text(schema: Schema): fc.Arbitrary<string> {
  const format = typeof schema.format === 'string' ? formatted(schema.format) : undefined;
  if (format)
    return fc.oneof(
      { weight: 4, arbitrary: format },
      fc.constantFrom(...FORMAT_EDGES[schema.format as string]!),
    );
  const min = (schema.minLength as number | undefined) ?? 0;
  const max = Math.max(min, Math.min((schema.maxLength as number | undefined) ?? 12, 12));
  if (typeof schema.pattern === 'string') {
    const samples = [0, 1, 2, 3, 4, 5]
      .map((i) => regexSample(schema.pattern as string, i))
      .filter((s) => s !== undefined);
    if (samples.length > 0) return fc.constantFrom(...samples);
  }
  const plain = fc.string({ unit: CHARS, minLength: min, maxLength: max });
  const limit = schema.maxLength as number | undefined;
  if (limit === undefined) return plain;
  // At and just over the limit, counted in code points (an emoji is one character, two UTF-16 units).
  const edges = fc.constantFrom(
    'x'.repeat(limit),
    '字'.repeat(limit + 1),
    '😀'.repeat(limit),
    '😀'.repeat(limit + 1),
  );
  return fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: edges });
}

function numeric(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const bound = (inclusive: unknown, exclusive: unknown, fallback: number, step: number) =>
    typeof inclusive === 'number' ? inclusive : typeof exclusive === 'number' ? exclusive + step : fallback;
  const min = bound(schema.minimum, schema.exclusiveMinimum, -1000, 0.5);
  const max = bound(schema.maximum, schema.exclusiveMaximum, 100000, -0.5);
  const step = typeof schema.multipleOf === 'number' ? schema.multipleOf : integer ? 1 : undefined;
  const limits = [schema.minimum, schema.maximum, schema.exclusiveMinimum, schema.exclusiveMaximum];
  const edges = fc.constantFrom(...limits.filter((l): l is number => typeof l === 'number'), min, max);
  if (step === undefined) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
      edges,
    );
  }
  const low = Math.ceil(min / step);
  const high = Math.max(low, Math.floor(max / step));
  const multiple = fc.integer({ min: low, max: Math.min(high, low + 10_000_000) }).map((k) => k * step);
  // Just off a multiple: within ajv's 1e-9 tolerance, beyond it, half a step.
  const nearly = fc
    .tuple(multiple, fc.constantFrom(1e-11, -1e-11, 1e-8, -1e-8, step / 2))
    .map(([m, off]) => m + off);
  return fc.oneof(
    { weight: 4, arbitrary: multiple },
    { weight: 1, arbitrary: nearly },
    { weight: 1, arbitrary: edges },
  );
}

/** One change to a value: at the `at`-th place in it, set, remove, add a field or duplicate an item. */
interface Mutation {
  at: number;
  op: 'set' | 'remove' | 'add' | 'duplicate';
  key: string;
  value: unknown;
}

const ODD_VALUES = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', ' ', 'x'.repeat(300), -1, 0, 1.5, 0.30000000000000004, 1e21, -0, 19.99, 0.07),
  fc.constantFrom(true, false, null, [], {}, '2026-02-30', '2026-13-01', '25:00:00+08:00', 'not an email'),
);

const MUTATION: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('set', 'set', 'remove', 'add', 'duplicate'),
  key: fc.constantFrom('extra', 'a/b', '~0', '字段', '__proto__', 'constructor', 'toString'),
  value: ODD_VALUES,
});

/** Every place in a value: [container, key] pairs (the root has no container). */
function places(value: unknown, out: [Schema | unknown[], string | number][] = []) {
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : isObject(value)
      ? Object.entries(value)
      : [];
  for (const [key, child] of entries) {
    out.push([value as Schema | unknown[], key]);
    places(child, out);
  }
  return out;
}

/** `value` with one to three mutations. */
export function mutated(value: unknown): fc.Arbitrary<unknown> {
  return fc.array(MUTATION, { minLength: 1, maxLength: 3 }).map((mutations) => mutate(value, mutations));
}

function mutate(start: unknown, mutations: Mutation[]): unknown {
  let value = structuredClone(start);
  for (const m of mutations) {
    const all = places(value);
    if (all.length === 0) {
      value = m.op === 'set' ? m.value : value;
      continue;
    }
    const [container, key] = all[m.at % all.length]!;
    const target = (container as Record<string | number, unknown>)[key];
    if (m.op === 'set') (container as Record<string | number, unknown>)[key] = structuredClone(m.value);
    else if (m.op === 'remove') {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key as string];
    } else if (m.op === 'add' && isObject(target)) {
      Object.defineProperty(target, m.key, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if (m.op === 'duplicate' && Array.isArray(target) && target.length > 0) {
      target.push(structuredClone(target[0]));
    }
  }
  return value;
}
