export {
  addDays,
  DEFAULT_TIMEZONE,
  firstWorkingDayFrom,
  isLocalDate,
  isWorkingDay,
  WEEKDAYS_ONLY,
  type WorkingCalendar,
  weekdayOf,
} from './working-calendar';
export { addWorkingDays } from './working-days';
export { type DayCountSpec, isDayCount, parseWorkingDays } from './working-duration';
export { instantOf, isTimeZone, type LocalTime, localTimeOf } from './zoned-time';
