import { describe, expect, it } from 'vitest';
import { checkSchemaSafety, SCHEMA_LIMITS } from './schema-safety';
import { penaltyForm } from './test-forms';

const codes = (schema: unknown) => checkSchemaSafety(schema).map((p) => `${p.code} ${p.path}`);

describe('checkSchemaSafety', () => {
  it('given a realistic form schema, when checked, then there are no problems', () => {
    expect(checkSchemaSafety(penaltyForm().schema)).toEqual([]);
  });

  it('given refused patterns in pattern and patternProperties, when checked, then each is located with the regex code', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'string', pattern: '.{0,999}x' } },
      patternProperties: { '^(x)\\1$': { type: 'string' } },
    };
    expect(codes(schema)).toEqual([
      'regex-invalid /patternProperties/^(x)\\1$',
      'regex-too-large /properties/a/pattern',
    ]);
  });

  it('given patterns that backtrack in JavaScript, when checked, then they are accepted (RE2 is linear)', () => {
    const schema = { type: 'string', pattern: '^(a+)+$', anyOf: [{ pattern: '(.*)*' }] };
    expect(codes(schema)).toEqual([]);
  });

  it('given an invalid pattern, when checked, then it is regex-invalid', () => {
    expect(codes({ type: 'string', pattern: '(' })).toEqual(['regex-invalid /pattern']);
  });

  it('given $data, remote $ref and $dynamicRef, when checked, then each is a forbidden keyword', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'number', maximum: { $data: '1/b' } },
        b: { $ref: 'https://example.com/evil.json' },
        c: { $dynamicRef: '#meta' },
        d: { $ref: '#/$defs/ok' },
      },
      $defs: { ok: { type: 'string' } },
    };
    expect(codes(schema)).toEqual([
      'form-forbidden-keyword /properties/a/maximum',
      'form-forbidden-keyword /properties/b/$ref',
      'form-forbidden-keyword /properties/c/$dynamicRef',
    ]);
  });

  it('given $id inside the schema, when checked, then it is forbidden there and allowed at the root', () => {
    const schema = {
      $id: 'urn:flowform:form:a',
      type: 'object',
      properties: { a: { $id: 'a', type: 'string' } },
    };
    expect(codes(schema)).toEqual(['form-forbidden-keyword /properties/a/$id']);
  });

  it('given unevaluatedProperties or unevaluatedItems, when checked, then each is a forbidden keyword', () => {
    const schema = {
      type: 'object',
      unevaluatedProperties: false,
      properties: { list: { type: 'array', unevaluatedItems: false } },
    };
    expect(codes(schema)).toEqual([
      'form-forbidden-keyword /unevaluatedProperties',
      'form-forbidden-keyword /properties/list/unevaluatedItems',
    ]);
  });

  it('given an unknown format, when checked, then it is reported with the known ones', () => {
    const [problem] = checkSchemaSafety({ type: 'string', format: 'phone' });
    expect(problem).toMatchObject({ code: 'form-unknown-format', path: '/format' });
    expect(problem?.message).toContain('date-time');
  });

  it('given a schema over 64 KiB, when checked, then it is too large', () => {
    const schema = { type: 'string', description: '说明'.repeat(12_000) };
    expect(codes(schema)).toEqual(['form-schema-too-large ']);
  });

  it('given more than 200 properties, when checked, then it is too large', () => {
    const properties = Object.fromEntries(
      Array.from({ length: SCHEMA_LIMITS.maxProperties + 1 }, (_, i) => [`f${i}`, { type: 'string' }]),
    );
    expect(codes({ type: 'object', properties })).toEqual(['form-schema-too-large ']);
  });

  it('given subschemas nested deeper than 12 levels, when checked, then the first too-deep one is named', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 13; i++) schema = { type: 'object', properties: { x: schema } };
    const problems = checkSchemaSafety(schema);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'form-schema-too-deep',
      path: `${'/properties/x'.repeat(12)}`,
    });
  });

  it('given a schema for another draft, when checked, then it is invalid', () => {
    expect(codes({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' })).toEqual([
      'form-schema-invalid /$schema',
    ]);
  });

  it('given prototype-reaching property names, when checked, then the schema is invalid', () => {
    const schema = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}') as unknown;
    expect(codes(schema)).toEqual(['form-schema-invalid /properties']);
  });

  it('given a required field that additionalProperties:false forbids, when checked, then it is reported', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['nmae'],
      properties: { name: {} },
    };
    expect(codes(schema)).toEqual(['form-schema-invalid /required']);
  });

  it('given something that is not a JSON object, when checked, then it is invalid', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(codes(cyclic)).toEqual(['form-schema-invalid ']);
    expect(codes([])).toEqual(['form-schema-invalid ']);
  });

  it('given $data-looking values inside const or default, when checked, then data is not mistaken for schema', () => {
    expect(
      checkSchemaSafety({ type: 'object', default: { $data: 'x' }, examples: [{ pattern: '(a+)+' }] }),
    ).toEqual([]);
  });
});
