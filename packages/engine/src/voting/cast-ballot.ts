import { ballotOf } from './vote-state';
import { tallyVotes } from './vote-tally';
import type { Ballot, VoteRule, VoteState } from './vote-types';
import { VotingError } from './voting-error';

/** Records one signer's ballot as a new state, refusing anything the rule does not allow at this moment. */
export function castBallot(rule: VoteRule, state: VoteState, signer: string, ballot: Ballot): VoteState {
  if (ballot !== 'approve' && ballot !== 'reject') {
    throw new VotingError(
      'invalid-ballot',
      `ballot must be approve or reject, got ${JSON.stringify(ballot)}`,
    );
  }
  const tally = tallyVotes(rule, state);
  if (tally.decided) throw new VotingError('vote-decided', `the vote is already ${tally.result}`);
  if (!state.signers.includes(signer)) {
    throw new VotingError('not-a-signer', `${JSON.stringify(signer)} is not a signer of this vote`);
  }
  if (ballotOf(state, signer) !== undefined) {
    throw new VotingError('already-voted', `${JSON.stringify(signer)} has already voted`);
  }
  if (!tally.awaiting.includes(signer)) {
    throw new VotingError(
      'not-your-turn',
      `it is ${JSON.stringify(tally.awaiting[0])}'s turn, not ${JSON.stringify(signer)}'s`,
    );
  }
  return { signers: [...state.signers], ballots: { ...state.ballots, [signer]: ballot } };
}
