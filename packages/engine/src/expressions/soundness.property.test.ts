import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCelEnvironment } from './cel-environment';
import { ExpressionError, type RuntimeErrorReason } from './expression-error';
import { expressionGenerator } from './soundness/expression-generator';
import { caseSchemaArb, dataArb } from './soundness/schema-arbitraries';

const ajv = new Ajv({ strict: false });
const MIN_CASES = 10_000;

describe('soundness of lint', () => {
  it('given generated schemas, valid data and generated expressions, when what lint accepts is evaluated, then no run-time type or overload error occurs', () => {
    let evaluated = 0;
    let refused = 0;
    const reasons = new Map<RuntimeErrorReason | 'ok', number>();
    const typeErrors: string[] = [];

    const scenario = caseSchemaArb.chain((schema) =>
      fc.record({
        schema: fc.constant(schema),
        data: fc.array(dataArb(schema), { minLength: 4, maxLength: 4 }),
        seeds: fc.array(fc.integer(), { minLength: 30, maxLength: 30 }),
      }),
    );

    fc.assert(
      fc.property(scenario, ({ schema, data, seeds }) => {
        const validate = ajv.compile(schema);
        for (const d of data) expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
        const env = createCelEnvironment({ caseSchema: schema });
        const generate = expressionGenerator(schema);
        for (const seed of seeds) {
          const source = generate(seed);
          if (!env.check(source).ok) {
            refused++;
            continue;
          }
          const compiled = env.compile(source);
          for (const d of data) {
            evaluated++;
            try {
              compiled.evaluate({ data: d as Record<string, unknown>, now: '2024-05-01T08:00:00Z' });
              reasons.set('ok', (reasons.get('ok') ?? 0) + 1);
            } catch (error) {
              if (!(error instanceof ExpressionError) || error.code !== 'cel-runtime') throw error;
              const reason = error.reason ?? 'type';
              reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
              if (reason === 'type') typeErrors.push(`${source} on ${JSON.stringify(d)}: ${error.message}`);
            }
          }
        }
        expect(typeErrors).toEqual([]);
      }),
      { numRuns: 200, seed: Number(process.env.SOUNDNESS_SEED ?? Date.now() % 2 ** 31) },
    );

    console.log(
      `soundness: ${evaluated} evaluations of lint-clean expressions (${refused} generated expressions refused by lint); ` +
        `outcomes ${JSON.stringify(Object.fromEntries(reasons))}`,
    );
    expect(typeErrors).toEqual([]);
    expect(evaluated).toBeGreaterThanOrEqual(MIN_CASES);
  }, 60_000);
});
