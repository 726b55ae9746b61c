/**
 * The interpreter against ajv on every keyword it implements, not only those the shipped forms use:
 * for each schema below, arbitrary and targeted data give the same raw errors (keyword, paths,
 * params, message, schema, parent schema, property name), in the same order.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFormAjv } from '../ajv-setup';
import { errorFacts } from '../test-support';
import { FORM_SETTINGS, interpretSchema, TRUSTED_SETTINGS } from './schema-interpreter';

type Schema = Record<string, unknown>;

const SCHEMAS: Record<string, Schema> = {
  scalars: {
    type: 'object',
    properties: {
      n: { type: 'number', minimum: 0, exclusiveMaximum: 10, multipleOf: 0.5 },
      i: { type: 'integer', maximum: 5, exclusiveMinimum: -5 },
      s: { type: 'string', minLength: 2, maxLength: 4, pattern: '^[a-z😀]+$' },
      d: { type: 'string', format: 'date-time' },
      t: { type: ['string', 'null'], format: 'time' },
      u: { type: 'string', nullable: true, format: 'uuid' },
      e: { enum: ['a', 1, null, { k: [1] }] },
      c: { const: { k: [1, 'x'] } },
    },
  },
  arrays: {
    type: 'object',
    properties: {
      tuple: {
        type: 'array',
        prefixItems: [{ type: 'string' }, { type: 'integer' }],
        items: false,
        minItems: 2,
        maxItems: 2,
      },
      uniqueScalars: { type: 'array', items: { type: ['string', 'number'] }, uniqueItems: true },
      uniqueObjects: { type: 'array', items: { type: 'object' }, uniqueItems: true },
      uniqueAny: { type: 'array', uniqueItems: true, maxItems: 6 },
      has: { type: 'array', contains: { type: 'integer', minimum: 3 }, minContains: 2, maxContains: 3 },
      hasOne: { type: 'array', contains: { const: 'x' } },
    },
  },
  objects: {
    type: 'object',
    minProperties: 1,
    maxProperties: 12,
    required: ['a', 'toString'],
    propertyNames: { pattern: '^[a-z]', maxLength: 5 },
    properties: Object.fromEntries('abcdefghij'.split('').map((k) => [k, { type: 'string' }])),
    patternProperties: { '^x': { type: 'number' }, '^xy': { type: 'number', minimum: 2 } },
    additionalProperties: { type: 'boolean' },
    dependentRequired: { a: ['b', 'c'] },
    dependentSchemas: { b: { required: ['d'] } },
    dependencies: { c: ['e'], d: { properties: { e: { const: 'e' } } } },
  },
  combinators: {
    type: 'object',
    properties: {
      one: { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 2 }, { const: 'x' }] },
      any: { anyOf: [{ type: 'string', maxLength: 1 }, { type: 'number' }, true] },
      all: { type: 'string', allOf: [{ type: 'string' }, { minLength: 2 }, {}] },
      not: { not: { type: 'string' } },
      cond: {
        type: 'object',
        if: { properties: { k: { const: 'a' } }, required: ['k'] },
        then: { required: ['x'] },
        else: { required: ['y'] },
      },
      never: false,
    },
  },
  references: {
    $defs: {
      money: { type: 'number', minimum: 0, multipleOf: 0.01 },
      node: { type: 'object', properties: { v: { $ref: '#/$defs/money' }, next: { $ref: '#/$defs/node' } } },
      alias: { $ref: '#/$defs/money', title: 'alias' },
    },
    type: 'object',
    properties: {
      fine: { $ref: '#/$defs/money', type: 'number', maximum: 100 },
      chain: { $ref: '#/$defs/node' },
      alias: { $ref: '#/$defs/alias' },
      again: { $ref: '#' },
    },
  },
  /** ajv's strict mode refuses these; both must say so in the same words, and agree when lenient. */
  looseTuple: { type: 'array', prefixItems: [{ const: 0 }], items: { type: 'boolean' }, minItems: 1 },
  untypedBound: { properties: { a: { minimum: 1 } }, if: { required: ['a'] } },
  contextClash: { type: 'object', allOf: [{ type: 'string' }] },
  anchors: { $defs: { tagged: { $anchor: 'tag', type: 'string' } }, properties: { tag: { $ref: '#tag' } } },
};

const DATA = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'n',
      'i',
      's',
      'd',
      't',
      'u',
      'e',
      'c',
      'a',
      'b',
      'c',
      'd',
      'x',
      'xy',
      'Z',
      'toString',
      'tuple',
      'rest',
      'uniqueScalars',
      'uniqueObjects',
      'uniqueAny',
      'has',
      'hasOne',
      'one',
      'any',
      'all',
      'not',
      'cond',
      'never',
      'fine',
      'chain',
      'alias',
      'tag',
      'again',
      'k',
      'v',
      'next',
      'rest',
    ),
    fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.array(fc.constantFrom(1, 1.0, '1', 'x', true, null, 3, 4, [1], { a: 1 }, 'a'), { maxLength: 6 }),
      fc.constantFrom(
        2.5,
        0.5,
        10,
        -5,
        5,
        'ab',
        'abcde',
        'a😀',
        '2026-03-01T08:00:00Z',
        '23:59:60Z',
        'x',
        '123e4567-e89b-12d3-a456-426614174000',
        { k: [1, 'x'] },
        { k: 'a' },
        { k: 'a', x: 1 },
        { v: -1, next: { v: 0.001 } },
      ),
    ),
    { maxKeys: 8 },
  ),
);

/** What preparing a schema gave: a check, or the compile error's message. */
function attempt<T>(prepare: () => T): { ok: T } | { error: string } {
  try {
    return { ok: prepare() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('the interpreter and ajv', () => {
  const forms = createFormAjv();
  const lenient = new Ajv2020({ allErrors: true, strict: false });

  it.each(Object.entries(SCHEMAS))(
    'given the %s schema and any data, when both check it, then they refuse or accept it alike and report the same errors',
    (_name, schema) => {
      const strictAjv = attempt(() => forms.compile(schema));
      const strict = attempt(() => interpretSchema(schema, FORM_SETTINGS, true));
      const verdict = (a: { ok: unknown } | { error: string }) => ('error' in a ? a.error : 'compiles');
      expect(verdict(strict)).toEqual(verdict(strictAjv));
      const looseAjv = lenient.compile(schema);
      const loose = interpretSchema(schema, TRUSTED_SETTINGS, false);
      fc.assert(
        fc.property(DATA, (data) => {
          if ('ok' in strictAjv && 'ok' in strict) {
            strictAjv.ok(data);
            expect(errorFacts(strict.ok(data), true)).toEqual(errorFacts(strictAjv.ok.errors, true));
          }
          looseAjv(data);
          expect(errorFacts(loose(data), false)).toEqual(errorFacts(looseAjv.errors, false));
        }),
        { numRuns: 400 },
      );
    },
  );
});
