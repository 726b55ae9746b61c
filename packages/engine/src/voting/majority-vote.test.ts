import { describe, expect, it } from 'vitest';
import { castBallot } from './cast-ballot';
import { removeSigners } from './signer-changes';
import { errorCode } from './test-support';
import { validateVoteRule } from './vote-rule';
import { tallyVotes } from './vote-tally';
import type { Ballot, VoteRule, VoteState } from './vote-types';

const majority: VoteRule = { mode: 'majority', rejectPolicy: 'impossible' };
const twoThirdsQuorum: VoteRule = { ...majority, quorum: 2 / 3 };
const five = ['l1', 'l2', 'l3', 'l4', 'l5'];
const state = (signers: string[], ballots: Record<string, Ballot> = {}): VoteState => ({ signers, ballots });

/** Casts the ballots in order through `castBallot`, as the engine does. */
function vote(rule: VoteRule, signers: string[], ballots: [string, Ballot][]): VoteState {
  return ballots.reduce((s, [who, b]) => castBallot(rule, s, who, b), state(signers));
}

describe('tallyVotes — majority (表决)', () => {
  it('given five members, when three approve, then approved 3 of 5 at the third approval', () => {
    const s = vote(majority, five, [
      ['l1', 'approve'],
      ['l2', 'reject'],
      ['l3', 'approve'],
    ]);
    expect(tallyVotes(majority, s)).toEqual({ decided: false, awaiting: ['l4', 'l5'] });
    expect(tallyVotes(majority, castBallot(majority, s, 'l5', 'approve'))).toEqual({
      decided: true,
      result: 'approved',
      approvals: 3,
      rejections: 1,
      total: 5,
    });
  });

  it('given five members, when three reject, then not passed as soon as three approvals are out of reach', () => {
    const s = vote(majority, five, [
      ['l1', 'reject'],
      ['l2', 'reject'],
      ['l3', 'reject'],
    ]);
    expect(tallyVotes(majority, s)).toMatchObject({ decided: true, result: 'rejected', approvals: 0 });
    expect(tallyVotes(majority, s)).not.toHaveProperty('tie');
  });

  it('given four members, when two approve and two reject, then a tie is not passed and says so', () => {
    const s = vote(
      majority,
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'approve'],
        ['b', 'reject'],
        ['c', 'approve'],
        ['d', 'reject'],
      ],
    );
    expect(tallyVotes(majority, s)).toEqual({
      decided: true,
      result: 'rejected',
      approvals: 2,
      rejections: 2,
      total: 4,
      tie: true,
    });
  });

  it('given four members, when two approve, then half is not a majority: the vote waits', () => {
    const s = vote(
      majority,
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'approve'],
        ['b', 'approve'],
      ],
    );
    expect(tallyVotes(majority, s)).toEqual({ decided: false, awaiting: ['c', 'd'] });
  });

  it('given a 2/3 quorum of six, when four approve but only four of six voted, then approved; three of four voted is not enough', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    const short = state(six, { a: 'approve', b: 'approve', c: 'approve' });
    expect(tallyVotes(twoThirdsQuorum, short)).toEqual({ decided: false, awaiting: ['d', 'e', 'f'] });
    expect(tallyVotes(majority, short)).toEqual({ decided: false, awaiting: ['d', 'e', 'f'] });
    const quorate = state(six, { a: 'approve', b: 'approve', c: 'approve', d: 'approve' });
    expect(tallyVotes(twoThirdsQuorum, quorate)).toMatchObject({ decided: true, result: 'approved' });
  });

  it('given a 2/3 quorum of five, when three approve first, then the vote waits for a fourth ballot, whatever it is', () => {
    const s = vote(twoThirdsQuorum, five, [
      ['l1', 'approve'],
      ['l2', 'approve'],
      ['l3', 'approve'],
    ]);
    expect(tallyVotes(twoThirdsQuorum, s)).toEqual({ decided: false, awaiting: ['l4', 'l5'] });
    expect(tallyVotes(twoThirdsQuorum, castBallot(twoThirdsQuorum, s, 'l4', 'reject'))).toMatchObject({
      decided: true,
      result: 'approved',
      approvals: 3,
      rejections: 1,
    });
  });

  it('given a decided majority, when a late member votes, then vote-decided', () => {
    const s = vote(
      majority,
      ['a', 'b', 'c'],
      [
        ['a', 'approve'],
        ['b', 'approve'],
      ],
    );
    expect(errorCode(() => castBallot(majority, s, 'c', 'reject'))).toBe('vote-decided');
  });

  it('given one approval of three and a silent member removed (减签), then 1 of 2 is no majority and 1 reject more ends it', () => {
    const s = removeSigners(majority, state(['a', 'b', 'c'], { a: 'approve' }), ['c']);
    expect(tallyVotes(majority, s)).toEqual({ decided: false, awaiting: ['b'] });
    expect(tallyVotes(majority, castBallot(majority, s, 'b', 'reject'))).toMatchObject({
      result: 'rejected',
      tie: true,
    });
  });

  it('given no member, when tallied, then nothing is decided (the empty electorate is onEmpty’s business)', () => {
    expect(tallyVotes(majority, state([]))).toEqual({ decided: false, awaiting: [] });
  });
});

describe('validateVoteRule — majority', () => {
  it('given a majority with a veto, when validated, then the veto is refused', () => {
    expect(validateVoteRule({ mode: 'majority', rejectPolicy: 'veto' })).toEqual([
      'mode majority is decided by counting: rejectPolicy must be impossible, not veto',
    ]);
  });

  it('given quorums, when validated, then only (0, 1] on a majority is sound', () => {
    expect(validateVoteRule(twoThirdsQuorum)).toEqual([]);
    expect(validateVoteRule({ ...majority, quorum: 0 })).toHaveLength(1);
    expect(validateVoteRule({ ...majority, quorum: 1.5 })).toHaveLength(1);
    expect(validateVoteRule({ mode: 'all', rejectPolicy: 'veto', quorum: 0.5 })).toEqual([
      'quorum is only meaningful for mode majority, but mode is "all"',
    ]);
  });
});
