/**
 * Who an assignment rule could name in some case, for the proofs that run against the directory: a
 * "world" fixes what a rule reads from the case (each unit field's unit, the starter); what it
 * cannot know (a field naming people, a CEL list) could be anyone active.
 */
import { type AssignmentContext, type Directory, expandCandidates } from '../assignment';
import { ruleCandidates } from '../assignment/rule-candidates';
import type { AssignmentRule, FormDefinition, UserTaskDef } from '../definition/definition-types';
import type { StateIndex } from '../machine/state-index';

/** One possible case: the unit each unit field names, and who started it. */
export interface World {
  data: Record<string, string>;
  initiator: string;
}

/** The unit fields a rule reads, following `performerOf` into the tasks it names. */
export function unitFieldsOf(rule: AssignmentRule, index: StateIndex, seen = new Set<string>()): string[] {
  switch (rule.kind) {
    case 'roleInCaseUnit':
    case 'contractingLeader':
      return [rule.unitField];
    case 'anyOf':
      return rule.rules.flatMap((r) => unitFieldsOf(r, index, seen));
    case 'performerOf': {
      const task = index.get(rule.state)?.def.task;
      if (!task || seen.has(rule.state)) return [];
      seen.add(rule.state);
      return taskRules(task).flatMap((r) => unitFieldsOf(r, index, seen));
    }
    default:
      return [];
  }
}

/** A task's assignment rule and its `onEmpty` fallback rules (each may be the one that applies). */
export function taskRules(task: UserTaskDef): AssignmentRule[] {
  return [task.assignment, ...(typeof task.onEmpty === 'object' ? task.onEmpty.fallback : [])];
}

/** Every active person of the directory (empty when it cannot list them). */
export function activePeople(directory: Directory): string[] {
  return (directory.usernames?.() ?? []).filter((u) => directory.user(u)?.disabled === false);
}

/** The people `rule` could name in `world`; `performerOf` reads the possible people of that task. */
export function possiblePeople(
  rule: AssignmentRule,
  world: World,
  index: StateIndex,
  directory: Directory,
  seen: Set<string> = new Set(),
): string[] {
  switch (rule.kind) {
    case 'anyOf':
      return [...new Set(rule.rules.flatMap((r) => possiblePeople(r, world, index, directory, seen)))];
    case 'field':
    case 'cel':
      return activePeople(directory);
    case 'performerOf': {
      const task = index.get(rule.state)?.def.task;
      if (!task || seen.has(rule.state)) return [];
      const inner = new Set(seen).add(rule.state);
      return [...new Set(taskRules(task).flatMap((r) => possiblePeople(r, world, index, directory, inner)))];
    }
    default: {
      const ctx: AssignmentContext = {
        directory,
        data: world.data,
        initiator: world.initiator,
        performers: {},
      };
      try {
        return expandCandidates(ruleCandidates(rule, ctx), directory);
      } catch {
        return []; // a rule naming nothing valid in this world names nobody
      }
    }
  }
}

/**
 * The unit kinds a case field may hold: the `x-unitKinds` every form declares for that top-level
 * field, joined; undefined when no form narrows it (any unit).
 */
export function unitKindsOf(field: string, forms: Record<string, FormDefinition>): Set<string> | undefined {
  let kinds: Set<string> | undefined;
  for (const form of Object.values(forms)) {
    const declared = (
      form?.schema as { properties?: Record<string, { 'x-unitKinds'?: unknown }> } | undefined
    )?.properties?.[field]?.['x-unitKinds'];
    if (!Array.isArray(declared)) continue;
    kinds ??= new Set();
    for (const k of declared) if (typeof k === 'string') kinds.add(k);
  }
  return kinds;
}

/**
 * Every combination of units for `fields` (each over the units of the kinds the forms allow for it,
 * or every unit), or none when there would be more than `cap`.
 */
export function unitWorlds(
  fields: string[],
  directory: Directory,
  forms: Record<string, FormDefinition>,
  cap: number,
): Record<string, string>[] {
  const all = directory.unitIds?.() ?? [];
  let worlds: Record<string, string>[] = [{}];
  for (const field of [...new Set(fields)]) {
    const kinds = unitKindsOf(field, forms);
    const units = kinds ? all.filter((u) => kinds.has(directory.unit(u)?.kind ?? '')) : all;
    if (worlds.length * units.length > cap) return [];
    worlds = worlds.flatMap((w) => units.map((u) => ({ ...w, [field]: u })));
  }
  return worlds;
}
