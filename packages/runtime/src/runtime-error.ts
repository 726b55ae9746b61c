/** Runtime failures beyond the pure step's own refusals. */
export const RUNTIME_ERROR_CODES = [
  'conflict',
  'not-found',
  'definition-not-found',
  'invalid-cursor',
  'duplicate-value',
] as const;

/** One of `RUNTIME_ERROR_CODES`. */
export type RuntimeErrorCode = (typeof RUNTIME_ERROR_CODES)[number];

/**
 * A command lost a race (`conflict`), named something that does not exist, a list was handed a
 * cursor it did not mint (`invalid-cursor`), or the data repeats a value another case holds
 * (`duplicate-value`, with `details.errors` per field and `details.cases`); nothing was written.
 */
export class RuntimeError extends Error {
  constructor(
    readonly code: RuntimeErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'RuntimeError';
  }
}
