/**
 * When a schedule fires: the first fire strictly after an instant, and the next few (the designer
 * shows five). Pure: the instant and the working-day calendar are passed in.
 */
import { Cron } from 'croner';
import {
  addDays,
  DEFAULT_TIMEZONE,
  firstWorkingDayFrom,
  instantOf,
  isWorkingDay,
  localTimeOf,
  type WorkingCalendar,
} from '../calendar';
import type { ScheduleDef } from '../definition/definition-types';
import { parseScheduleRule, type ScheduleRule } from './schedule-rule';

const crons = new Map<string, Cron>();

function cron(pattern: string, timezone: string): Cron {
  const key = `${timezone} ${pattern}`;
  let c = crons.get(key);
  if (!c) {
    c = new Cron(pattern, { timezone, paused: true });
    crons.set(key, c);
  }
  return c;
}

/** The first day of the month or quarter after the one `date` is in. */
function nextPeriodStart(date: string, every: 'month' | 'quarter'): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const step = every === 'quarter' ? 3 - ((m - 1) % 3) : 1;
  const month = m + step;
  return month > 12
    ? `${y + 1}-${String(month - 12).padStart(2, '0')}-01`
    : `${y}-${String(month).padStart(2, '0')}-01`;
}

function periodStart(date: string, every: 'month' | 'quarter'): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const month = every === 'quarter' ? m - ((m - 1) % 3) : m;
  return `${y}-${String(month).padStart(2, '0')}-01`;
}

function at(date: string, hour: number, minute: number, timezone: string): number {
  return instantOf({ date, hour, minute, second: 0, ms: 0 }, timezone);
}

/** The first fire of `rule` strictly after `afterMs`. */
export function nextFire(
  rule: ScheduleRule,
  afterMs: number,
  timezone: string,
  calendar: WorkingCalendar,
): number | undefined {
  const cal = { ...calendar, timezone };
  switch (rule.kind) {
    case 'cron':
      return cron(rule.pattern, timezone).nextRun(new Date(afterMs))?.getTime();
    case 'everyWorkingDay': {
      let date = localTimeOf(afterMs, timezone).date;
      for (let i = 0; i < 400; i += 1, date = addDays(date, 1)) {
        const fire = at(date, rule.hour, rule.minute, timezone);
        if (fire > afterMs && isWorkingDay(cal, date)) return fire;
      }
      return undefined;
    }
    case 'firstWorkingDay': {
      let start = periodStart(localTimeOf(afterMs, timezone).date, rule.every);
      for (let i = 0; i < 3; i += 1, start = nextPeriodStart(start, rule.every)) {
        const fire = at(firstWorkingDayFrom(cal, start), rule.hour, rule.minute, timezone);
        if (fire > afterMs) return fire;
      }
      return undefined;
    }
  }
}

/** The next `count` fire times of a schedule after `after` (ISO); empty when `when` is not a rule. */
export function nextFireTimes(
  schedule: Pick<ScheduleDef, 'when' | 'timezone'>,
  after: string,
  calendar: WorkingCalendar,
  count = 5,
): string[] {
  const reading = parseScheduleRule(schedule.when);
  if (!reading.ok) return [];
  const timezone = schedule.timezone ?? DEFAULT_TIMEZONE;
  const out: string[] = [];
  let from = Date.parse(after);
  while (out.length < count) {
    const next = nextFire(reading.rule, from, timezone, calendar);
    if (next === undefined) break;
    out.push(new Date(next).toISOString());
    from = next;
  }
  return out;
}
