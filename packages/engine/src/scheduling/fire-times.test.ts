import { describe, expect, it } from 'vitest';
import { WEEKDAYS_ONLY, type WorkingCalendar } from '../calendar';
import { nextFireTimes } from './fire-times';
import { parseScheduleRule } from './schedule-rule';

/** 2027's New Year holiday as an administrator entered it (the data package stops at 2026). */
const newYear2027: WorkingCalendar = {
  timezone: 'Asia/Shanghai',
  holidays: { '2027-01-01': '元旦' },
  workdays: {},
};
/** 2026's National Day as the `chinese-days` data has it: 10-01 … 10-07 off, 10-10 (Saturday) worked. */
const national2026: WorkingCalendar = {
  timezone: 'Asia/Shanghai',
  holidays: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [`2026-10-0${d}`, '国庆节'])),
  workdays: { '2026-09-20': '国庆节调休', '2026-10-10': '国庆节调休' },
};

describe('schedule rules', () => {
  it('given "every Friday 17:00", then the next five fires are Fridays 17:00 Shanghai (09:00 UTC)', () => {
    expect(nextFireTimes({ when: 'every Friday 17:00' }, '2026-12-02T00:00:00Z', WEEKDAYS_ONLY)).toEqual([
      '2026-12-04T09:00:00.000Z',
      '2026-12-11T09:00:00.000Z',
      '2026-12-18T09:00:00.000Z',
      '2026-12-25T09:00:00.000Z',
      '2027-01-01T09:00:00.000Z',
    ]);
  });

  it('given the same rule in Chinese and as cron, then they fire at the same times', () => {
    const english = nextFireTimes({ when: 'every Friday 17:00' }, '2026-12-02T00:00:00Z', WEEKDAYS_ONLY);
    expect(nextFireTimes({ when: '每周五 17:00' }, '2026-12-02T00:00:00Z', WEEKDAYS_ONLY)).toEqual(english);
    expect(nextFireTimes({ when: '0 17 * * 5' }, '2026-12-02T00:00:00Z', WEEKDAYS_ONLY)).toEqual(english);
  });

  it('given "first working day of each quarter 09:00" and New Year 2027 off, then Q1 2027 starts on Monday 01-04', () => {
    expect(
      nextFireTimes(
        { when: 'first working day of each quarter 09:00' },
        '2026-12-02T00:00:00Z',
        newYear2027,
        2,
      ),
    ).toEqual(['2027-01-04T01:00:00.000Z', '2027-04-01T01:00:00.000Z']);
  });

  it('given National Day 2026, then the first working day of October is 10-08 and of the month after 11-02', () => {
    expect(
      nextFireTimes(
        { when: 'first working day of the month 09:00' },
        '2026-09-15T00:00:00Z',
        national2026,
        3,
      ),
    ).toEqual(['2026-10-08T01:00:00.000Z', '2026-11-02T01:00:00.000Z', '2026-12-01T01:00:00.000Z']);
  });

  it('given "every working day 09:00" over National Day, then the holiday week is skipped and make-up Saturday 10-10 fires', () => {
    const fires = nextFireTimes({ when: 'every working day 09:00' }, '2026-09-30T02:00:00Z', national2026, 3);
    expect(fires).toEqual([
      '2026-10-08T01:00:00.000Z',
      '2026-10-09T01:00:00.000Z',
      '2026-10-10T01:00:00.000Z',
    ]);
  });

  it('given a time zone, then the rule is read in it', () => {
    expect(
      nextFireTimes({ when: 'every day 08:00', timezone: 'UTC' }, '2026-12-02T09:00:00Z', WEEKDAYS_ONLY, 1),
    ).toEqual(['2026-12-03T08:00:00.000Z']);
  });

  it.each([
    ['every Fryday 17:00', /day of the week/],
    ['every Friday 25:00', /HH:MM/],
    ['0 17 * *', /neither a named rule nor a cron/],
    ['0 99 * * 5', /not a valid cron/],
    ['', /empty/],
  ])('given "%s", then it is refused with a reason', (when, reason) => {
    const reading = parseScheduleRule(when);
    expect(reading.ok).toBe(false);
    expect(reading.ok ? '' : reading.message).toMatch(reason);
  });
});
