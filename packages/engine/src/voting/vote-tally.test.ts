import { describe, expect, it } from 'vitest';
import { errorCode } from './test-support';
import { tallyVotes } from './vote-tally';
import type { Ballot, VoteRule, VoteState } from './vote-types';

const state = (signers: string[], ballots: Record<string, Ballot> = {}): VoteState => ({ signers, ballots });
const all = (rejectPolicy: VoteRule['rejectPolicy']): VoteRule => ({ mode: 'all', rejectPolicy });
const any = (rejectPolicy: VoteRule['rejectPolicy']): VoteRule => ({ mode: 'any', rejectPolicy });
const ratio = (p: number, rejectPolicy: VoteRule['rejectPolicy']): VoteRule => ({
  mode: 'ratio',
  ratio: p,
  rejectPolicy,
});
const sequential = (rejectPolicy: VoteRule['rejectPolicy']): VoteRule => ({
  mode: 'sequential',
  rejectPolicy,
});

describe('tallyVotes — all (会签)', () => {
  it('given nobody voted, when tallied, then every signer is awaited in order', () => {
    expect(tallyVotes(all('veto'), state(['a', 'b', 'c']))).toEqual({
      decided: false,
      awaiting: ['a', 'b', 'c'],
    });
  });

  it('given all but one approved, when tallied, then only the last is awaited', () => {
    expect(tallyVotes(all('veto'), state(['a', 'b', 'c'], { a: 'approve', c: 'approve' }))).toEqual({
      decided: false,
      awaiting: ['b'],
    });
  });

  it('given every signer approved, when tallied, then approved with the counts', () => {
    expect(tallyVotes(all('impossible'), state(['a', 'b'], { a: 'approve', b: 'approve' }))).toEqual({
      decided: true,
      result: 'approved',
      approvals: 2,
      rejections: 0,
      total: 2,
    });
  });

  it('given one reject, when tallied under either policy, then rejected at once (target impossible)', () => {
    for (const policy of ['veto', 'impossible'] as const) {
      expect(tallyVotes(all(policy), state(['a', 'b', 'c'], { b: 'reject' }))).toEqual({
        decided: true,
        result: 'rejected',
        approvals: 0,
        rejections: 1,
        total: 3,
      });
    }
  });
});

describe('tallyVotes — any (或签)', () => {
  it('given one approval, when tallied, then approved', () => {
    expect(tallyVotes(any('veto'), state(['a', 'b', 'c'], { c: 'approve' }))).toMatchObject({
      decided: true,
      result: 'approved',
      approvals: 1,
    });
  });

  it('given one reject under veto, when tallied, then rejected', () => {
    expect(tallyVotes(any('veto'), state(['a', 'b'], { a: 'reject' }))).toMatchObject({
      decided: true,
      result: 'rejected',
    });
  });

  it('given some rejects under impossible, when tallied, then still waiting for the others', () => {
    expect(tallyVotes(any('impossible'), state(['a', 'b', 'c'], { a: 'reject', c: 'reject' }))).toEqual({
      decided: false,
      awaiting: ['b'],
    });
  });

  it('given everyone rejected under impossible, when tallied, then rejected', () => {
    expect(tallyVotes(any('impossible'), state(['a', 'b'], { a: 'reject', b: 'reject' }))).toEqual({
      decided: true,
      result: 'rejected',
      approvals: 0,
      rejections: 2,
      total: 2,
    });
  });
});

describe('tallyVotes — ratio', () => {
  it('given 2/3 with 3 signers and 2 approvals, when tallied, then approved (no float drift)', () => {
    expect(
      tallyVotes(ratio(2 / 3, 'veto'), state(['a', 'b', 'c'], { a: 'approve', b: 'approve' })),
    ).toMatchObject({
      decided: true,
      result: 'approved',
    });
  });

  it('given 0.7 with 10 signers and 7 approvals, when tallied, then approved exactly at the threshold', () => {
    const signers = Array.from({ length: 10 }, (_, i) => `u${i}`);
    const ballots = Object.fromEntries(signers.slice(0, 7).map((s) => [s, 'approve' as const]));
    expect(tallyVotes(ratio(0.7, 'impossible'), state(signers, ballots))).toMatchObject({
      decided: true,
      result: 'approved',
      approvals: 7,
      total: 10,
    });
    const six = Object.fromEntries(signers.slice(0, 6).map((s) => [s, 'approve' as const]));
    expect(tallyVotes(ratio(0.7, 'impossible'), state(signers, six)).decided).toBe(false);
  });

  it('given 0.67 with 3 signers and 2 approvals, when tallied, then not yet approved (0.67 > 2/3)', () => {
    expect(
      tallyVotes(ratio(0.67, 'impossible'), state(['a', 'b', 'c'], { a: 'approve', b: 'approve' })),
    ).toEqual({
      decided: false,
      awaiting: ['c'],
    });
  });

  it('given one reject under veto, when tallied, then rejected even if the target is still reachable', () => {
    expect(tallyVotes(ratio(0.5, 'veto'), state(['a', 'b', 'c', 'd'], { a: 'reject' }))).toMatchObject({
      decided: true,
      result: 'rejected',
    });
  });

  it('given rejects under impossible, when the target is still reachable, then waiting; when not, rejected', () => {
    const rule = ratio(0.5, 'impossible');
    const signers = ['a', 'b', 'c', 'd'];
    expect(tallyVotes(rule, state(signers, { a: 'reject', b: 'reject' }))).toEqual({
      decided: false,
      awaiting: ['c', 'd'],
    });
    expect(tallyVotes(rule, state(signers, { a: 'reject', b: 'reject', c: 'reject' }))).toEqual({
      decided: true,
      result: 'rejected',
      approvals: 0,
      rejections: 3,
      total: 4,
    });
  });

  it('given ratio 1, when one rejects under impossible, then rejected like 会签', () => {
    expect(tallyVotes(ratio(1, 'impossible'), state(['a', 'b'], { a: 'reject' }))).toMatchObject({
      decided: true,
      result: 'rejected',
    });
  });
});

describe('tallyVotes — sequential (依次审批)', () => {
  it('given nobody voted, when tallied, then only the first signer is awaited', () => {
    expect(tallyVotes(sequential('veto'), state(['a', 'b', 'c']))).toEqual({
      decided: false,
      awaiting: ['a'],
    });
  });

  it('given the first approved, when tallied, then the second is awaited', () => {
    expect(tallyVotes(sequential('impossible'), state(['a', 'b', 'c'], { a: 'approve' }))).toEqual({
      decided: false,
      awaiting: ['b'],
    });
  });

  it('given a reject, when tallied under either policy, then rejected', () => {
    for (const policy of ['veto', 'impossible'] as const) {
      expect(tallyVotes(sequential(policy), state(['a', 'b', 'c'], { a: 'approve', b: 'reject' }))).toEqual({
        decided: true,
        result: 'rejected',
        approvals: 1,
        rejections: 1,
        total: 3,
      });
    }
  });

  it('given everyone approved in turn, when tallied, then approved', () => {
    expect(tallyVotes(sequential('veto'), state(['a', 'b'], { a: 'approve', b: 'approve' }))).toMatchObject({
      decided: true,
      result: 'approved',
    });
  });
});

describe('tallyVotes — edges and corrupt input', () => {
  it('given no signers at all, when tallied, then undecided with nobody awaited (assignment handles emptiness)', () => {
    for (const rule of [all('veto'), any('impossible'), ratio(0.5, 'impossible'), sequential('veto')]) {
      expect(tallyVotes(rule, state([]))).toEqual({ decided: false, awaiting: [] });
    }
  });

  it('given signer ids that shadow Object.prototype, when tallied, then they count as unvoted', () => {
    expect(tallyVotes(all('veto'), state(['constructor', '__proto__', 'toString']))).toEqual({
      decided: false,
      awaiting: ['constructor', '__proto__', 'toString'],
    });
  });

  it('given an unsound rule, when tallied, then it throws invalid-rule', () => {
    expect(errorCode(() => tallyVotes({ mode: 'ratio', rejectPolicy: 'veto' }, state(['a'])))).toBe(
      'invalid-rule',
    );
  });

  it('given duplicate signers, a stranger ballot or a bad ballot value, when tallied, then invalid-state', () => {
    expect(errorCode(() => tallyVotes(all('veto'), state(['a', 'a'])))).toBe('invalid-state');
    expect(errorCode(() => tallyVotes(all('veto'), state(['a'], { b: 'approve' })))).toBe('invalid-state');
    const bad = { signers: ['a'], ballots: { a: 'yes' } } as unknown as VoteState;
    expect(errorCode(() => tallyVotes(all('veto'), bad))).toBe('invalid-state');
    const broken = { signers: 'a' } as unknown as VoteState;
    expect(errorCode(() => tallyVotes(all('veto'), broken))).toBe('invalid-state');
  });

  it('given a hand-made state with both a veto reject and enough approvals, when tallied, then rejected', () => {
    expect(tallyVotes(any('veto'), state(['a', 'b'], { a: 'approve', b: 'reject' }))).toMatchObject({
      decided: true,
      result: 'rejected',
    });
  });
});
