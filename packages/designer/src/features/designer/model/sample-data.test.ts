import { describe, expect, it } from 'vitest';
import { sampleObject } from './sample-data';

describe('sample data', () => {
  it('given a form with choices, numbers, dates and people, when sampled, then each gets a plausible value', () => {
    const schema = {
      type: 'object',
      properties: {
        kind: { type: 'string', oneOf: [{ const: 'a' }, { const: 'b' }] },
        days: { type: 'integer', minimum: 1, maximum: 30 },
        on: { type: 'string', format: 'date' },
        who: { type: 'string', pattern: '^[a-z][a-z0-9_.-]{0,31}$' },
        phone: { type: 'string', pattern: '^[0-9]+$' },
        note: { type: 'string', minLength: 3 },
      },
    };
    expect(sampleObject(schema, { date: '2026-03-02', user: 'sec1' })).toEqual({
      kind: 'a',
      days: 1,
      on: '2026-03-02',
      who: 'sec1',
      note: '示例例',
    });
  });
});
