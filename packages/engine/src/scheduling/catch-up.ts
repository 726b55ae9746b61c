/**
 * What the scheduler does with a fire that came due: start it, or (after downtime) start one case
 * for all missed fires (`once`) or none (`skip`), then move on to the first fire after `now`.
 */
import { DEFAULT_TIMEZONE, type WorkingCalendar } from '../calendar';
import type { ScheduleDef } from '../definition/definition-types';
import { nextFire } from './fire-times';
import { parseScheduleRule } from './schedule-rule';

/** A fire later than this after its time counts as missed (the process was down), not just late. */
export const CATCH_UP_GRACE_MS = 15 * 60_000;

/** The decision for one due fire. */
export interface FireDecision {
  /** The fire time to start a case for; absent when the missed fires are skipped. */
  start?: string;
  /** How many fire times from `due` to `now` are covered by this decision. */
  covered: number;
  /** The schedule's next fire time after `now`; absent if the rule never fires again. */
  next?: string;
}

/** Decides what to do with the fire due at `due` when the scheduler looks at `now`. */
export function decideFire(
  schedule: ScheduleDef,
  due: string,
  now: string,
  calendar: WorkingCalendar,
): FireDecision {
  const reading = parseScheduleRule(schedule.when);
  if (!reading.ok) return { covered: 0 };
  const timezone = schedule.timezone ?? DEFAULT_TIMEZONE;
  const nowMs = Date.parse(now);
  let last = Date.parse(due);
  let covered = 1;
  for (;;) {
    const following = nextFire(reading.rule, last, timezone, calendar);
    if (following === undefined || following > nowMs) {
      const next = following === undefined ? undefined : new Date(following).toISOString();
      const missed = covered > 1 || nowMs - Date.parse(due) > CATCH_UP_GRACE_MS;
      if (missed && schedule.catchUp === 'skip') return { covered, next };
      // `once`: one case, for the most recent missed fire (its period is the current one).
      return { start: new Date(last).toISOString(), covered, next };
    }
    last = following;
    covered += 1;
  }
}

/** The first fire strictly after `after`, as ISO; undefined when the rule is invalid or ends. */
export function firstFireAfter(
  schedule: ScheduleDef,
  after: string,
  calendar: WorkingCalendar,
): string | undefined {
  const reading = parseScheduleRule(schedule.when);
  if (!reading.ok) return undefined;
  const next = nextFire(reading.rule, Date.parse(after), schedule.timezone ?? DEFAULT_TIMEZONE, calendar);
  return next === undefined ? undefined : new Date(next).toISOString();
}
