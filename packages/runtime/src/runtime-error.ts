/** Runtime failures beyond the pure step's own refusals. */
export const RUNTIME_ERROR_CODES = [
  'conflict',
  'not-found',
  'definition-not-found',
  'invalid-cursor',
] as const;

/** One of `RUNTIME_ERROR_CODES`. */
export type RuntimeErrorCode = (typeof RUNTIME_ERROR_CODES)[number];

/**
 * A command lost a race (`conflict`), named something that does not exist, or a list was handed a
 * cursor it did not mint (`invalid-cursor`); nothing was written.
 */
export class RuntimeError extends Error {
  constructor(
    readonly code: RuntimeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RuntimeError';
  }
}
