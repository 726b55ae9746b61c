/**
 * The designer lints in the browser with the engine's browser face (the interpreter checks the
 * definition format and form schemas), the server with ajv: for every shipped process, every lint
 * fixture, and those definitions and form schemas broken at random, both report the same problems.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type DirectorySeed,
  type FormDefinition,
  InMemoryDirectory,
  type LintContext,
  lintDefinition as nodeLint,
} from '@flowform/engine';
import { lintDefinition as browserLint } from '@flowform/engine/browser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seed from '../packages/engine/src/lint/lint-test-directory.json' with { type: 'json' };
import { demoDirectorySeed, shippedBundles } from './scenarios/shipped-bundles';
import { mutated } from './support/schema-data';
import { withMistakes } from './support/schema-mistakes';

interface Case {
  definition: unknown;
  ctx: LintContext;
}

const bundles = shippedBundles();
const shipped: [string, Case][] = [...bundles].map(([key, bundle]) => [
  `workflows/${key}.json`,
  {
    definition: bundle.definition,
    ctx: {
      forms: bundle.forms,
      processes: new Set(bundles.keys()),
      directory: new InMemoryDirectory(demoDirectorySeed()),
    },
  },
]);
const FIXTURES = join(import.meta.dirname, '../packages/engine/src/lint/fixtures');
const fixtureDirectory = new InMemoryDirectory(seed as DirectorySeed);
const fixtures: [string, Case][] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const { definition, forms } = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as {
      definition: unknown;
      forms: Record<string, FormDefinition>;
    };
    return [
      f,
      { definition, ctx: { forms, processes: new Set(['lint-base']), directory: fixtureDirectory } },
    ];
  });
const cases = [...shipped, ...fixtures];
/** Random runs per case: the shipped processes are large (a full lint takes tens of milliseconds). */
const runs = (name: string) => (name.startsWith('workflows/') ? 12 : 30);
/** A fixed seed per case: the `> 0` sanity checks below must not depend on the luck of a random draw. */
const seedOf = (name: string) => [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);

/** What linting answered: its problems, or the error it threw (both faces must throw alike too). */
function outcome(lint: typeof nodeLint, definition: unknown, ctx: LintContext) {
  try {
    return { problems: lint(definition, ctx) };
  } catch (error) {
    return { threw: String(error) };
  }
}

describe('lint: the browser face answers as the Node face does', () => {
  it('given the shipped processes and the lint fixtures, then all are compared', () => {
    expect(shipped).toHaveLength(8);
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)(
    'given %s, when linted by both faces, then the problems are identical',
    (_name, { definition, ctx }) => {
      expect(browserLint(definition, ctx)).toEqual(nodeLint(definition, ctx));
    },
  );

  it.each(cases)(
    'given %s broken at random, when linted by both faces, then the problems are identical',
    (name, { definition, ctx }) => {
      let formatProblems = 0;
      fc.assert(
        fc.property(mutated(definition), (broken) => {
          const expected = outcome(nodeLint, broken, ctx);
          expect(outcome(browserLint, broken, ctx)).toEqual(expected);
          if (expected.problems?.some((p) => p.code === 'format-invalid')) formatProblems++;
        }),
        { numRuns: runs(name), seed: seedOf(name) },
      );
      expect(formatProblems).toBeGreaterThan(0);
    },
  );

  const withForms = cases.filter(([, c]) => Object.keys(c.ctx.forms).length > 0);
  it.each(withForms)(
    'given %s with mistakes in its form schemas, when linted by both faces, then the problems are identical',
    (name, { definition, ctx }) => {
      // Only the forms the definition names are linted; breaking another would prove nothing.
      const named = Object.keys(ctx.forms).filter((k) => JSON.stringify(definition).includes(`"${k}"`));
      const keys = named.length > 0 ? named : Object.keys(ctx.forms);
      const broken = fc
        .record({ key: fc.constantFrom(...keys), schema: fc.constant(null) })
        .chain(({ key }) =>
          withMistakes(ctx.forms[key]!.schema).map((schema) => ({
            ...ctx.forms,
            [key]: { ...ctx.forms[key]!, schema },
          })),
        );
      let schemaProblems = 0;
      fc.assert(
        fc.property(broken, (forms) => {
          const expected = outcome(nodeLint, definition, { ...ctx, forms });
          expect(outcome(browserLint, definition, { ...ctx, forms })).toEqual(expected);
          if (expected.problems?.some((p) => /^(form|regex)-/.test(p.code))) schemaProblems++;
        }),
        { numRuns: runs(name), seed: seedOf(name) },
      );
      expect(schemaProblems).toBeGreaterThan(0);
    },
  );
});
