import { describe, expect, it } from 'vitest';
import { WEEKDAYS_ONLY, type WorkingCalendar } from './working-calendar';
import { addWorkingDays } from './working-days';
import { parseWorkingDays } from './working-duration';
import { instantOf, localTimeOf } from './zoned-time';

/** The 2026 Spring Festival as the State Council set it (the `chinese-days` data): 02-15 … 02-23 off, 02-14 and 02-28 worked. */
const spring2026: WorkingCalendar = {
  timezone: 'Asia/Shanghai',
  holidays: Object.fromEntries(
    ['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => [`2026-02-${d}`, '春节']),
  ),
  workdays: { '2026-02-14': '春节调休', '2026-02-28': '春节调休' },
};

const at = (iso: string, days: number, calendar: WorkingCalendar) =>
  new Date(addWorkingDays(Date.parse(iso), days, calendar)).toISOString();

describe('working days', () => {
  it('given Friday 2026-02-13 15:00 Shanghai, when 3 working days are added, then the make-up Saturday counts and the holiday does not (Wed 02-25 15:00)', () => {
    expect(at('2026-02-13T07:00:00Z', 3, spring2026)).toBe('2026-02-25T07:00:00.000Z');
  });

  it('given the same Friday and no holidays, when 3 working days are added, then it is the next Wednesday', () => {
    expect(at('2026-02-13T07:00:00Z', 3, WEEKDAYS_ONLY)).toBe('2026-02-18T07:00:00.000Z');
  });

  it('given a start on a holiday, when 1 working day is added, then it is the first working day after it', () => {
    expect(at('2026-02-16T02:00:00Z', 1, spring2026)).toBe('2026-02-24T02:00:00.000Z');
  });

  it('given 23:30 Shanghai (15:30 UTC the day before), when 1 working day is added, then the local date decides', () => {
    // 2026-02-13T16:30Z is Saturday 00:30 in Shanghai: a make-up day, so the next working day is Tue 02-24.
    expect(at('2026-02-13T16:30:00Z', 1, spring2026)).toBe('2026-02-23T16:30:00.000Z');
  });

  it('given a calendar where every day is a holiday, when a working day is added, then it refuses instead of looping', () => {
    const holidays = Object.fromEntries(
      Array.from({ length: 4000 }, (_, i) => [new Date(i * 86_400_000).toISOString().slice(0, 10), 'off']),
    );
    expect(() => addWorkingDays(0, 1, { timezone: 'UTC', holidays, workdays: {} })).toThrow(/ten years/);
  });

  it('given the written forms, then P3WD and {days, working: true} count working days and others do not', () => {
    expect(parseWorkingDays('P3WD')).toBe(3);
    expect(parseWorkingDays({ days: 5, working: true })).toBe(5);
    expect(parseWorkingDays({ days: 5, working: false })).toBeUndefined();
    expect(parseWorkingDays('P3D')).toBeUndefined();
    expect(parseWorkingDays('P-1WD')).toBeUndefined();
  });

  it('given a zone with daylight saving, when a wall time is converted both ways, then it round-trips', () => {
    const ms = instantOf({ date: '2026-07-01', hour: 9, minute: 0, second: 0, ms: 0 }, 'Europe/Berlin');
    expect(new Date(ms).toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(localTimeOf(ms, 'Europe/Berlin')).toMatchObject({ date: '2026-07-01', hour: 9 });
  });
});
