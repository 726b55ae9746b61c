import { type Fraction, ratioToFraction, reachesFraction } from './ratio-fraction';
import { assertValidVoteRule } from './vote-rule';
import { assertValidVoteState, ballotOf } from './vote-state';
import type { VoteResult, VoteRule, VoteState } from './vote-types';

/** The fraction of current signers that must approve: all = 1/1, any = "at least one", ratio = p. */
function threshold(rule: VoteRule): Fraction | 'one' {
  switch (rule.mode) {
    case 'any':
      return 'one';
    case 'ratio':
      return ratioToFraction(rule.ratio!);
    default:
      return { num: 1n, den: 1n };
  }
}

/** Whether `approvals` out of `total` signers meets the rule's target. */
function meetsTarget(target: Fraction | 'one', approvals: number, total: number): boolean {
  if (total === 0) return false;
  return target === 'one' ? approvals >= 1 : reachesFraction(approvals, total, target);
}

/**
 * Decides a vote from its current state alone (see README.md for the exact semantics per mode/policy);
 * signer changes are covered because the total is always the current signer count.
 */
export function tallyVotes(rule: VoteRule, state: VoteState): VoteResult {
  assertValidVoteRule(rule);
  assertValidVoteState(state);
  const total = state.signers.length;
  let approvals = 0;
  let rejections = 0;
  const unvoted: string[] = [];
  for (const signer of state.signers) {
    const ballot = ballotOf(state, signer);
    if (ballot === 'approve') approvals++;
    else if (ballot === 'reject') rejections++;
    else unvoted.push(signer);
  }
  const decide = (result: 'approved' | 'rejected'): Extract<VoteResult, { decided: true }> => ({
    decided: true,
    result,
    approvals,
    rejections,
    total,
  });

  if (rule.mode === 'majority') return tallyMajority(rule, { approvals, rejections, unvoted, total }, decide);
  const target = threshold(rule);
  // A veto is checked first: in a state reached through castBallot it never coincides with approval,
  // and for hand-made states "any reject under veto" is the conservative reading.
  if (rule.rejectPolicy === 'veto' && rejections > 0) return decide('rejected');
  if (meetsTarget(target, approvals, total)) return decide('approved');
  // Target unreachable even if everyone still open approves. For all/sequential this is "any reject".
  if (total > 0 && !meetsTarget(target, approvals + unvoted.length, total)) return decide('rejected');

  if (rule.mode === 'sequential') return { decided: false, awaiting: unvoted.slice(0, 1) };
  return { decided: false, awaiting: unvoted };
}

interface Counts {
  approvals: number;
  rejections: number;
  unvoted: string[];
  total: number;
}

/**
 * 表决: approved once approvals are more than half of the whole electorate (2a > n) and, with a
 * quorum, at least that fraction of it has voted; not passed once even every open ballot could not
 * make a majority (2(a + u) ≤ n) — an even split is such a case, reported as a tie.
 */
function tallyMajority(
  rule: VoteRule,
  { approvals, rejections, unvoted, total }: Counts,
  decide: (result: 'approved' | 'rejected') => Extract<VoteResult, { decided: true }>,
): VoteResult {
  if (total === 0) return { decided: false, awaiting: [] };
  const cast = approvals + rejections;
  const quorate = rule.quorum === undefined || reachesFraction(cast, total, ratioToFraction(rule.quorum));
  if (2 * approvals > total && quorate) return decide('approved');
  if (2 * (approvals + unvoted.length) <= total) {
    const result = decide('rejected');
    return 2 * approvals === total ? { ...result, tie: true } : result;
  }
  return { decided: false, awaiting: unvoted };
}
