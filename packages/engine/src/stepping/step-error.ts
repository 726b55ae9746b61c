/** Why a command was refused; stable codes the API maps to HTTP statuses. */
export type StepErrorCode =
  | 'not-enabled'
  | 'not-permitted'
  | 'invalid-form'
  | 'invalid-command'
  | 'stale'
  | 'not-found'
  | 'assignment-empty'
  | 'expression-failed'
  /** A string PostgreSQL cannot store (U+0000, a lone surrogate); details `{ path, reason }`. */
  | 'invalid-text';

/** A refused command: nothing changes, the caller gets the code and details. */
export class StepError extends Error {
  constructor(
    readonly code: StepErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'StepError';
  }
}
