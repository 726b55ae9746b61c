/**
 * Schema-valid values from a JSON Schema (2020-12, the subset the API and the shipped forms use):
 * `$ref`, `const`, `enum`, `allOf`, `oneOf`/`anyOf`, type lists, string length, `pattern` (through
 * fast-check's `stringMatching`, seeded), `format`, number ranges and `multipleOf`, arrays and
 * objects with their required and some optional members. Conditionals (`if`/`then`) are not solved:
 * callers that need a valid form value check it with ajv and retry.
 */
import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations';
import type { Random } from './seeded-random';

export interface GenerateContext {
  random: Random;
  /** Follows `$ref`s of the document the schema came from. */
  resolve: (schema: JsonSchema) => JsonSchema;
}

const MAX_DEPTH = 8;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HAN = '党支部站长书记调整意见同意困难帮扶';

/** A value valid against `schema`. */
export function validValue(schema: JsonSchema, ctx: GenerateContext, depth = 0): unknown {
  const s = flatten(ctx.resolve(schema), ctx);
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return ctx.random.pick(s.enum);
  switch (pickType(s, ctx.random)) {
    case 'null':
      return null;
    case 'boolean':
      return ctx.random.chance(0.5);
    case 'integer':
    case 'number':
      return numberIn(
        s,
        ctx.random,
        s.type === 'integer' || (Array.isArray(s.type) && s.type.includes('integer')),
      );
    case 'array':
      return depth >= MAX_DEPTH ? [] : arrayOf(s, ctx, depth);
    case 'object':
      return depth >= MAX_DEPTH ? {} : objectOf(s, ctx, depth);
    default:
      return stringFor(s, ctx);
  }
}

/** `allOf` merged in, one `oneOf`/`anyOf` branch chosen and merged in. */
function flatten(schema: JsonSchema, ctx: GenerateContext): JsonSchema {
  let s: JsonSchema = { ...schema };
  if (Array.isArray(s.allOf)) {
    const parts = (s.allOf as JsonSchema[]).map((p) => flatten(ctx.resolve(p), ctx));
    delete s.allOf;
    for (const part of parts) s = merge(s, part);
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[key])) {
      const branch = flatten(ctx.resolve(ctx.random.pick(s[key] as JsonSchema[])), ctx);
      delete s[key];
      s = merge(s, branch);
    }
  }
  return s;
}

function merge(a: JsonSchema, b: JsonSchema): JsonSchema {
  const merged: JsonSchema = { ...a, ...b };
  if (a.properties && b.properties)
    merged.properties = { ...(a.properties as object), ...(b.properties as object) };
  if (Array.isArray(a.required) && Array.isArray(b.required))
    merged.required = [...new Set([...a.required, ...b.required])];
  if (Array.isArray(a.type) && typeof b.type === 'string') merged.type = b.type;
  if (typeof a.type === 'string' && Array.isArray(b.type)) merged.type = a.type;
  return merged;
}

function pickType(s: JsonSchema, random: Random): string {
  if (typeof s.type === 'string') return s.type;
  if (Array.isArray(s.type)) {
    const types = s.type as string[];
    const nonNull = types.filter((t) => t !== 'null');
    return nonNull.length > 0 && (nonNull.length === types.length || random.chance(0.85))
      ? random.pick(nonNull)
      : 'null';
  }
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return 'string';
}

function numberIn(s: JsonSchema, random: Random, integer: boolean): number {
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  let min = num('minimum') ?? num('exclusiveMinimum') ?? -Infinity;
  let max = num('maximum') ?? num('exclusiveMaximum') ?? Infinity;
  if (num('exclusiveMinimum') !== undefined && num('minimum') === undefined) min += integer ? 1 : 0.01;
  if (num('exclusiveMaximum') !== undefined && num('maximum') === undefined) max -= integer ? 1 : 0.01;
  if (!Number.isFinite(min)) min = Number.isFinite(max) ? max - 1000 : 0;
  if (!Number.isFinite(max)) max = min + 1000;
  const step = num('multipleOf');
  if (step) {
    const lo = Math.ceil(min / step);
    const hi = Math.floor(max / step);
    return hi < lo ? min : Number((random.int(lo, Math.min(hi, lo + 10_000)) * step).toFixed(10));
  }
  if (integer) return random.int(Math.ceil(min), Math.floor(Math.min(max, Math.ceil(min) + 1_000_000)));
  return Number((min + random.next() * (max - min)).toFixed(2));
}

function arrayOf(s: JsonSchema, ctx: GenerateContext, depth: number): unknown[] {
  const min = typeof s.minItems === 'number' ? s.minItems : 0;
  const max = typeof s.maxItems === 'number' ? s.maxItems : min + 3;
  const n = ctx.random.int(min, Math.min(max, min + 3));
  const items = (s.items as JsonSchema | undefined) ?? {};
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (let tries = 0; out.length < n && tries < n * 4; tries++) {
    const v = validValue(items, ctx, depth + 1);
    const key = JSON.stringify(v);
    if (s.uniqueItems && seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

function objectOf(s: JsonSchema, ctx: GenerateContext, depth: number): Record<string, unknown> {
  const properties = (s.properties as Record<string, JsonSchema> | undefined) ?? {};
  const required = new Set((s.required as string[] | undefined) ?? []);
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(properties)) {
    if (required.has(name) || ctx.random.chance(0.5)) out[name] = validValue(prop, ctx, depth + 1);
  }
  return out;
}

const patternArbitraries = new Map<string, fc.Arbitrary<string>>();

function stringFor(s: JsonSchema, ctx: GenerateContext): string {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Math.max(min, 40);
  const fits = (v: string) => [...v].length >= min && [...v].length <= max;
  if (typeof s.format === 'string') {
    const v = formatted(s.format, ctx.random);
    if (v !== undefined && fits(v)) return v;
  }
  if (typeof s.pattern === 'string') {
    let arbitrary = patternArbitraries.get(s.pattern);
    if (!arbitrary) {
      arbitrary = fc.stringMatching(new RegExp(s.pattern, 'u'));
      patternArbitraries.set(s.pattern, arbitrary);
    }
    let last = '';
    for (let i = 0; i < 8; i++) {
      last = fc.sample(arbitrary, { seed: ctx.random.fork(), numRuns: 1 })[0]!;
      if (fits(last)) return last;
    }
    return last;
  }
  const n = ctx.random.int(min, Math.min(max, min + 24));
  const alphabet = ctx.random.chance(0.3) ? HAN : LETTERS;
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[ctx.random.int(0, alphabet.length - 1)];
  return out;
}

function formatted(format: string, random: Random): string | undefined {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${random.int(2020, 2030)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
  const time = `${pad(random.int(0, 23))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}`;
  switch (format) {
    case 'date':
      return date;
    case 'date-time':
      return `${date}T${time}Z`;
    case 'time':
      return `${time}Z`;
    case 'email':
      return `user${random.int(1, 999)}@example.com`;
    case 'uri':
      return `https://example.com/${random.int(1, 999)}`;
    case 'uuid':
      return [8, 4, 4, 4, 12]
        .map((w, i) =>
          Array.from({ length: w }, (_, j) =>
            i === 2 && j === 0 ? '4' : '0123456789abcdef'[random.int(0, 15)],
          ).join(''),
        )
        .join('-');
    default:
      return undefined;
  }
}
