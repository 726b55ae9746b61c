import { describe, expect, it } from 'vitest';
import { castBallot } from './cast-ballot';
import { addSigners, removeSigners } from './signer-changes';
import { errorCode } from './test-support';
import { tallyVotes } from './vote-tally';
import type { VoteRule, VoteState } from './vote-types';

const start = (signers: string[]): VoteState => ({ signers, ballots: {} });
const vote = (
  rule: VoteRule,
  state: VoteState,
  approvals: string[],
  rejections: string[] = [],
): VoteState => {
  let next = state;
  for (const s of approvals) next = castBallot(rule, next, s, 'approve');
  for (const s of rejections) next = castBallot(rule, next, s, 'reject');
  return next;
};

describe('addSigners (加签)', () => {
  it('given ratio 2/3 with 3 signers and 1 approval, when 3 signers are added, then 4 of 6 are needed', () => {
    const rule: VoteRule = { mode: 'ratio', ratio: 2 / 3, rejectPolicy: 'impossible' };
    let state = vote(rule, start(['a', 'b', 'c']), ['a']);
    state = addSigners(rule, state, ['d', 'e', 'f'], 'end');
    expect(state.signers).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    state = vote(rule, state, ['b', 'c']);
    expect(tallyVotes(rule, state)).toEqual({ decided: false, awaiting: ['d', 'e', 'f'] });
    state = vote(rule, state, ['d']);
    expect(tallyVotes(rule, state)).toEqual({
      decided: true,
      result: 'approved',
      approvals: 4,
      rejections: 0,
      total: 6,
    });
  });

  it('given 会签 with everyone but one approved, when a signer is added, then the new one must approve too', () => {
    const rule: VoteRule = { mode: 'all', rejectPolicy: 'veto' };
    let state = vote(rule, start(['a', 'b']), ['a']);
    state = addSigners(rule, state, ['x'], 'after', 'a');
    expect(state.signers).toEqual(['a', 'x', 'b']);
    state = vote(rule, state, ['b']);
    expect(tallyVotes(rule, state)).toEqual({ decided: false, awaiting: ['x'] });
  });

  it('given a sequential vote, when signers are added before the next signer, then they vote next in order', () => {
    const rule: VoteRule = { mode: 'sequential', rejectPolicy: 'veto' };
    let state = vote(rule, start(['a', 'b', 'c']), ['a']);
    state = addSigners(rule, state, ['x', 'y'], 'before', 'b');
    expect(state.signers).toEqual(['a', 'x', 'y', 'b', 'c']);
    expect(tallyVotes(rule, state)).toEqual({ decided: false, awaiting: ['x'] });
    state = addSigners(rule, state, ['z'], 'after', 'a');
    expect(tallyVotes(rule, state)).toEqual({ decided: false, awaiting: ['z'] });
  });

  it('given a sequential vote, when adding ahead of someone who voted, then insert-before-voted', () => {
    const rule: VoteRule = { mode: 'sequential', rejectPolicy: 'veto' };
    const state = vote(rule, start(['a', 'b', 'c']), ['a', 'b']);
    expect(errorCode(() => addSigners(rule, state, ['x'], 'before', 'a'))).toBe('insert-before-voted');
    expect(errorCode(() => addSigners(rule, state, ['x'], 'before', 'b'))).toBe('insert-before-voted');
    expect(errorCode(() => addSigners(rule, state, ['x'], 'after', 'a'))).toBe('insert-before-voted');
    expect(addSigners(rule, state, ['x'], 'after', 'b').signers).toEqual(['a', 'b', 'x', 'c']);
    expect(addSigners(rule, state, ['x'], 'before', 'c').signers).toEqual(['a', 'b', 'x', 'c']);
  });

  it('given a non-sequential vote, when adding before someone who voted, then it is allowed (order is display only)', () => {
    const rule: VoteRule = { mode: 'all', rejectPolicy: 'veto' };
    const state = vote(rule, start(['a', 'b']), ['a']);
    expect(addSigners(rule, state, ['x'], 'before', 'a').signers).toEqual(['x', 'a', 'b']);
  });

  it('given a user already signing or listed twice, when added, then duplicate-signer', () => {
    const rule: VoteRule = { mode: 'any', rejectPolicy: 'impossible' };
    expect(errorCode(() => addSigners(rule, start(['a', 'b']), ['b'], 'end'))).toBe('duplicate-signer');
    expect(errorCode(() => addSigners(rule, start(['a']), ['x', 'x'], 'end'))).toBe('duplicate-signer');
  });

  it('given before/after without a known anchor, when added, then anchor-required or not-a-signer', () => {
    const rule: VoteRule = { mode: 'all', rejectPolicy: 'veto' };
    expect(errorCode(() => addSigners(rule, start(['a']), ['x'], 'before'))).toBe('anchor-required');
    expect(errorCode(() => addSigners(rule, start(['a']), ['x'], 'after', 'q'))).toBe('not-a-signer');
  });

  it('given a decided vote, when signers are added, then vote-decided', () => {
    const rule: VoteRule = { mode: 'any', rejectPolicy: 'veto' };
    const state = vote(rule, start(['a', 'b']), ['a']);
    expect(errorCode(() => addSigners(rule, state, ['x'], 'end'))).toBe('vote-decided');
  });

  it('given an empty user list, when added, then the signers are unchanged', () => {
    const rule: VoteRule = { mode: 'all', rejectPolicy: 'veto' };
    expect(addSigners(rule, start(['a']), [], 'end')).toEqual(start(['a']));
  });

  it('given an empty vote, when signers are added, then the vote can proceed', () => {
    const rule: VoteRule = { mode: 'all', rejectPolicy: 'veto' };
    const state = addSigners(rule, start([]), ['a'], 'end');
    expect(tallyVotes(rule, state)).toEqual({ decided: false, awaiting: ['a'] });
  });
});

describe('removeSigners (减签)', () => {
  it('given 会签 with the others approved, when the last open signer is removed, then approved', () => {
    const rule: VoteRule = { mode: 'all', rejectPolicy: 'veto' };
    let state = vote(rule, start(['a', 'b', 'c']), ['a', 'b']);
    state = removeSigners(rule, state, ['c']);
    expect(tallyVotes(rule, state)).toEqual({
      decided: true,
      result: 'approved',
      approvals: 2,
      rejections: 0,
      total: 2,
    });
  });

  it('given ratio 1/2 with impossible policy, when removal makes the target unreachable, then rejected', () => {
    const rule: VoteRule = { mode: 'ratio', ratio: 0.5, rejectPolicy: 'impossible' };
    let state = vote(rule, start(['a', 'b', 'c', 'd']), ['a'], ['b', 'c']);
    expect(tallyVotes(rule, state).decided).toBe(false);
    state = removeSigners(rule, state, ['d']);
    expect(tallyVotes(rule, state)).toMatchObject({ decided: true, result: 'rejected', total: 3 });
  });

  it('given a sequential vote, when the awaited signer is removed, then the next one is awaited', () => {
    const rule: VoteRule = { mode: 'sequential', rejectPolicy: 'veto' };
    let state = vote(rule, start(['a', 'b', 'c']), ['a']);
    state = removeSigners(rule, state, ['b']);
    expect(tallyVotes(rule, state)).toEqual({ decided: false, awaiting: ['c'] });
  });

  it('given a signer who voted or a stranger, when removed, then already-voted or not-a-signer', () => {
    const rule: VoteRule = { mode: 'all', rejectPolicy: 'veto' };
    const state = vote(rule, start(['a', 'b']), ['a']);
    expect(errorCode(() => removeSigners(rule, state, ['a']))).toBe('already-voted');
    expect(errorCode(() => removeSigners(rule, state, ['z']))).toBe('not-a-signer');
    expect(errorCode(() => removeSigners(rule, state, ['b', 'b']))).toBe('duplicate-signer');
  });

  it('given no one voted, when every signer would be removed, then last-signer', () => {
    const rule: VoteRule = { mode: 'any', rejectPolicy: 'veto' };
    expect(errorCode(() => removeSigners(rule, start(['a', 'b']), ['a', 'b']))).toBe('last-signer');
    expect(removeSigners(rule, start(['a', 'b']), ['a']).signers).toEqual(['b']);
  });

  it('given a decided vote, when signers are removed, then vote-decided', () => {
    const rule: VoteRule = { mode: 'all', rejectPolicy: 'veto' };
    const state = vote(rule, start(['a', 'b', 'c']), [], ['a']);
    expect(errorCode(() => removeSigners(rule, state, ['b']))).toBe('vote-decided');
  });
});
