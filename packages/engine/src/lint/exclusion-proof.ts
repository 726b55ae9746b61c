/**
 * Proof against the real directory that separation of duties never strands a case: for every task
 * that excludes the initiator and every person who may start the process, someone other than that
 * starter is left by the assignment rule or a declared `onEmpty.fallback` rule. The administrators'
 * stand-in is not counted: a case that only an administrator can move on is a dead end in practice.
 * Only rules that need no case data (roles, named users, the initiator, the initiator's superior)
 * are proven; a rule reading case data is checked when the case runs.
 */
import { type AssignmentContext, type Directory, expandCandidates, resolveAssignment } from '../assignment';
import type { AssignmentRule, ProcessDefinition } from '../definition/definition-types';
import type { StateIndex } from '../machine/state-index';
import { type ProblemList, statePointer } from './lint-types';

const STATIC_KINDS = new Set(['users', 'role', 'initiator', 'initiatorSuperior']);

export function isStatic(rule: AssignmentRule): boolean {
  if (rule.kind === 'anyOf') return rule.rules.every(isStatic);
  return STATIC_KINDS.has(rule.kind);
}

export function peopleFor(rule: AssignmentRule, directory: Directory, initiator: string): string[] {
  const ctx: AssignmentContext = {
    directory,
    data: {},
    initiator,
    performers: {},
    evalCel: () => {
      throw new Error('a static rule has no CEL');
    },
  };
  try {
    const resolution = resolveAssignment(rule, ctx, 'skip');
    return resolution.kind === 'skip' ? [] : expandCandidates(resolution.candidates, directory);
  } catch {
    return []; // a rule naming nobody valid (an unknown user) leaves nobody
  }
}

/** Reports `assignment-empty-after-exclusion` for each task and starter the exclusions leave with nobody. */
export function checkExclusionsAgainstDirectory(
  def: ProcessDefinition,
  index: StateIndex,
  directory: Directory,
  problems: ProblemList,
): void {
  if (!isStatic(def.starters)) return;
  const starters = peopleFor(def.starters, directory, '');
  for (const [id, info] of index) {
    const task = info.def.task;
    if (!task?.excludes?.some((e) => e.kind === 'initiator')) continue;
    if (task.onEmpty === 'skip') continue;
    const fallbacks = typeof task.onEmpty === 'object' ? task.onEmpty.fallback : [];
    const rules = [task.assignment, ...fallbacks];
    if (!rules.every(isStatic)) continue;
    for (const starter of starters) {
      const eligible = rules.some((rule) =>
        peopleFor(rule, directory, starter).some((user) => user !== starter),
      );
      if (eligible) continue;
      problems.error(
        'assignment-empty-after-exclusion',
        `${statePointer(id)}/task/assignment`,
        `When '${starter}' starts the process, nobody may take task '${id}': its people are all excluded as the initiator`,
        'Add an onEmpty fallback (the superior, the contracting leader, a role) or widen the assignment',
      );
    }
  }
}
