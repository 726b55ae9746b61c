/**
 * Soundness of lint, as a property: over generated case schemas, valid data and generated
 * expressions, what lint accepts never fails with a type or overload error at run time.
 *
 * Deterministic part: fixed seeds (each a past counterexample or a broad sample), the same cases on
 * every run. Exploring part: a fresh seed each run (printed; `SOUNDNESS_SEED=<n>` replays it), bounded
 * by time rather than by a number of runs, so a slow machine runs fewer cases instead of timing out.
 * `SOUNDNESS_RUNS=<n>` runs that many cases instead (for long local runs over many seeds).
 */
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCelEnvironment } from './cel-environment';
import { ExpressionError, type RuntimeErrorReason } from './expression-error';
import { expressionGenerator } from './soundness/expression-generator';
import { caseSchemaArb, dataArb, type Schema } from './soundness/schema-arbitraries';

const ajv = new Ajv({ strict: false });
/** 925264216: `false != size(…) > 0`, read C-style by the checker (now `cel-ambiguous`). */
const FIXED_SEEDS = [925264216, 1, 20240501];
const RUNS_PER_FIXED_SEED = 120;
const MIN_FIXED_EVALUATIONS = 10_000;
const EXPLORE_MS = 4_000;

interface Tally {
  evaluated: number;
  refused: number;
  reasons: Map<RuntimeErrorReason | 'ok', number>;
}

const scenario = caseSchemaArb.chain((schema) =>
  fc.record({
    schema: fc.constant(schema),
    data: fc.array(dataArb(schema), { minLength: 4, maxLength: 4 }),
    seeds: fc.array(fc.integer(), { minLength: 30, maxLength: 30 }),
  }),
);

function evaluateAll(schema: Schema, data: unknown[], seeds: number[], tally: Tally): string[] {
  const validate = ajv.compile(schema);
  for (const d of data) expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
  const env = createCelEnvironment({ caseSchema: schema });
  const generate = expressionGenerator(schema);
  const typeErrors: string[] = [];
  for (const seed of seeds) {
    const source = generate(seed);
    if (!env.check(source).ok) {
      tally.refused++;
      continue;
    }
    const compiled = env.compile(source);
    for (const d of data) {
      tally.evaluated++;
      try {
        compiled.evaluate({ data: d as Record<string, unknown>, now: '2024-05-01T08:00:00Z' });
        tally.reasons.set('ok', (tally.reasons.get('ok') ?? 0) + 1);
      } catch (error) {
        if (!(error instanceof ExpressionError) || error.code !== 'cel-runtime') throw error;
        const reason = error.reason ?? 'type';
        tally.reasons.set(reason, (tally.reasons.get(reason) ?? 0) + 1);
        if (reason === 'type') typeErrors.push(`${source} on ${JSON.stringify(d)}: ${error.message}`);
      }
    }
  }
  return typeErrors;
}

/** Runs the property with one seed; returns what it evaluated (fast-check throws on a counterexample). */
function runSoundness(seed: number, limits: fc.Parameters<unknown>): Tally {
  const tally: Tally = { evaluated: 0, refused: 0, reasons: new Map() };
  fc.assert(
    fc.property(scenario, ({ schema, data, seeds }) => {
      expect(evaluateAll(schema, data, seeds, tally)).toEqual([]);
    }),
    { ...limits, seed },
  );
  return tally;
}

function report(label: string, tally: Tally): void {
  console.log(
    `soundness ${label}: ${tally.evaluated} evaluations of lint-clean expressions ` +
      `(${tally.refused} generated expressions refused by lint); ` +
      `outcomes ${JSON.stringify(Object.fromEntries(tally.reasons))}`,
  );
}

describe('soundness of lint', () => {
  it('given fixed seeds, when what lint accepts is evaluated on valid data, then no run-time type or overload error occurs', () => {
    let evaluated = 0;
    for (const seed of FIXED_SEEDS) {
      const tally = runSoundness(seed, { numRuns: RUNS_PER_FIXED_SEED });
      report(`seed ${seed}`, tally);
      evaluated += tally.evaluated;
    }
    expect(evaluated).toBeGreaterThanOrEqual(MIN_FIXED_EVALUATIONS);
  }, 120_000);

  it('given a fresh seed (printed), when generated cases are evaluated for a bounded time, then no run-time type or overload error occurs', () => {
    const seed = Number(process.env.SOUNDNESS_SEED ?? Date.now() % 2 ** 31);
    const runs = process.env.SOUNDNESS_RUNS;
    console.log(`soundness: exploring with seed ${seed} (replay with SOUNDNESS_SEED=${seed})`);
    const limits: fc.Parameters<unknown> = runs
      ? { numRuns: Number(runs) }
      : {
          numRuns: Number.MAX_SAFE_INTEGER,
          interruptAfterTimeLimit: EXPLORE_MS,
          markInterruptAsFailure: false,
        };
    const tally = runSoundness(seed, limits);
    report(`seed ${seed}`, tally);
    expect(tally.evaluated + tally.refused).toBeGreaterThan(0);
  }, 120_000);
});
