/** A timestamp column's value as ISO 8601 (the drivers give Date; some engine column types are loose). */
export function isoTime(value: unknown): string {
  return new Date(value as string | Date).toISOString();
}
