/**
 * Test support for the soundness property: expressions over a case schema's fields, driven by a
 * seed. Roughly type-directed, so that many of them pass the checker, yet loose on purpose (dyn
 * fields, unions, mixed numbers, optional fields) so that the lint refusals are exercised too.
 * Covers field access, arithmetic, comparisons, `in`, `size`, `has`, the macros `exists`/`all`/
 * `map`/`filter` with their iteration variables, ternaries, string functions and `matches`.
 */
import type { Schema } from './schema-arbitraries';

/** What a generated sub-expression is meant to be. */
type Kind = 'int' | 'double' | 'string' | 'bool' | 'dyn' | 'list' | 'record';

interface Term {
  text: string;
  kind: Kind;
  /** Element kind (lists) or fields (records). */
  items?: Term[];
  fields?: Record<string, Term>;
}

/** A small deterministic PRNG (mulberry32), so each expression is a function of its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function kindOf(schema: Schema): Kind {
  if (Array.isArray(schema.enum)) return 'string';
  switch (schema.type) {
    case 'integer':
      return 'int';
    case 'number':
      return 'double';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'array':
      return 'list';
    case 'object':
      return 'record';
    default:
      return 'dyn';
  }
}

function term(text: string, schema: Schema): Term {
  const kind = kindOf(schema);
  if (kind === 'list') {
    const items = schema.items as Schema | undefined;
    return { text, kind, items: [term('', items ?? {})] };
  }
  if (kind === 'record') {
    const props = (schema.properties as Record<string, Schema>) ?? {};
    return {
      text,
      kind,
      fields: Object.fromEntries(Object.entries(props).map(([k, s]) => [k, term(`${text}.${k}`, s)])),
    };
  }
  return { text, kind };
}

function fieldsOf(t: Term): Term[] {
  const out: Term[] = [t];
  for (const f of Object.values(t.fields ?? {})) out.push(...fieldsOf(f));
  return out;
}

const LITERALS: Record<Kind, string[]> = {
  int: ['0', '1', '2', '-3', '100', '9223372036854775807'],
  double: ['0.5', '2.0', '-1.5', '1e3'],
  string: ['"a"', '"urgent"', '""', '"2024-05-01"'],
  bool: ['true', 'false'],
  dyn: ['dyn(1)', 'dyn("x")'],
  list: ['[1, 2]', '["a", "b"]', '[]', '[1.5]'],
  record: [],
};

/** Generates expressions for one schema. */
export function expressionGenerator(schema: Schema): (seed: number) => string {
  const data = term('data', schema);
  const all = fieldsOf(data).filter((t) => t.text !== 'data');

  return (seed) => {
    const r = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const chance = (p: number) => r() < p;

    const leaf = (kind: Kind, scope: Term[]): string => {
      const candidates = [...all, ...scope].filter((t) => t.kind === kind || (kind === 'dyn' && chance(0.3)));
      if (candidates.length > 0 && chance(0.7)) {
        const t = pick(candidates);
        if (t.kind === 'record' && t.fields && Object.keys(t.fields).length > 0)
          return pick(Object.values(t.fields)).text;
        return t.text;
      }
      const literals = LITERALS[kind];
      return literals.length > 0 ? pick(literals) : pick(LITERALS.int);
    };

    const loose = (kind: Kind): Kind => (chance(0.2) ? pick<Kind>(['int', 'double', 'string', 'dyn']) : kind);

    const macro = (scope: Term[], depth: number): string => {
      const lists = [...all, ...scope].filter((t) => t.kind === 'list');
      if (lists.length === 0) return leaf('bool', scope);
      const list = pick(lists);
      const element = list.items?.[0] ?? { text: '', kind: 'dyn' as Kind };
      const name = `v${depth}`;
      const v: Term =
        element.kind === 'record'
          ? {
              ...element,
              text: name,
              fields: Object.fromEntries(
                Object.entries(element.fields ?? {}).map(([k, f]) => [k, { ...f, text: `${name}.${k}` }]),
              ),
            }
          : { text: name, kind: element.kind };
      const inner = [...scope, v, ...(v.fields ? Object.values(v.fields) : [])];
      const fn = pick(['exists', 'all', 'exists_one', 'filter', 'map']);
      if (fn === 'map')
        return `size(${list.text}.map(${name}, ${gen(pick<Kind>(['int', 'string', 'dyn']), inner, depth - 1)})) > 0`;
      return `${fn === 'filter' ? 'size(' : ''}${list.text}.${fn}(${name}, ${gen('bool', inner, depth - 1)})${fn === 'filter' ? ') >= 0' : ''}`;
    };

    const gen = (kind: Kind, scope: Term[], depth: number): string => {
      if (depth <= 0 || chance(0.25)) return leaf(kind, scope);
      const sub = (k: Kind) => gen(loose(k), scope, depth - 1);
      switch (kind) {
        case 'int':
        case 'double':
          return pick([
            () => `(${sub(kind)} ${pick(['+', '-', '*', '/', '%'])} ${sub(chance(0.5) ? kind : 'int')})`,
            () => `size(${chance(0.5) ? leaf('list', scope) : sub('string')})`,
            () => `(${sub('bool')} ? ${sub(kind)} : ${sub(kind)})`,
            () => `${kind}(${sub(pick<Kind>(['int', 'double', 'string']))})`,
          ])();
        case 'string':
          return pick([
            () => `${sub('string')} + ${sub('string')}`,
            () => `string(${sub(pick<Kind>(['int', 'double', 'string', 'bool']))})`,
            () => `(${sub('bool')} ? ${sub('string')} : ${sub('string')})`,
          ])();
        case 'bool': {
          const operand = pick<Kind>(['int', 'double', 'string', 'dyn', 'bool']);
          return pick([
            () =>
              `${sub(operand)} ${pick(['<', '<=', '>', '>=', '==', '!='])} ${sub(chance(0.7) ? operand : 'int')}`,
            () => `${sub(operand)} in ${chance(0.6) ? leaf('list', scope) : leaf('dyn', scope)}`,
            () => `has(${pick(all.filter((t) => t.text.split('.').length > 1)).text})`,
            () => `!(${sub('bool')})`,
            () => `${sub('bool')} ${pick(['&&', '||'])} ${sub('bool')}`,
            () => `${sub('string')}.${pick(['startsWith', 'endsWith', 'contains'])}(${sub('string')})`,
            () => `${sub('string')}.matches(${pick(['"^[a-z]+$"', '"(a+)+$"', '"\\\\d{4}-\\\\d{2}"'])})`,
            () => macro(scope, depth),
          ])();
        }
        default:
          return leaf(kind, scope);
      }
    };

    return gen(chance(0.85) ? 'bool' : pick<Kind>(['int', 'double', 'string', 'dyn']), [], 3);
  };
}
