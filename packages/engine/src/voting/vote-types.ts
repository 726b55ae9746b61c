/**
 * The data the voting module works on: a rule from the definition and a plain-JSON state.
 * Nothing here holds behaviour, so a state can be stored, sent and replayed as is.
 */

/**
 * How many signers must agree: 会签 all, 或签 any, a ratio, 依次审批 one after another, or 表决
 * `majority`: more than half of the whole electorate (应到会成员过半数), ties not passed.
 */
export type VoteMode = 'all' | 'any' | 'ratio' | 'sequential' | 'majority';

/** The voting part of a task definition; `VotingDef` is assignable to it. */
export interface VoteRule {
  mode: VoteMode;
  /** For `ratio`: the fraction (0..1] of current signers whose approval is needed. */
  ratio?: number;
  /** `veto`: one reject ends the vote; `impossible`: reject only once approval cannot be reached. */
  rejectPolicy: 'veto' | 'impossible';
  /**
   * For `majority`: the fraction (0..1] of the electorate that must have cast a ballot before an
   * approval stands (到会法定人数, e.g. `2 / 3` for personnel matters). Without it, the majority alone.
   */
  quorum?: number;
}

/** One signer's answer; abstaining is simply not voting. */
export type Ballot = 'approve' | 'reject';

/** A vote in progress: signers in order (order matters for `sequential`) and the ballots cast so far. */
export interface VoteState {
  signers: string[];
  ballots: Record<string, Ballot>;
}

/** The tally: either who must act now, or the outcome with the counts at the moment of decision. */
export type VoteResult =
  | { decided: false; awaiting: string[] }
  | {
      decided: true;
      result: 'approved' | 'rejected';
      approvals: number;
      rejections: number;
      total: number;
      /** `majority` only: rejected because the ballots split evenly (不通过). */
      tie?: true;
    };
