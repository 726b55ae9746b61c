import type { Directory } from '../assignment';
import type { WorkingCalendar } from '../calendar';
import type { CelVariables } from '../expressions';
import type { FormValidator, Locale } from '../forms';
import type { CaseSnapshot } from './case-snapshot';
import type { Actor } from './commands';
import type { CompiledDefinition } from './compiled-definition';
import type { AuditEntry, Effect } from './effects';

/** What a step needs from outside: time, people and form checking. Never a clock or a database. */
export interface StepOptions {
  now: string;
  actor: Actor;
  directory: Directory;
  forms?: FormValidator;
  /** Working days and holidays for working-day durations (`P3WD`); Monday to Friday without it. */
  calendar?: WorkingCalendar;
  /** The reader's language for every message the step words (form errors, refusals): always given. */
  locale: Locale;
  /**
   * Set by `replay`: the commands were accepted once, so the checks of what they name against the
   * directory (people and units in forms and task commands) are not made again against a directory
   * that may have changed since (a replaced secretary is no longer one).
   */
  replay?: boolean;
}

/** The mutable working copy one command operates on; discarded if the command is refused. */
export interface StepWork {
  compiled: CompiledDefinition;
  snap: CaseSnapshot;
  opts: StepOptions;
  effects: Effect[];
  /** What happened, for the audit row's detail. */
  events: Record<string, unknown>[];
  /** Outcome events raised while handling actions (skipped tasks, auto-decisions), run after the current one. */
  queue: { type: string; origin?: string; outcome?: string }[];
}

/** Derives the next id from the instance id and the snapshot's sequence: deterministic, replayable. */
export function nextId(work: StepWork, prefix: string): string {
  work.snap.seq += 1;
  return `${work.snap.instanceId}:${prefix}${work.snap.seq}`;
}

/** A user as CEL sees them: name, roles and units from the directory. */
export function celPerson(directory: Directory, username: string): NonNullable<CelVariables['actor']> {
  const roles = directory.rolesOf(username);
  return {
    username,
    roles: [...new Set(roles.map((r) => r.role))],
    units: [...new Set(roles.map((r) => r.unit))],
  };
}

/**
 * The case's unit as CEL sees it: its id, kind and parent from the directory; empty strings where
 * the case names no unit or the directory does not know it, so `caseUnit.kind == "station"` never fails.
 */
export function celUnit(
  directory: Directory,
  unitId: string | undefined,
): NonNullable<CelVariables['caseUnit']> {
  const unit = unitId ? directory.unit(unitId) : undefined;
  return { id: unitId ?? '', kind: unit?.kind ?? '', parent: unit?.parent ?? '' };
}

/** Variables for expressions evaluated outside the machine (assignment, due dates, child input). */
export function celVars(work: StepWork, extra: Partial<CelVariables> = {}): CelVariables {
  const { snap, opts } = work;
  return {
    data: snap.data,
    now: opts.now,
    caseId: snap.instanceId,
    initiator: celPerson(opts.directory, snap.initiator),
    actor: celPerson(opts.directory, opts.actor.username),
    caseUnit: celUnit(opts.directory, snap.caseUnit),
    ...extra,
  };
}

/** Adds a detail line to the command's audit entry. */
export function record(work: StepWork, event: Record<string, unknown>): void {
  work.events.push(event);
}

/** The finished command as the caller sees it. */
export interface StepResult {
  snapshot: CaseSnapshot;
  effects: Effect[];
  audit: AuditEntry;
}
