import { describe, expect, it } from 'vitest';
import { checkFormSchema } from './check-form-schema';
import { penaltyForm } from './test-forms';

describe('checkFormSchema', () => {
  it('given a sound form schema, when checked, then there are no problems', () => {
    expect(checkFormSchema(penaltyForm().schema)).toEqual([]);
  });

  it('given static problems, when checked, then they are reported without compiling', () => {
    expect(checkFormSchema({ type: 'string', pattern: '(a|a)*' })).toEqual([
      expect.objectContaining({ code: 'form-unsafe-pattern', path: '/pattern' }),
    ]);
  });

  it('given a keyword ajv strict mode does not know, when checked, then the problem is located', () => {
    const problems = checkFormSchema({
      type: 'object',
      properties: { a: { type: 'string', widget: 'textarea' } },
    });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'form-schema-invalid', path: '/properties/a/widget' }),
    ]);
    expect(problems[0]?.message).toContain('widget');
  });

  it('given a keyword without its type, when checked, then strict types report it', () => {
    expect(checkFormSchema({ type: 'object', properties: { a: { minimum: 1 } } })).toEqual([
      expect.objectContaining({ code: 'form-schema-invalid', path: '/properties/a' }),
    ]);
  });

  it('given a value the meta-schema rejects, when checked, then one problem per location is reported', () => {
    expect(checkFormSchema({ type: 'object', properties: { a: { type: 'strin' } } })).toEqual([
      expect.objectContaining({ code: 'form-schema-invalid', path: '/properties/a/type' }),
    ]);
  });

  it('given enumNames and a nullable union type, when checked, then forms may use them', () => {
    const schema = { type: ['string', 'null'], enum: ['a', null], enumNames: ['甲', '无'] };
    expect(checkFormSchema(schema)).toEqual([]);
  });

  it('given a conditional required field, when checked, then strict mode does not object', () => {
    const schema = {
      type: 'object',
      properties: { kind: { type: 'string' }, other: { type: 'string' } },
      if: { properties: { kind: { const: 'other' } }, required: ['kind'] },
      then: { required: ['other'] },
    };
    expect(checkFormSchema(schema)).toEqual([]);
  });
});
