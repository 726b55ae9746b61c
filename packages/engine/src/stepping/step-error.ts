/**
 * Why a command was refused: every stable code the API maps to an HTTP status. A runtime list, so
 * the server's mapping table is exhaustive over it and a test can walk every code.
 */
export const STEP_ERROR_CODES = [
  'not-enabled',
  'not-permitted',
  /**
   * The acting person, or a person the command would reach, is kept off the task by its `excludes`
   * (separation of duties); details `SeparationRefusal` (who, `path` for a reached person, why).
   */
  'separation-of-duties',
  'invalid-form',
  /**
   * A person or unit named in a form field (`flowform-user`, `flowform-unit`) or a task command
   * (`to`, `users`) that the directory does not know or the field does not allow; details
   * `{ errors: FieldError[] }` with each value's path, as for `invalid-form`.
   */
  'invalid-reference',
  'invalid-command',
  /**
   * A transfer, delegate, added signer or copy names people outside the operation's reach (the
   * task's assignment, widened by `task.reach`); details `{ operation, users }`.
   */
  'outside-reach',
  /** A delegate or copy on a confidential case names people who may not open it; details `{ operation, users }`. */
  'not-entitled',
  /** 催办 again inside the task's `urgeInterval`; details `{ allowedAt, retryAfter }` (seconds). */
  'urge-too-soon',
  /** The case is suspended by an administrator: no task work until resumed; details `{ by, at, reason }`. */
  'case-suspended',
  'stale',
  'not-found',
  'assignment-empty',
  'expression-failed',
  /** A string PostgreSQL cannot store (U+0000, a lone surrogate); details `{ path, reason }`. */
  'invalid-text',
] as const;

/** One of `STEP_ERROR_CODES`. */
export type StepErrorCode = (typeof STEP_ERROR_CODES)[number];

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
