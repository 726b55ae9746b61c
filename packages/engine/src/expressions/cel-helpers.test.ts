import { describe, expect, it } from 'vitest';
import { createCelEnvironment } from './cel-environment';
import { ExpressionError } from './expression-error';
import { claimVars } from './test-fixtures';

const env = createCelEnvironment({
  caseSchema: {
    type: 'object',
    properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } },
  },
});
const run = (source: string, data: Record<string, unknown> = {}) =>
  env.compile(source).evaluate(claimVars(data));

describe('registerHelperFunctions', () => {
  describe('given daysBetween on date strings', () => {
    it.each([
      ['2024-05-01', '2024-05-03', 2],
      ['2024-05-03', '2024-05-01', -2],
      ['2024-02-28', '2024-03-01', 2],
      ['2024-05-01', '2024-05-01', 0],
      ['2024-05-01T23:30:00Z', '2024-05-02T00:10:00Z', 1],
      ['2024-05-01T23:30:00-05:00', '2024-05-02', 0],
    ])('when counting from %s to %s, then it is %d days', (from, to, days) => {
      expect(run('daysBetween(data.from, data.to)', { from, to })).toBe(days);
    });

    it('when a leave request spans dates, then an inclusive count is one more', () => {
      expect(run('daysBetween(data.from, data.to) + 1 > 3', { from: '2024-05-01', to: '2024-05-03' })).toBe(
        false,
      );
    });

    it('when a date is invalid, then evaluation is cel-runtime', () => {
      expect(() => run('daysBetween(data.from, data.to)', { from: '2024-02-30', to: '2024-03-01' })).toThrow(
        ExpressionError,
      );
      expect(() => run('daysBetween("soon", "2024-03-01")')).toThrow(/not an ISO date/);
    });

    it('when given the wrong argument types, then check is cel-type', () => {
      expect(env.check('daysBetween(1, 2)')).toMatchObject({ ok: false, code: 'cel-type' });
    });
  });

  describe('given daysBetween on timestamps', () => {
    it('when counting from a timestamp to now, then calendar days (UTC) are returned', () => {
      expect(env.check('daysBetween(timestamp("2024-04-28T12:00:00Z"), now)')).toEqual({
        ok: true,
        type: 'int',
      });
      expect(run('daysBetween(timestamp("2024-04-28T23:59:00Z"), now)')).toBe(3);
    });
  });

  describe('given isoDuration', () => {
    it('when converting P3D, then it is a duration usable with timestamps', () => {
      expect(env.check('isoDuration("P3D")')).toEqual({ ok: true, type: 'duration' });
      expect(run('now + isoDuration("P1DT2H")')).toBe('2024-05-02T10:00:00.000Z');
      expect(run('isoDuration("PT4H") == duration("4h")')).toBe(true);
    });

    it('when the text is not a duration, then evaluation is cel-runtime', () => {
      expect(() => run('isoDuration("P1M")')).toThrow(/not an ISO 8601 duration/);
    });
  });
});
