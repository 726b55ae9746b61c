/**
 * Working-day durations in the definition format: `P3WD` (ISO 8601 style with a `WD` unit) or
 * `{ "days": 3, "working": true }`; `days` may be CEL giving an int (`"params.statementDays"`). A day
 * count with `working: false` is calendar days (`P3D`).
 */

/** `{ days, working }` as written in a definition; `days` a count or CEL source yielding one. */
export interface DayCountSpec {
  days: number | string;
  working: boolean;
}

const WORKING = /^P(\d{1,4})WD$/;

/** Whether `spec` is a `{ days, working }` object. */
export function isDayCount(spec: unknown): spec is DayCountSpec {
  if (typeof spec !== 'object' || spec === null) return false;
  const { days, working } = spec as Partial<DayCountSpec>;
  const count = Number.isSafeInteger(days) && (days as number) >= 0;
  return typeof working === 'boolean' && (count || (typeof days === 'string' && days !== ''));
}

/** The number of working days `P3WD` or `{ days: 3, working: true }` counts; undefined otherwise. */
export function parseWorkingDays(spec: unknown): number | undefined {
  if (typeof spec === 'string') {
    const m = WORKING.exec(spec);
    return m ? Number(m[1]) : undefined;
  }
  return isDayCount(spec) && spec.working && typeof spec.days === 'number' ? spec.days : undefined;
}
