import { describe, expect, it } from 'vitest';
import { dayKind, durationText, withDayKind } from './duration-text';

describe('duration text', () => {
  it('given day counts in every spelling, when read, then calendar and working days are told apart', () => {
    expect(
      ['P3D', 'P3WD', { days: 3, working: true }, { days: 2 }, 'PT4H', { cel: 'x' }].map(dayKind),
    ).toEqual(['calendar', 'working', 'working', 'calendar', undefined, undefined]);
  });

  it('given a day count, when switched to working days and back, then P3D becomes P3WD and returns', () => {
    expect(withDayKind('P3D', 'working')).toBe('P3WD');
    expect(withDayKind('P3WD', 'calendar')).toBe('P3D');
    expect(withDayKind({ days: 'params.statementDays', working: false }, 'working')).toEqual({
      days: 'params.statementDays',
      working: true,
    });
    expect(withDayKind('PT4H', 'working')).toBe('PT4H');
    expect(durationText(withDayKind({ days: 5 }, 'working'))).toBe('P5WD');
  });
});
