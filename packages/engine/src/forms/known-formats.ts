/** The `format` values forms may use: ajv-formats checks exactly these, anything else is a lint error. */
export const KNOWN_FORMATS = ['date', 'date-time', 'time', 'email', 'uri', 'uuid'] as const;

/** Whether ajv will check this `format` value. */
export function isKnownFormat(format: unknown): boolean {
  return (KNOWN_FORMATS as readonly unknown[]).includes(format);
}
