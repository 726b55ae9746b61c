/** Runtime failures beyond the pure step's own refusals. */
export type RuntimeErrorCode = 'conflict' | 'not-found' | 'definition-not-found';

/** A command lost a race (`conflict`) or named something that does not exist; nothing was written. */
export class RuntimeError extends Error {
  constructor(
    readonly code: RuntimeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RuntimeError';
  }
}
