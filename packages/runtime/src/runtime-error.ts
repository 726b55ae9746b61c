/** Runtime failures beyond the pure step's own refusals. */
export type RuntimeErrorCode = 'conflict' | 'not-found' | 'definition-not-found' | 'invalid-cursor';

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
