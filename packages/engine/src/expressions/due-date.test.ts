import { describe, expect, it } from 'vitest';
import { createCelEnvironment } from './cel-environment';
import { resolveDueAt } from './due-date';
import { ExpressionError } from './expression-error';
import { claimSchema, claimVars } from './test-fixtures';

const env = createCelEnvironment({ caseSchema: claimSchema, parameters: { slaDays: 2 } });
const vars = claimVars({ amount: 9000, submittedAt: '2024-04-30T10:00:00Z', extra: '2024-06-01T00:00:00Z' });

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof ExpressionError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('resolveDueAt', () => {
  describe('given an ISO 8601 duration', () => {
    it.each([
      ['P3D', '2024-05-04T08:00:00.000Z'],
      ['PT4H', '2024-05-01T12:00:00.000Z'],
      ['P1DT2H30M', '2024-05-02T10:30:00.000Z'],
      ['P2W', '2024-05-15T08:00:00.000Z'],
    ])('when resolving %s from now, then it is %s', (spec, due) => {
      expect(resolveDueAt(spec, env, vars)).toBe(due);
    });

    it('when the duration uses months, then it is cel-syntax', () => {
      expect(codeOf(() => resolveDueAt('P1M', env, vars))).toBe('cel-syntax');
    });
  });

  describe('given a CEL expression', () => {
    it('when it returns a duration, then it is added to now', () => {
      const spec = { cel: 'data.amount > 5000 ? duration("24h") : duration("72h")' };
      expect(resolveDueAt(spec, env, vars)).toBe('2024-05-02T08:00:00.000Z');
    });

    it('when it builds the duration from parameters, then that works too', () => {
      expect(resolveDueAt({ cel: 'duration(string(params.slaDays * 24) + "h")' }, env, vars)).toBe(
        '2024-05-03T08:00:00.000Z',
      );
    });

    it('when it returns a timestamp, then it is used as is', () => {
      expect(resolveDueAt({ cel: 'timestamp(data.submittedAt) + duration("96h")' }, env, vars)).toBe(
        '2024-05-04T10:00:00.000Z',
      );
    });

    it('when it returns a dyn ISO string, then it is read as a timestamp', () => {
      expect(resolveDueAt({ cel: 'data.extra' }, env, vars)).toBe('2024-06-01T00:00:00.000Z');
    });

    it('when it returns another type, then it is cel-type', () => {
      expect(codeOf(() => resolveDueAt({ cel: 'data.amount' }, env, vars))).toBe('cel-type');
      expect(codeOf(() => resolveDueAt({ cel: 'data.extra' }, env, claimVars({ extra: 3 })))).toBe(
        'cel-type',
      );
    });

    it('when the expression does not compile or fails, then its error code is kept', () => {
      expect(codeOf(() => resolveDueAt({ cel: 'data.nope' }, env, vars))).toBe('cel-unknown-field');
      expect(codeOf(() => resolveDueAt({ cel: 'now + duration(data.title)' }, env, vars))).toBe(
        'cel-runtime',
      );
    });
  });

  describe('given a bad now', () => {
    it('when now is not an ISO timestamp, then it is cel-runtime', () => {
      expect(codeOf(() => resolveDueAt('P1D', env, { data: {}, now: 'tomorrow' }))).toBe('cel-runtime');
    });
  });
});

describe('resolveDueAt with working days', () => {
  const calendar = {
    timezone: 'Asia/Shanghai',
    holidays: { '2026-02-16': '春节', '2026-02-17': '春节', '2026-02-18': '春节' },
    workdays: { '2026-02-14': '调休' },
  };
  const friday = claimVars({}, { now: '2026-02-13T07:00:00.000Z' });

  it('given P3WD and the calendar, then the make-up Saturday counts and the holidays do not', () => {
    expect(resolveDueAt('P3WD', env, friday, calendar)).toBe('2026-02-20T07:00:00.000Z');
  });

  it('given {days: 3, working: true}, then it is the same as P3WD', () => {
    expect(resolveDueAt({ days: 3, working: true }, env, friday, calendar)).toBe('2026-02-20T07:00:00.000Z');
  });

  it('given {days: 3, working: false}, then it counts calendar days', () => {
    expect(resolveDueAt({ days: 3, working: false }, env, friday, calendar)).toBe('2026-02-16T07:00:00.000Z');
  });

  it('given P3WD and no calendar, then Monday to Friday are the working days', () => {
    expect(resolveDueAt('P3WD', env, friday)).toBe('2026-02-18T07:00:00.000Z');
  });
});
