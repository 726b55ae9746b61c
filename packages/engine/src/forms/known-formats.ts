/** The `format` values ajv-formats checks (its "full" mode; the interpreter copies its checks). */
export const STANDARD_FORMATS = ['date', 'date-time', 'time', 'email', 'uri', 'uuid'] as const;

/**
 * Flowform's own formats: a field naming a person (a username) or a unit (a unit id) of the
 * directory. The schema checks their shape only; the step checks them against the directory
 * (reference-check.ts), with the roles or unit kinds the field allows (`x-roles`, `x-unitKinds`).
 */
export const REFERENCE_FORMATS = ['flowform-user', 'flowform-unit'] as const;

/** A directory reference format. */
export type ReferenceFormat = (typeof REFERENCE_FORMATS)[number];

/** The `format` values forms may use: anything else is a lint error. */
export const KNOWN_FORMATS = [...STANDARD_FORMATS, ...REFERENCE_FORMATS] as const;

/** Annotation keywords forms may add: option names, and what a reference field allows. */
export const FORM_KEYWORDS = ['enumNames', 'x-roles', 'x-unitKinds'] as const;

/**
 * The shape of a username or unit id: 1 to 64 characters, no white space or control characters.
 * A plain regular expression, so ajv and the interpreter agree by construction.
 */
export const REFERENCE_SHAPE = /^[^\s\p{Cc}]{1,64}$/u;

/** Whether ajv will check this `format` value. */
export function isKnownFormat(format: unknown): boolean {
  return (KNOWN_FORMATS as readonly unknown[]).includes(format);
}

/** Whether `format` names a directory reference. */
export function isReferenceFormat(format: unknown): format is ReferenceFormat {
  return (REFERENCE_FORMATS as readonly unknown[]).includes(format);
}
