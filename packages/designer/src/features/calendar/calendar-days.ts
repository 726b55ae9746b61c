/**
 * What a day of the year is, the way the runtime decides it: an administrator's day first, then the
 * package's make-up working day (调休) or holiday, else Monday to Friday work and weekends off.
 */
import type { CalendarDay } from './calendar-api';

export type DayKind = 'work' | 'weekend' | 'holiday' | 'makeUp' | 'closure' | 'extraWork';

export interface DayInfo {
  date: string;
  kind: DayKind;
  working: boolean;
  name?: string;
  /** Entered by an administrator (removable here), not from the package. */
  own: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of day `d` of month `m` (1-based) in `year`. */
export const isoDate = (year: number, m: number, d: number) => `${year}-${pad(m)}-${pad(d)}`;

export const daysInMonth = (year: number, m: number) => new Date(Date.UTC(year, m, 0)).getUTCDate();

/** 0 = Monday … 6 = Sunday. */
export const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

export function dayInfo(
  date: string,
  pkg: ReadonlyMap<string, CalendarDay>,
  own: ReadonlyMap<string, CalendarDay>,
): DayInfo {
  const mine = own.get(date);
  if (mine)
    return mine.kind === 'off'
      ? { date, kind: 'closure', working: false, name: mine.name, own: true }
      : { date, kind: 'extraWork', working: true, name: mine.name, own: true };
  const fromPackage = pkg.get(date);
  if (fromPackage)
    return fromPackage.kind === 'off'
      ? { date, kind: 'holiday', working: false, name: fromPackage.name, own: false }
      : { date, kind: 'makeUp', working: true, name: fromPackage.name, own: false };
  return weekdayOf(date) >= 5
    ? { date, kind: 'weekend', working: false, own: false }
    : { date, kind: 'work', working: true, own: false };
}

/** Working days of a year, for the summary line. */
export function workingDayCount(
  year: number,
  pkg: ReadonlyMap<string, CalendarDay>,
  own: ReadonlyMap<string, CalendarDay>,
): number {
  let n = 0;
  for (let m = 1; m <= 12; m++)
    for (let d = 1; d <= daysInMonth(year, m); d++) if (dayInfo(isoDate(year, m, d), pkg, own).working) n++;
  return n;
}

export const byDate = (days: readonly CalendarDay[]) => new Map(days.map((d) => [d.date, d]));
