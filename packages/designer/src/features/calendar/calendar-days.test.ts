import { describe, expect, it } from 'vitest';
import type { CalendarDay } from './calendar-api';
import { byDate, dayInfo, workingDayCount } from './calendar-days';

const pkg = byDate([
  { date: '2026-02-17', kind: 'off', name: '春节' },
  { date: '2026-02-14', kind: 'work', name: '春节' },
]);

describe('calendar days', () => {
  it('given the package and no own days, when days are read, then holiday, make-up Saturday, weekend and weekday follow', () => {
    const none = byDate([]);
    expect(dayInfo('2026-02-17', pkg, none)).toMatchObject({ kind: 'holiday', working: false, name: '春节' });
    expect(dayInfo('2026-02-14', pkg, none)).toMatchObject({ kind: 'makeUp', working: true });
    expect(dayInfo('2026-02-15', pkg, none)).toMatchObject({ kind: 'weekend', working: false });
    expect(dayInfo('2026-02-16', pkg, none)).toMatchObject({ kind: 'work', working: true, own: false });
  });

  it("given an administrator's closure on a package make-up day, when read, then theirs wins and is removable", () => {
    const own = byDate([{ date: '2026-02-14', kind: 'off', name: '停电检修' } satisfies CalendarDay]);
    expect(dayInfo('2026-02-14', pkg, own)).toEqual({
      date: '2026-02-14',
      kind: 'closure',
      working: false,
      name: '停电检修',
      own: true,
    });
  });

  it('given an extra working day, when the year is counted, then it adds one', () => {
    const base = workingDayCount(2027, byDate([]), byDate([]));
    expect(
      workingDayCount(2027, byDate([]), byDate([{ date: '2027-01-02', kind: 'work', name: '加班' }])),
    ).toBe(base + 1);
  });
});
