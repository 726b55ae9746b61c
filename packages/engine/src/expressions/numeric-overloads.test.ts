import { describe, expect, it } from 'vitest';
import { createCelEnvironment } from './cel-environment';
import { claimSchema, claimVars } from './test-fixtures';

const env = createCelEnvironment({ caseSchema: claimSchema, parameters: { limit: 5000, rate: 1.5 } });
const run = (source: string, data: Record<string, unknown>) => env.compile(source).evaluate(claimVars(data));

describe('registerNumericOverloads', () => {
  describe('given a number (double) field compared with int literals', () => {
    it.each([
      ['data.amount > 5000', 5000.5, true],
      ['data.amount > 5000', 5000, false],
      ['data.amount >= 5000', 5000, true],
      ['data.amount == 5000', 5000, true],
      ['5000 == data.amount', 5000, true],
      ['data.amount != 5000', 4999.99, true],
      ['data.amount < params.limit', 10, true],
      ['data.amount in [1, 2, 3]', 2, true],
      ['data.amount in [1, 2, 3]', 2.5, false],
    ] as const)('when evaluating %s with amount %d, then it is %s', (source, amount, result) => {
      expect(run(source, { amount })).toBe(result);
    });
  });

  describe('given an integer field compared with double literals', () => {
    it.each([
      ['data.nights == 3.0', true],
      ['data.nights > 2.5', true],
      ['data.nights < 2.5', false],
      ['data.nights in [3.0, 4.5]', true],
    ] as const)('when evaluating %s with nights 3, then it is %s', (source, result) => {
      expect(run(source, { nights: 3 })).toBe(result);
    });
  });

  describe('given arithmetic mixing int and double', () => {
    it.each([
      ['data.amount + 1', 101.5],
      ['1 + data.amount', 101.5],
      ['data.amount - data.nights', 97.5],
      ['data.nights * params.rate', 4.5],
      ['data.amount / 2', 50.25],
      ['10 / params.rate', 10 / 1.5],
    ] as const)('when evaluating %s, then the double result is %d', (source, result) => {
      expect(env.check(source)).toEqual({ ok: true, type: 'double' });
      expect(run(source, { amount: 100.5, nights: 3 })).toBeCloseTo(result);
    });

    it('when int meets int, then CEL integer arithmetic is kept', () => {
      expect(env.check('data.nights / 2')).toEqual({ ok: true, type: 'int' });
      expect(run('data.nights / 2', { nights: 3 })).toBe(1);
    });

    it('when a double is used with %, then it stays a type error as in CEL', () => {
      expect(env.check('data.amount % 2')).toMatchObject({ ok: false, code: 'cel-type' });
    });
  });

  describe('given untyped (dyn) numbers from JSON', () => {
    it('when comparing for equality, then ints and doubles mix at runtime', () => {
      expect(run('data.extra == 5', { extra: 5 })).toBe(true);
      expect(run('data.extra in [4, 5]', { extra: 5 })).toBe(true);
    });

    it('when ordering or adding, then lint refuses it as cel-dyn (the value could be a string)', () => {
      expect(env.check('data.extra > 4')).toMatchObject({ ok: false, code: 'cel-dyn' });
      expect(env.check('data.extra + 1')).toMatchObject({ ok: false, code: 'cel-dyn' });
    });
  });
});
