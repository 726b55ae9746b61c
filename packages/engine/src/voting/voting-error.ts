/** Every way a voting operation can be refused, so callers can map each to a message. */
export const VOTING_ERROR_CODES = [
  'invalid-rule',
  'invalid-state',
  'invalid-ballot',
  'not-a-signer',
  'already-voted',
  'not-your-turn',
  'vote-decided',
  'duplicate-signer',
  'anchor-required',
  'insert-before-voted',
  'last-signer',
] as const;

/** One of `VOTING_ERROR_CODES`. */
export type VotingErrorCode = (typeof VOTING_ERROR_CODES)[number];

/** A refused voting operation; `code` is stable, the message is for developers. */
export class VotingError extends Error {
  readonly code: VotingErrorCode;

  constructor(code: VotingErrorCode, message: string) {
    super(message);
    this.name = 'VotingError';
    this.code = code;
  }
}
