/**
 * Separation-of-duties declarations checked before publishing: each task's `excludes` names task
 * states and case fields that exist (a field that can hold usernames), and each `onEmpty` fallback
 * rule is checked like any assignment rule.
 */
import type { Exclusion, ProcessDefinition, UserTaskDef } from '../definition/definition-types';
import type { StateIndex } from '../machine/state-index';
import { type LintContext, type ProblemList, statePointer } from './lint-types';
import { checkRule } from './task-checks';

type Schema = { type?: unknown; properties?: Record<string, Schema>; items?: Schema };

/** The case schema of a field, or undefined if it is not declared. */
function fieldSchema(caseSchema: Schema, field: string): Schema | undefined {
  return Object.hasOwn(caseSchema.properties ?? {}, field) ? caseSchema.properties?.[field] : undefined;
}

const isText = (s: Schema | undefined) => s?.type === undefined || s.type === 'string';

/** A field holding a username, or a list of them (an untyped field may). */
function holdsPeople(s: Schema): boolean {
  if (s.type === undefined || s.type === 'string') return true;
  return s.type === 'array' && isText(s.items);
}

function checkExclusion(
  rule: Exclusion,
  pointer: string,
  stateId: string,
  def: ProcessDefinition,
  index: StateIndex,
  problems: ProblemList,
): void {
  if (rule.kind === 'performerOf' || rule.kind === 'holderOf') {
    if (!index.get(rule.state)?.def.task) {
      problems.error(
        'exclusion-unknown-state',
        `${pointer}/state`,
        `Exclusion ${rule.kind} '${rule.state}' of '${stateId}' is not a task state`,
        'Name a state that has a user task (its full dotted id)',
      );
    } else if (rule.kind === 'holderOf' && rule.state === stateId) {
      problems.error(
        'exclusion-own-holder',
        `${pointer}/state`,
        `'${stateId}' excludes the holders of its own task, so nobody who holds it may ever act on it`,
        'Exclude the holders of another task state',
      );
    }
  }
  if (rule.kind === 'field') {
    const schema = fieldSchema(def.caseSchema as Schema, rule.field);
    if (!schema) {
      problems.error(
        'exclusion-unknown-field',
        `${pointer}/field`,
        `Exclusion field '${rule.field}' of '${stateId}' is not a case field`,
        'Name a field of caseSchema holding a username or a list of usernames',
      );
    } else if (!holdsPeople(schema)) {
      problems.error(
        'exclusion-field-not-people',
        `${pointer}/field`,
        `Exclusion field '${rule.field}' of '${stateId}' cannot hold usernames (type ${JSON.stringify(schema.type)})`,
        'Name a string field, or an array of strings, that holds usernames',
      );
    }
  }
}

function checkTask(
  task: UserTaskDef,
  stateId: string,
  def: ProcessDefinition,
  index: StateIndex,
  ctx: LintContext,
  problems: ProblemList,
): void {
  const base = `${statePointer(stateId)}/task`;
  task.excludes?.forEach((rule, i) => {
    checkExclusion(rule, `${base}/excludes/${i}`, stateId, def, index, problems);
  });
  if (typeof task.onEmpty === 'object') {
    task.onEmpty.fallback.forEach((rule, i) => {
      checkRule(rule, `${base}/onEmpty/fallback/${i}`, index, ctx, problems);
    });
  }
}

/** Checks every task's exclusions and fallback rules. */
export function checkExclusions(
  def: ProcessDefinition,
  index: StateIndex,
  ctx: LintContext,
  problems: ProblemList,
): void {
  for (const [id, info] of index) if (info.def.task) checkTask(info.def.task, id, def, index, ctx, problems);
}
