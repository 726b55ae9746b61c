import { addDays, isWorkingDay, type WorkingCalendar } from './working-calendar';
import { instantOf, localTimeOf } from './zoned-time';

/** Most working days a duration may count (about ten years), so a calendar of only holidays stops. */
const MAX_SCAN_DAYS = 3660;

/**
 * `days` working days after the instant `fromMs`: the same local time of day on the `days`-th
 * working day after its local date (the start day itself never counts, so a deadline set on a
 * Friday afternoon with 3 working days falls on the third working day after it).
 */
export function addWorkingDays(fromMs: number, days: number, calendar: WorkingCalendar): number {
  if (!Number.isSafeInteger(days) || days < 0)
    throw new RangeError(`working days must be a whole number ≥ 0`);
  const start = localTimeOf(fromMs, calendar.timezone);
  let date = start.date;
  let counted = 0;
  for (let scanned = 0; counted < days; scanned += 1) {
    if (scanned > MAX_SCAN_DAYS) throw new RangeError(`fewer than ${days} working days in ten years`);
    date = addDays(date, 1);
    if (isWorkingDay(calendar, date)) counted += 1;
  }
  return instantOf({ ...start, date }, calendar.timezone);
}
