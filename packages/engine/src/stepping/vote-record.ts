/**
 * The record of a decided vote, kept in the snapshot so that the case page can show the tally and
 * each member's ballot after the vote's state is left (`snap.votes` holds only open votes).
 */
import type { VoteResult } from '../voting';
import type { VoteRecord } from './case-snapshot';
import { record, type StepWork } from './step-context';

/** Records the decision in the audit events and keeps it on the snapshot; returns the counts. */
export function keepVoteRecord(
  work: StepWork,
  stateId: string,
  result: Extract<VoteResult, { decided: true }>,
): { approve: number; reject: number; pending: number; total: number } {
  const votes = {
    approve: result.approvals,
    reject: result.rejections,
    pending: result.total - result.approvals - result.rejections,
    total: result.total,
  };
  record(work, { voteDecided: stateId, result: result.result, votes, ...(result.tie ? { tie: true } : {}) });
  const state = work.snap.votes[stateId]?.state;
  const kept: VoteRecord = {
    stateId,
    at: work.opts.now,
    result: result.result,
    ...(result.tie ? { tie: true } : {}),
    approvals: result.approvals,
    rejections: result.rejections,
    total: result.total,
    signers: [...(state?.signers ?? [])],
    ballots: { ...(state?.ballots ?? {}) },
  };
  work.snap.voteResults = [...(work.snap.voteResults ?? []), kept];
  return votes;
}
