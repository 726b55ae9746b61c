import { ballotOf } from './vote-state';
import { tallyVotes } from './vote-tally';
import type { VoteRule, VoteState } from './vote-types';
import { VotingError } from './voting-error';

/** Refuses changes to a finished vote: its outcome has already been acted on. */
function assertOpen(rule: VoteRule, state: VoteState): void {
  const tally = tallyVotes(rule, state);
  if (tally.decided) throw new VotingError('vote-decided', `the vote is already ${tally.result}`);
}

/** Refuses a user list that names someone twice. */
function assertDistinct(users: string[]): void {
  const seen = new Set<string>();
  for (const user of users) {
    if (seen.has(user)) throw new VotingError('duplicate-signer', `${JSON.stringify(user)} is listed twice`);
    seen.add(user);
  }
}

/**
 * 加签: adds signers before/after an anchor signer or at the end; the new total applies at once.
 * In sequential votes nobody may be placed ahead of a signer who has already voted.
 * An anchor given with `end` is ignored.
 */
export function addSigners(
  rule: VoteRule,
  state: VoteState,
  users: string[],
  position: 'before' | 'after' | 'end',
  anchor?: string,
): VoteState {
  assertOpen(rule, state);
  assertDistinct(users);
  for (const user of users) {
    if (state.signers.includes(user)) {
      throw new VotingError('duplicate-signer', `${JSON.stringify(user)} is already a signer`);
    }
  }
  let index = state.signers.length;
  if (position !== 'end') {
    if (anchor === undefined)
      throw new VotingError('anchor-required', `adding ${position} needs an anchor signer`);
    const anchorIndex = state.signers.indexOf(anchor);
    if (anchorIndex < 0) {
      throw new VotingError('not-a-signer', `anchor ${JSON.stringify(anchor)} is not a signer of this vote`);
    }
    index = position === 'before' ? anchorIndex : anchorIndex + 1;
  }
  if (rule.mode === 'sequential') {
    const votedAfter = state.signers.slice(index).find((signer) => ballotOf(state, signer) !== undefined);
    if (votedAfter !== undefined) {
      throw new VotingError(
        'insert-before-voted',
        `cannot add signers ahead of ${JSON.stringify(votedAfter)}, who has already voted`,
      );
    }
  }
  const signers = [...state.signers.slice(0, index), ...users, ...state.signers.slice(index)];
  return { signers, ballots: { ...state.ballots } };
}

/**
 * 减签: removes signers who have not voted yet; the new total applies at once, so the
 * re-tallied vote may become decided. At least one signer must remain.
 */
export function removeSigners(rule: VoteRule, state: VoteState, users: string[]): VoteState {
  assertOpen(rule, state);
  assertDistinct(users);
  for (const user of users) {
    if (!state.signers.includes(user)) {
      throw new VotingError('not-a-signer', `${JSON.stringify(user)} is not a signer of this vote`);
    }
    if (ballotOf(state, user) !== undefined) {
      throw new VotingError(
        'already-voted',
        `${JSON.stringify(user)} has already voted and cannot be removed`,
      );
    }
  }
  const removed = new Set(users);
  const signers = state.signers.filter((signer) => !removed.has(signer));
  if (signers.length === 0) throw new VotingError('last-signer', 'cannot remove the last remaining signer');
  return { signers, ballots: { ...state.ballots } };
}
