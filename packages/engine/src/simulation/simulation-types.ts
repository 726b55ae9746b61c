/** The simulator's input and output: plain data, so the designer can show it and the CLI print it. */
import type { LocalizedText } from '../definition/definition-types';
import type { FormValidator, Locale } from '../forms';
import type { CaseSnapshot } from '../stepping/case-snapshot';
import type { Command } from '../stepping/commands';

/** A user as the report shows them. */
export interface SimPerson {
  username: string;
  name: LocalizedText;
}

/** An open task after a step: where, what, who may do it, by when. */
export interface SimTask {
  state: string;
  title: LocalizedText;
  users: SimPerson[];
  dueAt?: string;
}

/** What the simulated step did. */
export type SimAction =
  | { kind: 'start'; user: SimPerson; variant: number; sample?: string }
  | {
      kind: 'complete';
      state: string;
      title: LocalizedText;
      outcome: string;
      label: LocalizedText;
      user: SimPerson;
      /** Which form sample: 0 is the plain one; `sample` says what the others change. */
      variant: number;
      sample?: string;
    }
  | { kind: 'return'; state: string; title: LocalizedText; target: string; user: SimPerson }
  | { kind: 'timer'; timer: 'after' | 'reminder' | 'escalation' | 'due'; state: string }
  | { kind: 'childDone'; state: string; status: 'completed' | 'cancelled' }
  | { kind: 'command'; command: string; user: SimPerson };

/** One step of a path; `next` holds the steps tried after it (a tree of paths). */
export interface SimStep {
  action: SimAction;
  at: string;
  /** Active states after the step (leaves). */
  states: string[];
  tasks: SimTask[];
  /** Transitions taken, as `from → to (event)`. */
  transitions: string[];
  /** Child cases started, directory changes, messages. */
  effects: string[];
  status: CaseSnapshot['status'];
  /** Why the path stops here: the case ended, the state was explored before, or a limit. */
  end?: 'completed' | 'cancelled' | 'seen' | 'depth' | 'budget' | 'stuck';
  next: SimStep[];
}

/** Covered of total, and what was never reached. */
export interface CoverageFigure {
  covered: number;
  total: number;
  missing: string[];
}

export interface SimulationReport {
  process: string;
  name: LocalizedText;
  roots: SimStep[];
  /** Leaves of the tree: distinct paths walked. */
  paths: number;
  steps: number;
  /** Attempts the engine refused (a guard or a form said no); they are not paths. */
  refused: number;
  /** True when `maxSteps` cut the walk short. */
  truncated: boolean;
  coverage: { states: CoverageFigure; transitions: CoverageFigure };
}

export interface SimulationOptions {
  /** The virtual clock's start (ISO 8601); default Monday 2 March 2026, 16:00 Beijing time. */
  now?: string;
  maxDepth?: number;
  maxSteps?: number;
  forms?: FormValidator;
  /** The language of the refusals the report quotes; zh-CN, the district's, when left out. */
  locale?: Locale;
}

/** An explicit path: who starts with what, then each step. */
export interface SimulationScript {
  start?: { user?: string; data?: Record<string, unknown> };
  steps: ScriptStep[];
}

export type ScriptStep =
  | { user: string; outcome: string; state?: string; data?: Record<string, unknown>; comment?: string }
  | { advance: string }
  | { childDone: 'completed' | 'cancelled'; state?: string }
  | { user: string; state?: string; command: Partial<Command> & { type: Command['type'] } };
