import { describe, expect, it } from 'vitest';
import { createCelEnvironment } from './cel-environment';
import { claimSchema, claimVars } from './test-fixtures';

/** Mean wall time per call in microseconds, after a warm-up. */
function microsPerCall(runs: number, action: (i: number) => unknown): number {
  for (let i = 0; i < 1000; i++) action(i);
  const start = performance.now();
  for (let i = 0; i < runs; i++) action(i);
  return ((performance.now() - start) * 1000) / runs;
}

describe('expression performance', () => {
  const env = createCelEnvironment({ caseSchema: claimSchema, parameters: { limit: 5000 } });
  const vars = claimVars({ amount: 6000, category: 'travel', applicant: { level: 2 } });

  describe('given a compiled guard', () => {
    it('when evaluated repeatedly, then each evaluation takes a few microseconds', () => {
      const guard = env.compile('data.amount > params.limit && data.category == "travel"');
      const micros = microsPerCall(20_000, () => guard.evaluate(vars));
      // Typically 0.5–2 µs; the bound is loose so a busy CI machine does not flake.
      expect(micros).toBeLessThan(25);
    });

    it('when compile is called again for the same source, then the cache makes it a map lookup', () => {
      const micros = microsPerCall(20_000, () => env.compile('data.applicant.level >= 2'));
      expect(micros).toBeLessThan(5);
    });
  });

  describe('given a new case schema', () => {
    it('when creating environments, then each takes well under a few milliseconds', () => {
      const micros = microsPerCall(50, () => createCelEnvironment({ caseSchema: claimSchema }));
      expect(micros).toBeLessThan(5_000);
    });
  });
});
