import type { CandidateSet } from '../assignment';
import type { CaseOutcome, LocalizedText } from '../definition/definition-types';
import type { Ballot, VoteRule, VoteState } from '../voting';

/** An open user task. Closed tasks leave the snapshot; their trail lives in the audit log. */
export interface TaskRecord {
  id: string;
  stateId: string;
  candidates: CandidateSet;
  /** Set when one user holds the task (single assignee or claimed). */
  assignee?: string;
  /** 委派: the task goes back to this user after the delegate acts. */
  delegatedBy?: string;
  /** The delegate finished; the delegator must now confirm. */
  delegateDone?: boolean;
  createdAt: string;
  dueAt?: string;
  /** Multi-instance signer this task belongs to (voting). */
  signer?: string;
  /** Multi-instance element this task works on (`multiInstance.forEach`), plain JSON. */
  item?: unknown;
  urged: number;
  /** When the task was last urged (催办), for the definition's least interval between urges. */
  lastUrgedAt?: string;
  remindersSent: number;
  /** How the task came to its holder when not by plain routing: 退回, 委派 or 加签, by whom, why. */
  origin?: TaskOrigin;
}

/** Why a task is in someone's inbox besides the flow: shown on the task, its inbox row and notice. */
export interface TaskOrigin {
  kind: 'returned' | 'delegated' | 'addedSigner';
  by: string;
  at: string;
  reason?: string;
}

/** A durable timer; the runtime fires it with a `timerFired` command at `dueAt`. */
export interface TimerRecord {
  id: string;
  kind: 'after' | 'reminder' | 'escalation' | 'due';
  stateId: string;
  taskId?: string;
  /** For `after`: the internal event to send. */
  event?: string;
  dueAt: string;
  /** Escalation rounds already run. */
  round?: number;
}

/** How a child case ended, as its parent records it. */
export interface ChildEnd {
  /** The child's case outcome (`approved`, `completed`, `cancelled` …). */
  outcome?: CaseOutcome;
  /** The top-level final state it completed in (an admonition talk: `closed` or `closedByCommittee`). */
  endState?: string;
  endStateName?: LocalizedText;
}

/** A child case started by this one; once it ended, how it ended. */
export interface ChildRecord extends ChildEnd {
  id: string;
  process: string;
  /** The invoking state, when the parent waits for it. */
  stateId?: string;
  status: 'running' | 'completed' | 'cancelled';
}

/** What `withdraw` restores: the case as it was before the actor's last completion. */
export interface WithdrawPoint {
  actor: string;
  taskId: string;
  stateId: string;
  prior: Omit<CaseSnapshot, 'withdrawable' | 'version' | 'seq'>;
}

/** The whole state of one case: plain JSON, round-trips through JSON.stringify. */
export interface CaseSnapshot {
  instanceId: string;
  definitionKey: string;
  definitionVersion: number;
  status: 'running' | 'completed' | 'cancelled';
  /**
   * How the case ended, once it has: the `outcome` its final state declares (`completed` when it
   * declares none), `cancelled` when an administrator cancelled it.
   */
  outcome?: CaseOutcome;
  /** Commands applied so far; the runtime's optimistic-lock version. */
  version: number;
  /** Id sequence: every id is derived from the instance id and this counter. */
  seq: number;
  machine: { value: unknown; historyValue: Record<string, string[]> };
  data: Record<string, unknown>;
  initiator: string;
  caseUnit?: string;
  startedAt: string;
  endedAt?: string;
  parent?: { instanceId: string; childId: string };
  tasks: TaskRecord[];
  timers: TimerRecord[];
  children: ChildRecord[];
  /** Per voting state: the rule, the tally so far, and who added each signer that 加签 brought in (only they or an administrator may 减签 them). */
  votes: Record<string, { rule: VoteRule; state: VoteState; addedBy?: Record<string, string> }>;
  /** Each decided vote with its ballots and counts, oldest first (the case page's tally). */
  voteResults?: VoteRecord[];
  /** State id → users who completed a task there (for "performer of an earlier step"). */
  performers: Record<string, string[]>;
  cc: { user: string; by: string; at: string; taskId?: string }[];
  withdrawable?: WithdrawPoint;
  /**
   * Set while an administrator holds the case suspended (case-suspension.ts): no task work, no timer
   * fires until `resume`; who suspended it, when and why.
   */
  suspension?: CaseSuspension;
}

/** Why and by whom a case is suspended. */
export interface CaseSuspension {
  by: string;
  at: string;
  reason: string;
}

/** One decided vote: who could vote, how each voted, the counts and the result. */
export interface VoteRecord {
  stateId: string;
  at: string;
  result: 'approved' | 'rejected';
  /** `majority` only: not passed because the ballots split evenly. */
  tie?: true;
  approvals: number;
  rejections: number;
  total: number;
  signers: string[];
  ballots: Record<string, Ballot>;
}
