import { describe, expect, it } from 'vitest';
import { conformanceCases, NOT_APPLICABLE_FILES } from './conformance/cel-spec-cases';
import { runConformance, summarize } from './conformance/conformance-run';
import { engineAdapter } from './conformance/engine-adapter';

describe('cel-spec conformance through createCelEnvironment', () => {
  it('given the applicable cel-spec cases, when each is compiled and evaluated, then none is wrong and at least 95% pass', () => {
    const cases = conformanceCases();
    const figures = runConformance(cases, engineAdapter);
    console.log(summarize('flowform engine', figures));
    console.log(
      `not applicable: ${figures.notApplicable} (files: ${Object.keys(NOT_APPLICABLE_FILES).join(', ')}; and cases using protobuf messages, containers or disabled checks)`,
    );
    for (const id of figures.unsupportedIds) console.log(`  refused as unsupported: ${id}`);
    for (const f of figures.failures) console.log(`  ${f.verdict}: ${f.id} | ${f.expr} | ${f.detail}`);
    expect(figures.failures).toEqual([]);
    expect(figures.wrong).toBe(0);
    expect(figures.passed / figures.applicable).toBeGreaterThanOrEqual(0.95);
  });
});
