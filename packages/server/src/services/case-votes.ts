import type { VoteSummary } from '@flowform/api';
import type { CaseSnapshot, CompiledDefinition } from '@flowform/engine';

type Ballots = Record<string, 'approve' | 'reject'>;

/** Votes for that pass a `majority` vote of `total` members: more than half. */
function needed(mode: string, total: number): number | null {
  return mode === 'majority' ? Math.floor(total / 2) + 1 : null;
}

function members(signers: string[], ballots: Ballots): VoteSummary['members'] {
  return signers.map((user) => ({ user, ballot: Object.hasOwn(ballots, user) ? ballots[user]! : null }));
}

function count(ballots: Ballots, signers: string[], kind: 'approve' | 'reject'): number {
  return signers.filter((s) => Object.hasOwn(ballots, s) && ballots[s] === kind).length;
}

/**
 * The case's votes for the case page: each open vote with the ballots cast so far, then each decided
 * one as the engine kept it (who could vote, how each voted, the counts, a tie). Ballots are not secret
 * in a 区委会 decision: whoever may read the case sees them, as each member's step record.
 */
export function caseVotes(compiled: CompiledDefinition, snap: CaseSnapshot): VoteSummary[] {
  const title = (stateId: string) =>
    compiled.index.get(stateId)?.def.task?.title ?? { 'zh-CN': stateId, en: stateId };
  const open = Object.entries(snap.votes).map(([stateId, vote]): VoteSummary => {
    const { signers, ballots } = vote.state;
    return {
      stateId,
      title: title(stateId),
      mode: vote.rule.mode,
      quorum: vote.rule.quorum ?? null,
      needed: needed(vote.rule.mode, signers.length),
      members: members(signers, ballots),
      approvals: count(ballots, signers, 'approve'),
      rejections: count(ballots, signers, 'reject'),
      total: signers.length,
      result: null,
      tie: false,
      decidedAt: null,
    };
  });
  const decided = (snap.voteResults ?? []).map((kept): VoteSummary => {
    const rule = compiled.index.get(kept.stateId)?.def.task?.voting;
    return {
      stateId: kept.stateId,
      title: title(kept.stateId),
      mode: rule?.mode ?? 'all',
      quorum: rule?.quorum ?? null,
      needed: needed(rule?.mode ?? 'all', kept.total),
      members: members(kept.signers, kept.ballots),
      approvals: kept.approvals,
      rejections: kept.rejections,
      total: kept.total,
      result: kept.result,
      tie: kept.tie === true,
      decidedAt: kept.at,
    };
  });
  return [...open, ...decided];
}
