/**
 * A JSON Schema (2020-12 subset the engine allows in forms) checker that interprets the schema
 * instead of compiling it to code: no `eval`/`new Function`, so it runs under a CSP without
 * 'unsafe-eval'. The server's ajv validation stays the authority; this gives the same messages
 * inline. Keywords it does not know are ignored (the server still checks them).
 */

import type { MessageSpec } from '@flowform/engine';
import { deref } from './field-labels';
import { isSchemaObject } from './json-pointer';

export interface Issue {
  /** Where the error shows (a missing property points at the property). */
  path: string[];
  /** The field the message names. */
  labelPath: string[];
  spec: MessageSpec;
  /** The title of the schema that failed, when the label lookup finds none. */
  ownTitle?: unknown;
  /** Option names for enum-like failures are resolved later (they need the labels). */
  options?: { value: unknown; title?: string }[];
}

type Schema = Record<string, unknown> | boolean;

const FORMATS: Record<string, RegExp> = {
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  'date-time': /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:?\d\d)$/,
  time: /^\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:?\d\d)$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uri: /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

const typeOf = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v;

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return typeof value === 'number' && Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeOf(value) === type;
}

const equal = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => equal((a as never)[k], (b as never)[k]));
};

const regexCache = new Map<string, RegExp | null>();
function regex(pattern: string): RegExp | null {
  if (!regexCache.has(pattern)) {
    try {
      regexCache.set(pattern, new RegExp(pattern, 'u'));
    } catch {
      regexCache.set(pattern, null);
    }
  }
  return regexCache.get(pattern) ?? null;
}

const length = (s: string) => [...s].length;

function isMultiple(value: number, factor: number): boolean {
  const q = value / factor;
  return Math.abs(q - Math.round(q)) < 1e-9 * Math.max(1, Math.abs(q));
}

/** Every problem of `data` against `schema` (resolving refs against `root`). */
export function checkSchema(schema: Schema, data: unknown, root: Record<string, unknown>): Issue[] {
  const out: Issue[] = [];
  visit(schema, data, [], root, out, 0);
  return out;
}

/** Whether `data` satisfies `schema`. */
export const satisfies = (schema: Schema, data: unknown, root: Record<string, unknown>) =>
  checkSchema(schema, data, root).length === 0;

function visit(
  schema: Schema,
  data: unknown,
  at: string[],
  root: Record<string, unknown>,
  out: Issue[],
  depth: number,
) {
  if (schema === true || depth > 64) return;
  if (schema === false) {
    out.push({ path: at, labelPath: at, spec: { kind: 'falseSchema' } });
    return;
  }
  const s = deref(root, schema) ?? schema;
  const add = (spec: MessageSpec, extra: Partial<Issue> = {}) =>
    out.push({ path: at, labelPath: at, spec, ownTitle: s.title, ...extra });

  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    // like ajv, the other keywords still run (each applies only to data of its own JSON type)
    if (!types.some((t) => hasType(data, t))) add({ kind: 'type', types });
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => equal(e, data)))
    add({ kind: 'enum', options: [] }, { options: s.enum.map((value) => ({ value })) });
  if ('const' in s && !equal(s.const, data)) add({ kind: 'const', value: s.const });

  if (typeof data === 'string') checkString(s, data, add);
  if (typeof data === 'number') checkNumber(s, data, add);
  if (Array.isArray(data)) checkArray(s, data, at, root, out, depth, add);
  if (isSchemaObject(data)) checkObject(s, data, at, root, out, depth, add);

  if (Array.isArray(s.allOf)) for (const sub of s.allOf) visit(sub as Schema, data, at, root, out, depth + 1);
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = s[keyword];
    if (!Array.isArray(branches)) continue;
    const passing = branches.filter((b) => satisfiesAt(b as Schema, data, root, depth));
    if (keyword === 'anyOf' ? passing.length > 0 : passing.length === 1) continue;
    const consts = branches.every((b) => isSchemaObject(b) && 'const' in b);
    if (consts)
      add(
        { kind: 'enum', options: [] },
        {
          options: (branches as Record<string, unknown>[]).map((b) => ({
            value: b.const,
            title: b.title as string | undefined,
          })),
        },
      );
    else add({ kind: 'invalid' });
  }
  if (s.not !== undefined && satisfiesAt(s.not as Schema, data, root, depth)) add({ kind: 'not' });
  if (s.if !== undefined) {
    const branch = satisfiesAt(s.if as Schema, data, root, depth) ? s.then : s.else;
    if (branch !== undefined) visit(branch as Schema, data, at, root, out, depth + 1);
  }
}

function satisfiesAt(schema: Schema, data: unknown, root: Record<string, unknown>, depth: number) {
  const out: Issue[] = [];
  visit(schema, data, [], root, out, depth + 1);
  return out.length === 0;
}

type Add = (spec: MessageSpec, extra?: Partial<Issue>) => void;

function checkString(s: Record<string, unknown>, data: string, add: Add) {
  if (typeof s.minLength === 'number' && length(data) < s.minLength)
    add({ kind: 'minLength', limit: s.minLength });
  if (typeof s.maxLength === 'number' && length(data) > s.maxLength)
    add({ kind: 'maxLength', limit: s.maxLength });
  if (typeof s.pattern === 'string' && regex(s.pattern)?.test(data) === false) add({ kind: 'pattern' });
  if (typeof s.format === 'string' && FORMATS[s.format] && !validFormat(s.format, data))
    add({ kind: 'format', format: s.format });
}

function validFormat(format: string, data: string): boolean {
  if (!FORMATS[format]!.test(data)) return false;
  if (format === 'date') {
    const d = new Date(`${data}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(data);
  }
  return true;
}

function checkNumber(s: Record<string, unknown>, data: number, add: Add) {
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  const [min, max, xmin, xmax, mult] = [
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'multipleOf',
  ].map(num);
  if (min !== undefined && data < min) add({ kind: 'minimum', limit: min });
  if (max !== undefined && data > max) add({ kind: 'maximum', limit: max });
  if (xmin !== undefined && data <= xmin) add({ kind: 'exclusiveMinimum', limit: xmin });
  if (xmax !== undefined && data >= xmax) add({ kind: 'exclusiveMaximum', limit: xmax });
  if (mult !== undefined && mult > 0 && !isMultiple(data, mult)) add({ kind: 'multipleOf', factor: mult });
}

function checkArray(
  s: Record<string, unknown>,
  data: unknown[],
  at: string[],
  root: Record<string, unknown>,
  out: Issue[],
  depth: number,
  add: Add,
) {
  if (typeof s.minItems === 'number' && data.length < s.minItems)
    add({ kind: 'minItems', limit: s.minItems });
  if (typeof s.maxItems === 'number' && data.length > s.maxItems)
    add({ kind: 'maxItems', limit: s.maxItems });
  if (s.uniqueItems === true) {
    outer: for (let i = 1; i < data.length; i++)
      for (let j = 0; j < i; j++)
        if (equal(data[i], data[j])) {
          add({ kind: 'uniqueItems', first: j + 1, second: i + 1 });
          break outer;
        }
  }
  const prefix = Array.isArray(s.prefixItems) ? (s.prefixItems as Schema[]) : [];
  data.forEach((item, i) => {
    const sub = i < prefix.length ? prefix[i] : (s.items as Schema | undefined);
    if (sub !== undefined) visit(sub, item, [...at, String(i)], root, out, depth + 1);
  });
  if (s.contains !== undefined && !data.some((item) => satisfiesAt(s.contains as Schema, item, root, depth)))
    add({ kind: 'contains' });
}

function checkObject(
  s: Record<string, unknown>,
  data: Record<string, unknown>,
  at: string[],
  root: Record<string, unknown>,
  out: Issue[],
  depth: number,
  add: Add,
) {
  const props = isSchemaObject(s.properties) ? s.properties : {};
  if (Array.isArray(s.required))
    for (const key of s.required as string[])
      if (!Object.hasOwn(data, key) || data[key] === undefined)
        out.push({ path: [...at, key], labelPath: [...at, key], spec: { kind: 'required' } });
  const keys = Object.keys(data).filter((k) => data[k] !== undefined);
  if (typeof s.minProperties === 'number' && keys.length < s.minProperties)
    add({ kind: 'minProperties', limit: s.minProperties });
  if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties)
    add({ kind: 'maxProperties', limit: s.maxProperties });
  if (isSchemaObject(s.dependentRequired))
    for (const [trigger, needed] of Object.entries(s.dependentRequired))
      if (keys.includes(trigger) && Array.isArray(needed))
        for (const key of needed as string[])
          if (!keys.includes(key))
            out.push({
              path: [...at, key],
              labelPath: [...at, key],
              spec: { kind: 'dependentRequired', trigger },
              options: [{ value: trigger }],
            });
  for (const key of keys) {
    if (Object.hasOwn(props, key)) visit(props[key] as Schema, data[key], [...at, key], root, out, depth + 1);
    else if (s.additionalProperties === false)
      out.push({
        path: [...at, key],
        labelPath: at,
        spec: { kind: 'additionalProperties', key },
        ownTitle: s.title,
      });
    else if (isSchemaObject(s.additionalProperties))
      visit(s.additionalProperties, data[key], [...at, key], root, out, depth + 1);
    if (s.propertyNames !== undefined && !satisfiesAt(s.propertyNames as Schema, key, root, depth))
      add({ kind: 'propertyName', key });
  }
}
