import type { VoteRule } from './vote-types';
import { VotingError } from './voting-error';

const MODES: readonly string[] = ['all', 'any', 'ratio', 'sequential', 'majority'];
const REJECT_POLICIES: readonly string[] = ['veto', 'impossible'];

/** Problems that make a rule unusable, as English sentences; empty when the rule is sound (used by lint). */
export function validateVoteRule(rule: VoteRule): string[] {
  const problems: string[] = [];
  const { mode, ratio, rejectPolicy, quorum } = rule as {
    mode: unknown;
    ratio?: unknown;
    rejectPolicy: unknown;
    quorum?: unknown;
  };
  if (typeof mode !== 'string' || !MODES.includes(mode)) {
    problems.push(`mode must be one of ${MODES.join(', ')}, got ${JSON.stringify(mode)}`);
  }
  if (typeof rejectPolicy !== 'string' || !REJECT_POLICIES.includes(rejectPolicy)) {
    problems.push(
      `rejectPolicy must be one of ${REJECT_POLICIES.join(', ')}, got ${JSON.stringify(rejectPolicy)}`,
    );
  }
  if (ratio === undefined) {
    if (mode === 'ratio') problems.push('mode ratio needs a ratio in (0, 1]');
  } else if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio <= 0 || ratio > 1) {
    problems.push(`ratio must be a number in (0, 1], got ${JSON.stringify(ratio)}`);
  } else if (mode !== 'ratio') {
    problems.push(`ratio is only meaningful for mode ratio, but mode is ${JSON.stringify(mode)}`);
  }
  problems.push(...majorityProblems(mode, rejectPolicy, quorum));
  return problems;
}

/** A majority vote is decided by counting only: no veto; a quorum only there, within (0, 1]. */
function majorityProblems(mode: unknown, rejectPolicy: unknown, quorum: unknown): string[] {
  const problems: string[] = [];
  if (mode === 'majority' && rejectPolicy === 'veto') {
    problems.push('mode majority is decided by counting: rejectPolicy must be impossible, not veto');
  }
  if (quorum === undefined) return problems;
  if (typeof quorum !== 'number' || !Number.isFinite(quorum) || quorum <= 0 || quorum > 1) {
    problems.push(`quorum must be a number in (0, 1], got ${JSON.stringify(quorum)}`);
  } else if (mode !== 'majority') {
    problems.push(`quorum is only meaningful for mode majority, but mode is ${JSON.stringify(mode)}`);
  }
  return problems;
}

/** Refuses to work with an unsound rule, so a bad definition fails loudly instead of deciding wrongly. */
export function assertValidVoteRule(rule: VoteRule): void {
  const problems = validateVoteRule(rule);
  if (problems.length > 0) throw new VotingError('invalid-rule', `invalid vote rule: ${problems.join('; ')}`);
}
