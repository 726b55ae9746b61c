import { create } from '@bufbuild/protobuf';
import { type Timestamp, TimestampSchema } from '@bufbuild/protobuf/wkt';

/** Strict ISO 8601 date-time with an explicit zone, as commands carry it (`2024-05-01T08:00:00Z`). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.(\d{1,9}))?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Parses a zoned ISO timestamp; anything `Date.parse` would guess at (no zone, prose) → undefined. */
export function parseIsoTimestamp(text: unknown): Date | undefined {
  if (typeof text !== 'string' || !ISO_DATE_TIME.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A zoned ISO timestamp as a CEL timestamp, keeping all nine digits of the fraction. */
export function timestampFromIso(text: unknown): Timestamp | undefined {
  const date = parseIsoTimestamp(text);
  if (!date) return undefined;
  const fraction = ISO_DATE_TIME.exec(text as string)?.[1] ?? '';
  const ms = date.getTime();
  const seconds = BigInt(Math.floor(ms / 1000));
  return create(TimestampSchema, { seconds, nanos: Number(fraction.padEnd(9, '0')) });
}
