import { describe, expect, it } from 'vitest';
import { castBallot } from './cast-ballot';
import { errorCode } from './test-support';
import { tallyVotes } from './vote-tally';
import type { Ballot, VoteRule, VoteState } from './vote-types';
import { VotingError } from './voting-error';

const freeze = (state: VoteState): VoteState =>
  Object.freeze({
    signers: Object.freeze([...state.signers]) as string[],
    ballots: Object.freeze({ ...state.ballots }),
  });
const start = (signers: string[]): VoteState => freeze({ signers, ballots: {} });

describe('castBallot', () => {
  it('given an open vote, when a signer approves, then a new state records it and the input is untouched', () => {
    const rule: VoteRule = { mode: 'all', rejectPolicy: 'veto' };
    const before = start(['a', 'b']);
    const after = castBallot(rule, before, 'a', 'approve');
    expect(after).toEqual({ signers: ['a', 'b'], ballots: { a: 'approve' } });
    expect(before.ballots).toEqual({});
    expect(after.signers).not.toBe(before.signers);
  });

  it('given a stranger, when they vote, then not-a-signer', () => {
    const code = errorCode(() =>
      castBallot({ mode: 'any', rejectPolicy: 'veto' }, start(['a']), 'z', 'approve'),
    );
    expect(code).toBe('not-a-signer');
  });

  it('given a signer who voted, when they vote again, then already-voted', () => {
    const rule: VoteRule = { mode: 'all', rejectPolicy: 'veto' };
    const voted = freeze(castBallot(rule, start(['a', 'b']), 'a', 'approve'));
    expect(errorCode(() => castBallot(rule, voted, 'a', 'reject'))).toBe('already-voted');
  });

  it('given a sequential vote, when a later signer votes first, then not-your-turn; in order it works', () => {
    const rule: VoteRule = { mode: 'sequential', rejectPolicy: 'veto' };
    let state = start(['a', 'b', 'c']);
    expect(errorCode(() => castBallot(rule, state, 'b', 'approve'))).toBe('not-your-turn');
    state = freeze(castBallot(rule, state, 'a', 'approve'));
    expect(errorCode(() => castBallot(rule, state, 'c', 'approve'))).toBe('not-your-turn');
    state = freeze(castBallot(rule, state, 'b', 'approve'));
    state = freeze(castBallot(rule, state, 'c', 'approve'));
    expect(tallyVotes(rule, state)).toMatchObject({ decided: true, result: 'approved', approvals: 3 });
  });

  it('given a decided vote, when anyone votes, then vote-decided (even a stranger)', () => {
    const rule: VoteRule = { mode: 'any', rejectPolicy: 'impossible' };
    const decided = freeze(castBallot(rule, start(['a', 'b']), 'a', 'approve'));
    expect(errorCode(() => castBallot(rule, decided, 'b', 'reject'))).toBe('vote-decided');
    expect(errorCode(() => castBallot(rule, decided, 'z', 'reject'))).toBe('vote-decided');
  });

  it('given a ballot value that is not approve/reject, when cast, then invalid-ballot', () => {
    const rule: VoteRule = { mode: 'all', rejectPolicy: 'veto' };
    expect(errorCode(() => castBallot(rule, start(['a']), 'a', 'abstain' as Ballot))).toBe('invalid-ballot');
  });

  it('given signer ids like __proto__, when they vote, then the ballot is an own JSON-safe property', () => {
    const rule: VoteRule = { mode: 'all', rejectPolicy: 'veto' };
    let state = start(['__proto__', 'constructor']);
    state = freeze(castBallot(rule, state, '__proto__', 'approve'));
    expect(Object.hasOwn(state.ballots, '__proto__')).toBe(true);
    expect(tallyVotes(rule, state)).toEqual({ decided: false, awaiting: ['constructor'] });
    const copy = JSON.parse(JSON.stringify(state)) as VoteState;
    state = castBallot(rule, copy, 'constructor', 'approve');
    expect(tallyVotes(rule, state)).toMatchObject({ decided: true, result: 'approved', approvals: 2 });
  });

  it('given any refusal, when thrown, then it is a VotingError carrying name and code', () => {
    try {
      castBallot({ mode: 'all', rejectPolicy: 'veto' }, start(['a']), 'z', 'approve');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(VotingError);
      expect(error).toBeInstanceOf(Error);
      expect((error as VotingError).name).toBe('VotingError');
      expect((error as VotingError).code).toBe('not-a-signer');
    }
  });
});
