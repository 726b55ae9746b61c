/** The voting module's public surface: tally, cast, 加签/减签, rule validation. */
export { castBallot } from './cast-ballot';
export { addSigners, removeSigners } from './signer-changes';
export { validateVoteRule } from './vote-rule';
export { tallyVotes } from './vote-tally';
export type { Ballot, VoteMode, VoteResult, VoteRule, VoteState } from './vote-types';
export { VOTING_ERROR_CODES, VotingError, type VotingErrorCode } from './voting-error';
