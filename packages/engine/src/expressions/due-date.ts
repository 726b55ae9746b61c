/**
 * Due dates for tasks, reminders and escalations. A `DurationSpec` is an ISO 8601 duration added to
 * `now`, a working-day count (`P3WD`, `{ days: 3, working: true }`) counted on the calendar the
 * step was given, a calendar-day count (`{ days: 3, working: false }`), or a CEL expression returning
 * a duration (added to `now`) or a timestamp (used as is). `now` and the calendar come from the
 * command, so replaying a command yields the same due date.
 */
import {
  addWorkingDays,
  isDayCount,
  parseWorkingDays,
  WEEKDAYS_ONLY,
  type WorkingCalendar,
} from '../calendar';
import type { CelEnvironment, CelVariables } from './cel-environment-types';
import { ExpressionError } from './expression-error';
import { parseIsoDuration } from './iso-duration';
import { parseIsoTimestamp } from './iso-timestamp';

function toIso(ms: number, source: string): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) {
    throw new ExpressionError('cel-runtime', 'due date is out of range', source);
  }
  return date.toISOString();
}

/** `days` given as CEL: a whole number of days, at least 0. */
function dayCount(source: string, env: CelEnvironment, vars: CelVariables): number {
  const compiled = env.compile(source);
  if (compiled.type !== 'int' && compiled.type !== 'dyn')
    throw new ExpressionError('cel-type', `days must be an int, got ${compiled.type}`, source);
  const value = Number(compiled.evaluate(vars));
  if (!Number.isSafeInteger(value) || value < 0)
    throw new ExpressionError('cel-runtime', `days must be a whole number ≥ 0, got ${value}`, source);
  return value;
}

function fromWorkingDays(nowMs: number, days: number, calendar: WorkingCalendar, source: string): string {
  try {
    return toIso(addWorkingDays(nowMs, days, calendar), source);
  } catch (error) {
    if (error instanceof ExpressionError) throw error;
    throw new ExpressionError('cel-runtime', (error as Error).message, source);
  }
}

function fromCel(source: string, env: CelEnvironment, vars: CelVariables, nowMs: number): string {
  const compiled = env.compile(source);
  const { type } = compiled;
  const wrongType = (got: string) =>
    new ExpressionError('cel-type', `due expression must return a duration or timestamp, got ${got}`, source);
  if (type !== 'duration' && type !== 'timestamp' && type !== 'dyn') throw wrongType(type);
  const value = compiled.evaluate(vars);
  if (type === 'duration') return toIso(nowMs + (value as number), source);
  // A timestamp arrives as an ISO string; a `dyn` result must be one too (a bare number is ambiguous).
  const at = parseIsoTimestamp(value);
  if (!at) throw wrongType(type === 'dyn' ? typeof value : type);
  return toIso(at.getTime(), source);
}

/** Resolves a duration spec against `vars.now` to an ISO timestamp; throws ExpressionError. */
export function resolveDueAt(
  spec: string | { cel: string } | { days: number | string; working: boolean },
  env: CelEnvironment,
  vars: CelVariables,
  calendar: WorkingCalendar = WEEKDAYS_ONLY,
): string {
  const source = typeof spec === 'string' ? spec : 'cel' in spec ? String(spec.cel) : JSON.stringify(spec);
  const now = parseIsoTimestamp(vars.now);
  if (!now) throw new ExpressionError('cel-runtime', `now is not an ISO 8601 timestamp: ${vars.now}`, source);
  const working = parseWorkingDays(spec);
  if (working !== undefined) return fromWorkingDays(now.getTime(), working, calendar, source);
  if (isDayCount(spec)) {
    const days = typeof spec.days === 'number' ? spec.days : dayCount(spec.days, env, vars);
    if (spec.working) return fromWorkingDays(now.getTime(), days, calendar, source);
    return toIso(now.getTime() + days * 86_400_000, source);
  }
  if (typeof spec === 'string') {
    const ms = parseIsoDuration(spec);
    if (ms === undefined) {
      throw new ExpressionError(
        'cel-syntax',
        `'${spec}' is not an ISO 8601 duration (P3D, PT4H, P1DT2H30M, P2W) or working days (P3WD)`,
        spec,
      );
    }
    return toIso(now.getTime() + ms, source);
  }
  if (!('cel' in spec) || typeof spec.cel !== 'string') {
    throw new ExpressionError('cel-syntax', 'due spec needs a cel string', source);
  }
  return fromCel(spec.cel, env, vars, now.getTime());
}
