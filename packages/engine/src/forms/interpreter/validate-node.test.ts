import { describe, expect, it } from 'vitest';
import { FORM_SETTINGS, interpretSchema, TRUSTED_SETTINGS } from './schema-interpreter';

const schema = {
  type: 'object',
  properties: { n: { type: 'number', minimum: 0 }, s: { type: 'string', maxLength: 2 } },
  required: ['n'],
};

describe('validate-node: each schema read once, each check on its own data', () => {
  it('given a schema checked with valid data, when checked again with invalid data, then the errors are those of the new data, in keyword order', () => {
    const check = interpretSchema(schema, FORM_SETTINGS, true);
    expect(check({ n: 1, s: 'ab' })).toEqual([]);
    const errors = check({ n: -1, s: 'abc' });
    expect(errors.map((e) => [e.instancePath, e.keyword])).toEqual([
      ['/n', 'minimum'],
      ['/s', 'maxLength'],
    ]);
    expect(check({ s: 1 }).map((e) => [e.instancePath, e.keyword])).toEqual([
      ['', 'required'],
      ['/s', 'type'],
    ]);
    expect(check({ n: 2 })).toEqual([]);
  });

  it('given one schema object under two settings, when checked, then each keeps its own number rules', () => {
    const loose = interpretSchema(schema, TRUSTED_SETTINGS, false);
    const strict = interpretSchema(schema, FORM_SETTINGS, true);
    expect(loose({ n: Number.NaN }).map((e) => e.keyword)).toEqual(['minimum']);
    expect(strict({ n: Number.NaN }).map((e) => e.keyword)).toEqual(['type']);
  });
});
