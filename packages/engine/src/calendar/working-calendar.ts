/**
 * The working-day calendar as data: which local dates are days off besides weekends (public
 * holidays, site closures) and which weekend dates are worked (调休 make-up days, extra days). The
 * runtime loads it (the `chinese-days` data plus administrators' edits) and hands it to the step;
 * nothing here reads a clock or a package.
 */

/** The district's time zone: schedules and working days are counted in it unless told otherwise. */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** A working-day calendar: local dates (`YYYY-MM-DD`) with the name of the day. */
export interface WorkingCalendar {
  timezone: string;
  /** Days off that would otherwise be worked (holidays, closures): date → name. */
  holidays: Record<string, string>;
  /** Weekend days that are worked (make-up days, extra days): date → name. */
  workdays: Record<string, string>;
  /** The administrators' version the calendar was loaded at, for the audit detail. */
  version?: number;
}

/** Monday to Friday, no holidays: the calendar of a step that was given none. */
export const WEEKDAYS_ONLY: WorkingCalendar = Object.freeze({
  timezone: DEFAULT_TIMEZONE,
  holidays: Object.freeze({}),
  workdays: Object.freeze({}),
}) as WorkingCalendar;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `date` (`YYYY-MM-DD`) is a real calendar date. */
export function isLocalDate(date: unknown): date is string {
  const m = typeof date === 'string' ? DATE.exec(date) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether people work on `date`: a make-up day is worked, a holiday is not, else Monday to Friday. */
export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  if (Object.hasOwn(calendar.workdays, date)) return true;
  if (Object.hasOwn(calendar.holidays, date)) return false;
  const day = weekdayOf(date);
  return day !== 0 && day !== 6;
}

/** The first working day on or after `date`, searching at most a year ahead. */
export function firstWorkingDayFrom(calendar: WorkingCalendar, date: string): string {
  let day = date;
  for (let i = 0; i < 366; i += 1, day = addDays(day, 1)) {
    if (isWorkingDay(calendar, day)) return day;
  }
  throw new RangeError(`no working day in the year from ${date}`);
}
