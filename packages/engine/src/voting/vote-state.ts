import type { Ballot, VoteState } from './vote-types';
import { VotingError } from './voting-error';

/** A signer's ballot, reading only own keys so names like `constructor` or `__proto__` are safe. */
export function ballotOf(state: VoteState, signer: string): Ballot | undefined {
  return Object.hasOwn(state.ballots, signer) ? state.ballots[signer] : undefined;
}

/** Refuses corrupt states (duplicate signers, ballots of non-signers, unknown ballot values) before using them. */
export function assertValidVoteState(state: VoteState): void {
  if (!Array.isArray(state.signers) || typeof state.ballots !== 'object' || state.ballots === null) {
    throw new VotingError('invalid-state', 'a vote state needs a signers array and a ballots object');
  }
  const seen = new Set<string>();
  for (const signer of state.signers) {
    if (typeof signer !== 'string') throw new VotingError('invalid-state', 'signer ids must be strings');
    if (seen.has(signer))
      throw new VotingError('invalid-state', `signer ${JSON.stringify(signer)} appears twice`);
    seen.add(signer);
  }
  for (const [signer, ballot] of Object.entries(state.ballots)) {
    if (!seen.has(signer)) {
      throw new VotingError('invalid-state', `ballot from ${JSON.stringify(signer)}, who is not a signer`);
    }
    if (ballot !== 'approve' && ballot !== 'reject') {
      throw new VotingError(
        'invalid-state',
        `ballot of ${JSON.stringify(signer)} is ${JSON.stringify(ballot)}`,
      );
    }
  }
}
