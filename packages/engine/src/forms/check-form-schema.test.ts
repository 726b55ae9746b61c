import { describe, expect, it } from 'vitest';
import { createAjvChecker } from './ajv-checker';
import { checkFormSchema } from './check-form-schema';
import { createInterpretingChecker } from './interpreter/interpreting-checker';
import type { SchemaChecker } from './schema-checker';
import { penaltyForm } from './test-forms';

/** Lint on the server checks form schemas with ajv, in the browser with the interpreter: same verdicts. */
const CHECKERS: [string, SchemaChecker][] = [
  ['ajv', createAjvChecker()],
  ['the interpreter', createInterpretingChecker()],
];

describe.each(CHECKERS)('checkFormSchema with %s', (_name, checker) => {
  it('given a sound form schema, when checked, then there are no problems', () => {
    expect(checkFormSchema(penaltyForm().schema, checker)).toEqual([]);
  });

  it('given static problems, when checked, then they are reported without compiling', () => {
    expect(checkFormSchema({ type: 'string', pattern: '(a)\\1' }, checker)).toEqual([
      expect.objectContaining({ code: 'regex-invalid', path: '/pattern' }),
    ]);
  });

  it('given a keyword ajv strict mode does not know, when checked, then the problem is located', () => {
    const problems = checkFormSchema(
      { type: 'object', properties: { a: { type: 'string', widget: 'textarea' } } },
      checker,
    );
    expect(problems).toEqual([
      {
        code: 'form-schema-invalid',
        path: '/properties/a/widget',
        message: 'cannot compile the schema: strict mode: unknown keyword: "widget"',
      },
    ]);
  });

  it('given a keyword without its type, when checked, then strict types report it', () => {
    expect(checkFormSchema({ type: 'object', properties: { a: { minimum: 1 } } }, checker)).toEqual([
      {
        code: 'form-schema-invalid',
        path: '/properties/a',
        message:
          'cannot compile the schema: strict mode: missing type "number" for keyword "minimum" at "#/properties/a" (strictTypes)',
      },
    ]);
  });

  it('given a value the meta-schema rejects, when checked, then one problem per location is reported', () => {
    expect(checkFormSchema({ type: 'object', properties: { a: { type: 'strin' } } }, checker)).toEqual([
      {
        code: 'form-schema-invalid',
        path: '/properties/a/type',
        message: 'not valid JSON Schema 2020-12: must be equal to one of the allowed values',
      },
    ]);
  });

  it('given enumNames and a nullable union type, when checked, then forms may use them', () => {
    const schema = { type: ['string', 'null'], enum: ['a', null], enumNames: ['甲', '无'] };
    expect(checkFormSchema(schema, checker)).toEqual([]);
  });

  it('given a conditional required field, when checked, then strict mode does not object', () => {
    const schema = {
      type: 'object',
      properties: { kind: { type: 'string' }, other: { type: 'string' } },
      if: { properties: { kind: { const: 'other' } }, required: ['kind'] },
      then: { required: ['other'] },
    };
    expect(checkFormSchema(schema, checker)).toEqual([]);
  });
});
