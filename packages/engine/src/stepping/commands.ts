import type { CandidateSet } from '../assignment';
import type { ChildEnd } from './case-snapshot';

/** Everything that can happen to a case. Commands are data so the audit log can replay them. */
export type Command =
  | {
      type: 'start';
      instanceId: string;
      data: Record<string, unknown>;
      parent?: { instanceId: string; childId: string };
      /** Set when a definition's schedule started the case (by the system): which one, for which fire. */
      schedule?: { id: string; fireAt: string };
    }
  | { type: 'complete'; taskId: string; outcome: string; data?: Record<string, unknown>; comment?: string }
  | { type: 'claim'; taskId: string }
  | { type: 'unclaim'; taskId: string }
  | { type: 'transfer'; taskId: string; to: string; comment?: string }
  | {
      /** The system moves an open task after a directory change (see `followDirectory`). */
      type: 'reassign';
      taskId: string;
      candidates: CandidateSet;
      assignee?: string;
      comment?: string;
    }
  | { type: 'delegate'; taskId: string; to: string; comment?: string }
  | { type: 'addSigner'; taskId: string; users: string[]; position?: 'before' | 'after' | 'end' }
  | { type: 'removeSigner'; taskId: string; users: string[] }
  | { type: 'return'; taskId: string; target: string; comment?: string }
  | { type: 'withdraw'; comment?: string }
  | { type: 'urge'; taskId: string; comment?: string }
  | { type: 'cc'; taskId?: string; users: string[]; comment?: string }
  | { type: 'comment'; text: string; taskId?: string }
  | { type: 'timerFired'; timerId: string }
  | ({
      type: 'childDone';
      childId: string;
      status: 'completed' | 'cancelled';
      data?: Record<string, unknown>;
    } & ChildEnd)
  | { type: 'cancel'; reason?: string }
  /** An administrator holds a running case: tasks refuse work and timers wait (case-suspension.ts). */
  | { type: 'suspend'; reason: string }
  /** An administrator lets a suspended case go on; due timers fire then. */
  | { type: 'resume'; reason: string }
  | { type: 'migrate'; from: number; to: number; mapping: CaseMapping };

/**
 * How running cases move from one published version to another (case-migration.ts): where a case
 * resting in each state of the old version goes (a state absent here maps to itself), and for a vote
 * in progress whether its ballots are carried or it restarts. `id` names the mapping in the audit row.
 */
export interface CaseMapping {
  id: string;
  states: Record<string, string>;
  votes?: Record<string, 'carry' | 'restart'>;
}

/** The command kinds, for registries and exhaustive checks. */
export type CommandType = Command['type'];

/** Who issues a command: a user, or the system (timers, child completion). */
export interface Actor {
  username: string;
  system?: boolean;
}
