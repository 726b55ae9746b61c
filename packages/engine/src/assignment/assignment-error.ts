/** The one error assignment throws, with a code the engine maps to a case incident. */

/** `assignment-empty`: nobody can take the task; `assignment-invalid`: the rule or case data is wrong. */
export type AssignmentErrorCode = 'assignment-empty' | 'assignment-invalid';

/** Thrown by `resolveAssignment` so the engine can record why a task could not be assigned. */
export class AssignmentError extends Error {
  override readonly name = 'AssignmentError';
  constructor(
    readonly code: AssignmentErrorCode,
    message: string,
  ) {
    super(message);
  }
}
