/** The one error assignment throws, with a code the engine maps to a case incident. */

/** `assignment-empty`: nobody can take the task; `assignment-invalid`: the rule or case data is wrong. */
export const ASSIGNMENT_ERROR_CODES = ['assignment-empty', 'assignment-invalid'] as const;

/** One of `ASSIGNMENT_ERROR_CODES`. */
export type AssignmentErrorCode = (typeof ASSIGNMENT_ERROR_CODES)[number];

/**
 * The case data field an `assignment-invalid` error comes from, when it comes from data: its dotted
 * path (`branch`, `applicant.unit`), what it should hold, and whether the value has the wrong type
 * or names nobody/nothing known.
 */
export interface AssignmentField {
  field: string;
  expected: 'unit' | 'user';
  problem: 'type' | 'unknown';
}

/** Thrown by `resolveAssignment` so the engine can record why a task could not be assigned. */
export class AssignmentError extends Error {
  override readonly name = 'AssignmentError';
  constructor(
    readonly code: AssignmentErrorCode,
    message: string,
    /** Set when a case data field holds the wrong value (a user's input, not the rule, is wrong). */
    readonly field?: AssignmentField,
  ) {
    super(message);
  }
}
