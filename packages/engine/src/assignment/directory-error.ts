/** Errors from building or changing a directory, typed so callers can map them to user messages. */

/** Why a directory operation failed. */
export const DIRECTORY_ERROR_CODES = ['invalid-seed', 'unknown-user', 'unknown-unit'] as const;

/** One of `DIRECTORY_ERROR_CODES`. */
export type DirectoryErrorCode = (typeof DIRECTORY_ERROR_CODES)[number];

/** Thrown by directory constructors and mutators on bad input; `problems` lists every issue found. */
export class DirectoryError extends Error {
  override readonly name = 'DirectoryError';
  constructor(
    readonly code: DirectoryErrorCode,
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message);
  }
}
