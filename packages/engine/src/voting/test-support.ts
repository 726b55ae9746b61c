import { VotingError } from './voting-error';

/** Tests only: the VotingError code `fn` throws, or undefined if it returns; other errors propagate. */
export function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof VotingError) return error.code;
    throw error;
  }
  return undefined;
}
