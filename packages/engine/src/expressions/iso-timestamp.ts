/** Strict ISO 8601 date-time with an explicit zone, as commands carry it (`2024-05-01T08:00:00Z`). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Parses a zoned ISO timestamp; anything `Date.parse` would guess at (no zone, prose) → undefined. */
export function parseIsoTimestamp(text: unknown): Date | undefined {
  if (typeof text !== 'string' || !ISO_DATE_TIME.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
