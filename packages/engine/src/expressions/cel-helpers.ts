/**
 * The few functions Flowform adds to standard CEL for approval flows. Kept deliberately small;
 * everything else is plain CEL (`"manager" in actor.roles`, `timestamp(data.start + "T00:00:00Z")`).
 *
 * - `daysBetween(a, b)`: whole calendar days (UTC) from a to b; negative when b is earlier.
 *   Takes two `date`/`date-time` strings or two timestamps. Leave requests: `daysBetween(data.from, data.to) + 1`.
 * - `isoDuration(s)`: an ISO 8601 duration (`P3D`) as a CEL duration, matching the definition format.
 * - `localDate(t, zone)`: the `YYYY-MM-DD` date a timestamp falls on in an IANA zone
 *   (`localDate(now + duration("72h"), "Asia/Shanghai")`: the Monday after a Friday fire).
 *
 * Each is declared twice from one table: to the checker (types) and to the evaluator (implementation).
 */
import { type CelFunc, CelScalar, celFunc, objectType } from '@bufbuild/cel';
import { create } from '@bufbuild/protobuf';
import { DurationSchema, type Timestamp, TimestampSchema } from '@bufbuild/protobuf/wkt';
import type { Environment } from '@marcbachmann/cel-js';
import { localTimeOf } from '../calendar';
import { parseIsoDuration } from './iso-duration';
import { parseIsoTimestamp } from './iso-timestamp';

const DAY_MS = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = objectType(TimestampSchema);
const DURATION = objectType(DurationSchema);

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
  if (!stamp) throw new Error(`daysBetween(): '${text}' is not an ISO date or date-time (conversion)`);
  return Math.floor(stamp.getTime() / DAY_MS);
}

const dayOf = (t: Timestamp): bigint => BigInt(Math.floor((Number(t.seconds) * 1000) / DAY_MS));
const messageOf = (v: unknown): Timestamp => (v as { message: Timestamp }).message;

/** Declares `daysBetween` and `isoDuration` to the checker. */
export function registerHelperFunctions(env: Environment): void {
  const unused = () => {
    throw new Error('checker-side declaration: the evaluator implements this function');
  };
  env.registerFunction('daysBetween(string, string): int', unused);
  env.registerFunction('daysBetween(google.protobuf.Timestamp, google.protobuf.Timestamp): int', unused);
  env.registerFunction('isoDuration(string): google.protobuf.Duration', unused);
  env.registerFunction('localDate(google.protobuf.Timestamp, string): string', unused);
}

/** The same functions, implemented for the evaluator. */
export function runtimeHelperFunctions(): CelFunc[] {
  return [
    celFunc('daysBetween', [CelScalar.STRING, CelScalar.STRING], CelScalar.INT, (from, to) =>
      BigInt(utcDayNumber(to) - utcDayNumber(from)),
    ),
    celFunc(
      'daysBetween',
      [TIMESTAMP, TIMESTAMP],
      CelScalar.INT,
      (from, to) => dayOf(messageOf(to)) - dayOf(messageOf(from)),
    ),
    celFunc('isoDuration', [CelScalar.STRING], DURATION, (text) => {
      const ms = parseIsoDuration(text);
      if (ms === undefined)
        throw new Error(`isoDuration(): '${text}' is not an ISO 8601 duration (conversion)`);
      return create(DurationSchema, { seconds: BigInt(Math.trunc(ms / 1000)), nanos: (ms % 1000) * 1e6 });
    }),
    celFunc('localDate', [TIMESTAMP, CelScalar.STRING], CelScalar.STRING, (t, zone) => {
      try {
        return localTimeOf(Number(messageOf(t).seconds) * 1000, zone).date;
      } catch {
        throw new Error(`localDate(): '${zone}' is not a time zone (conversion)`);
      }
    }),
  ];
}
