import { describe, expect, it } from 'vitest';
import { createCelEnvironment } from './cel-environment';
import { claimSchema } from './test-fixtures';

describe('expression cache', () => {
  it('given a compiled source, when compiled again, then the same compiled expression is returned', () => {
    const env = createCelEnvironment({ caseSchema: claimSchema, parameters: { limit: 5000 } });
    const first = env.compile('data.amount > params.limit');
    expect(env.compile('data.amount > params.limit')).toBe(first);
  });
});
