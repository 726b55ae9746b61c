/**
 * What a scenario needs from a runtime: start cases, act on tasks, move a virtual clock, and read
 * back tasks, snapshots, audit trails and effects. Scenarios are written against this interface
 * only, so the same scenario runs on the in-memory driver (pure `step`) and on the durable runtime.
 */
import type { AuditEntry, CandidateSet, CaseSnapshot, Command, Effect, Visibility } from '@flowform/engine';

/** An open task as an inbox shows it. */
export interface DriverTask {
  caseId: string;
  id: string;
  stateId: string;
  candidates: CandidateSet;
  assignee?: string;
  signer?: string;
  /** The element a multi-instance task works on (the cadre a rater scores). */
  item?: unknown;
  dueAt?: string;
}

/** A timer the clock fired. */
export interface FiredTimer {
  caseId: string;
  kind: 'after' | 'reminder' | 'escalation' | 'due';
  stateId: string;
}

/** Options of `complete`: a comment, and the state when the user has several tasks in the case. */
export interface CompleteOptions {
  comment?: string;
  state?: string;
}

/** One runtime under test. Every method is async so a database-backed driver fits the same shape. */
export interface ScenarioDriver {
  /** The virtual clock, ISO 8601. */
  now(): Promise<string>;
  /** Starts a case of `process` as `user`; returns the case id. Refusals throw (with a `code`). */
  start(process: string, user: string, data: Record<string, unknown>): Promise<string>;
  /** Completes the user's one open task in the case (in `options.state` if given). */
  complete(
    caseId: string,
    user: string,
    outcome: string,
    data?: Record<string, unknown>,
    options?: CompleteOptions,
  ): Promise<void>;
  /** Runs any command as `user` (`system` for the system actor). */
  run(caseId: string, user: string, command: Command): Promise<void>;
  /** Moves the clock and fires every timer that falls due, earliest first, across all cases. */
  advance(duration: string): Promise<FiredTimer[]>;
  /** The open tasks the user may work now, in one case or in all. */
  tasksOf(user: string, caseId?: string): Promise<DriverTask[]>;
  /** The case's open tasks, each with the users who may work it now. */
  openTasks(caseId: string): Promise<(DriverTask & { users: string[] })[]>;
  snapshot(caseId: string): Promise<CaseSnapshot>;
  audit(caseId: string): Promise<AuditEntry[]>;
  /** Every effect the case's commands asked for, in order. */
  effects(caseId: string): Promise<Effect[]>;
  /** The case ids of the child cases started by this case, in start order. */
  children(caseId: string): Promise<string[]>;
  /** Why the user may see the case, or undefined. */
  visibility(caseId: string, user: string): Promise<Visibility>;
  /** The case refolded from its audit trail. */
  replay(caseId: string): Promise<CaseSnapshot | undefined>;
  /** Who holds a role in a unit now (directory changes show here). */
  holders(role: string, unit: string): Promise<string[]>;
}
