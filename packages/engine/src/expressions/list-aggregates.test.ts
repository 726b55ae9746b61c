import { describe, expect, it } from 'vitest';
import { createCelEnvironment } from './cel-environment';
import { claimVars } from './test-fixtures';

const env = createCelEnvironment({
  caseSchema: {
    type: 'object',
    properties: {
      awards: { type: 'array', items: { type: 'object', properties: { bonus: { type: 'number' } } } },
      counts: { type: 'array', items: { type: 'integer' } },
      names: { type: 'array', items: { type: 'string' } },
    },
  },
});
const run = (source: string, data: Record<string, unknown>) => env.compile(source).evaluate(claimVars(data));
const typed = (source: string, data: Record<string, unknown>) =>
  env.compile(source).evaluateTyped(claimVars(data));

describe('sum and avg', () => {
  describe('given award bonuses (numbers)', () => {
    const awards = [{ bonus: 3000 }, { bonus: 5000 }, { bonus: 4000 }];

    it('when summed, then the total is a double of the values', () => {
      expect(env.check('sum(data.awards.map(a, a.bonus))')).toEqual({ ok: true, type: 'double' });
      expect(run('sum(data.awards.map(a, a.bonus))', { awards })).toBe(12000);
      expect(run('sum(data.awards.map(a, a.bonus)) * 0.05', { awards })).toBe(600);
    });

    it('when there are no awards, then the total is the double 0', () => {
      expect(typed('sum(data.awards.map(a, a.bonus))', { awards: [] })).toEqual({ type: 'double', value: 0 });
    });

    it('when averaged, then the mean is a double', () => {
      expect(run('avg(data.awards.map(a, a.bonus))', { awards })).toBe(4000);
    });
  });

  describe('given integer counts', () => {
    it('when summed, then the total is an int, the int 0 for no elements', () => {
      expect(env.check('sum(data.counts)')).toEqual({ ok: true, type: 'int' });
      expect(run('sum(data.counts)', { counts: [2, 3, 4] })).toBe(9);
      expect(typed('sum(data.counts)', { counts: [] })).toEqual({ type: 'int', value: 0n });
      expect(run('sum(data.counts) % 2', { counts: [] })).toBe(0);
    });

    it('when the total passes 64 bits, then evaluation is cel-runtime overflow', () => {
      expect(() => run('sum([9223372036854775807, 1])', {})).toThrow(
        expect.objectContaining({ code: 'cel-runtime', reason: 'overflow' }),
      );
    });

    it('when averaged, then the mean is a double, and no elements is division-by-zero', () => {
      expect(env.check('avg(data.counts)')).toEqual({ ok: true, type: 'double' });
      expect(run('avg(data.counts)', { counts: [1, 2] })).toBe(1.5);
      expect(() => run('avg(data.counts)', { counts: [] })).toThrow(
        expect.objectContaining({ code: 'cel-runtime', reason: 'division-by-zero' }),
      );
    });

    it('when nested in another aggregate and a comprehension, then each call gets its own overload', () => {
      const source = 'sum([sum(data.counts), size(data.names)]) + int(avg(data.awards.map(a, a.bonus)))';
      expect(env.check(source)).toEqual({ ok: true, type: 'int' });
      expect(run(source, { counts: [], names: ['a'], awards: [{ bonus: 2 }] })).toBe(3);
    });
  });

  describe('given a list of strings', () => {
    it('when summed or averaged, then check is cel-type', () => {
      expect(env.check('sum(data.names)')).toMatchObject({ ok: false, code: 'cel-type' });
      expect(env.check('avg(data.names)')).toMatchObject({ ok: false, code: 'cel-type' });
    });
  });
});
