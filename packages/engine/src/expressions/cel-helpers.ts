/**
 * The few functions Flowform adds to standard CEL for approval flows. Kept deliberately small;
 * everything else is plain CEL (`"manager" in actor.roles`, `timestamp(data.start + "T00:00:00Z")`).
 *
 * - `daysBetween(a, b)`: whole calendar days (UTC) from a to b; negative when b is earlier.
 *   Takes two `date`/`date-time` strings or two timestamps. Leave requests: `daysBetween(data.from, data.to) + 1`.
 * - `isoDuration(s)`: an ISO 8601 duration (`P3D`) as a CEL duration, matching the definition format.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { Duration } from '@marcbachmann/cel-js/evaluator';
import { parseIsoDuration } from './iso-duration';
import { parseIsoTimestamp } from './iso-timestamp';

const DAY_MS = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since the epoch of the UTC calendar date a `date` or zoned `date-time` string falls on. */
function utcDayNumber(text: string): number {
  const date = DATE_ONLY.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const ms = Date.UTC(year, month - 1, day);
    const check = new Date(ms);
    if (check.getUTCMonth() === month - 1 && check.getUTCDate() === day) return ms / DAY_MS;
  }
  const stamp = date ? undefined : parseIsoTimestamp(text);
  if (!stamp) throw new Error(`daysBetween(): '${text}' is not an ISO date or date-time`);
  return Math.floor(stamp.getTime() / DAY_MS);
}

function calendarDays(fromMs: number, toMs: number): bigint {
  return BigInt(Math.floor(toMs / DAY_MS) - Math.floor(fromMs / DAY_MS));
}

/** Registers `daysBetween` and `isoDuration` on an environment. */
export function registerHelperFunctions(env: Environment): void {
  env.registerFunction('daysBetween(string, string): int', (from: string, to: string) =>
    BigInt(utcDayNumber(to) - utcDayNumber(from)),
  );
  env.registerFunction(
    'daysBetween(google.protobuf.Timestamp, google.protobuf.Timestamp): int',
    (from: Date, to: Date) => calendarDays(from.getTime(), to.getTime()),
  );
  env.registerFunction('isoDuration(string): google.protobuf.Duration', (text: string) => {
    const ms = parseIsoDuration(text);
    if (ms === undefined) throw new Error(`isoDuration(): '${text}' is not an ISO 8601 duration`);
    return Duration.fromMilliseconds(ms);
  });
}
