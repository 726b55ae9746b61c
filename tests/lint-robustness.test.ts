/**
 * Lint never throws: over the shipped processes and their forms, each mutated at random (a value
 * replaced by an odd one, a field removed or added, an item duplicated), lint answers with problems.
 * Many mutations still pass the format check, so the later checks see odd but well-formed input.
 * `LINT_FUZZ_RUNS=<n>` runs more cases per process (long local runs).
 */
import { InMemoryDirectory, type LintContext, type LintProblem, lintDefinition } from '@flowform/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoDirectorySeed, shippedBundles } from './scenarios/shipped-bundles';
import { mutated } from './support/schema-data';

const RUNS = Number(process.env.LINT_FUZZ_RUNS ?? 15);
const bundles = shippedBundles();
const directory = new InMemoryDirectory(demoDirectorySeed());
const processes = new Set(bundles.keys());

/** Lint's problems, or a description of what it threw (message and where), so a failure shows it. */
function lintOrThrown(definition: unknown, ctx: LintContext): LintProblem[] | string {
  try {
    return lintDefinition(definition, ctx);
  } catch (error) {
    return error instanceof Error
      ? (error.stack ?? error.message).split('\n').slice(0, 4).join('\n')
      : String(error);
  }
}

describe('lint never throws', () => {
  it.each([...bundles])(
    'given %s mutated at random, when linted, then problems come back and nothing is thrown',
    (_key, { definition, forms }) => {
      let passedFormat = 0;
      fc.assert(
        fc.property(mutated(definition), (broken) => {
          const answer = lintOrThrown(broken, { forms, processes, directory });
          expect(answer).toBeInstanceOf(Array);
          if (Array.isArray(answer) && !answer.some((p) => p.code === 'format-invalid')) passedFormat++;
        }),
        { numRuns: RUNS },
      );
      expect(passedFormat).toBeGreaterThan(0);
    },
  );

  it.each([...bundles])(
    'given %s with one of its forms mutated at random, when linted, then problems come back and nothing is thrown',
    (_key, { definition, forms }) => {
      const named = Object.keys(forms).filter((k) => JSON.stringify(definition).includes(`"${k}"`));
      const broken = fc
        .constantFrom(...named)
        .chain((key) => mutated(forms[key]).map((form) => ({ ...forms, [key]: form })));
      fc.assert(
        fc.property(broken, (brokenForms) => {
          const forms = brokenForms as LintContext['forms'];
          expect(lintOrThrown(definition, { forms, processes, directory })).toBeInstanceOf(Array);
        }),
        { numRuns: RUNS },
      );
    },
  );
});
