import { describe, expect, it } from 'vitest';
import type { VotingDef } from '../definition/definition-types';
import { errorCode } from './test-support';
import { assertValidVoteRule, validateVoteRule } from './vote-rule';
import type { VoteRule } from './vote-types';

describe('validateVoteRule', () => {
  it('given sound rules of every mode, when validated, then there are no problems', () => {
    expect(validateVoteRule({ mode: 'all', rejectPolicy: 'veto' })).toEqual([]);
    expect(validateVoteRule({ mode: 'any', rejectPolicy: 'impossible' })).toEqual([]);
    expect(validateVoteRule({ mode: 'sequential', rejectPolicy: 'veto' })).toEqual([]);
    expect(validateVoteRule({ mode: 'ratio', ratio: 1, rejectPolicy: 'veto' })).toEqual([]);
    expect(validateVoteRule({ mode: 'ratio', ratio: 2 / 3, rejectPolicy: 'impossible' })).toEqual([]);
  });

  it('given a definition VotingDef, when passed as a rule, then it is accepted as is', () => {
    const def: VotingDef = {
      mode: 'ratio',
      ratio: 0.5,
      rejectPolicy: 'impossible',
      approveOutcome: 'approve',
      rejectOutcome: 'reject',
    };
    expect(validateVoteRule(def)).toEqual([]);
  });

  it('given mode ratio without a ratio, when validated, then the missing ratio is reported', () => {
    expect(validateVoteRule({ mode: 'ratio', rejectPolicy: 'veto' })).toEqual([
      'mode ratio needs a ratio in (0, 1]',
    ]);
  });

  it('given ratios outside (0, 1] or not numbers, when validated, then each is reported', () => {
    for (const ratio of [0, -0.1, 1.0001, 2, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(validateVoteRule({ mode: 'ratio', ratio, rejectPolicy: 'veto' })).toHaveLength(1);
    }
    const stringRatio = { mode: 'ratio', ratio: '0.5', rejectPolicy: 'veto' } as unknown as VoteRule;
    expect(validateVoteRule(stringRatio)).toHaveLength(1);
  });

  it('given a ratio on a mode that ignores it, when validated, then the confusion is reported', () => {
    expect(validateVoteRule({ mode: 'all', ratio: 0.5, rejectPolicy: 'veto' })).toEqual([
      'ratio is only meaningful for mode ratio, but mode is "all"',
    ]);
  });

  it('given unknown mode and policy, when validated, then both are reported', () => {
    const rule = { mode: 'unanimous', rejectPolicy: 'never' } as unknown as VoteRule;
    expect(validateVoteRule(rule)).toHaveLength(2);
  });

  it('given an unsound rule, when asserted, then it throws invalid-rule', () => {
    expect(errorCode(() => assertValidVoteRule({ mode: 'ratio', rejectPolicy: 'veto' }))).toBe(
      'invalid-rule',
    );
  });
});
