/**
 * Separation of duties (职责分离) as the definition declares it: who, in this case, may not act on a
 * task of a given state. Pure: reads only the snapshot's initiator, data, performer history and open
 * tasks, so the step, the server and lint's proofs all compute the same set.
 */
import { readField } from '../assignment/case-values';
import type { Exclusion, UserTaskDef } from '../definition/definition-types';
import type { CaseSnapshot, TaskRecord } from './case-snapshot';

/** What exclusions read from a case; a whole `CaseSnapshot` will do. */
export type ExclusionFacts = Pick<CaseSnapshot, 'initiator' | 'data' | 'performers' | 'tasks'>;

/** People a case field names: a username, or a list of them; anything else names nobody. */
function namedIn(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string' && v !== '');
}

/**
 * Who holds an open task: its assignee (claimed, single, delegate), the one who delegated it, a
 * vote's signer, or — while nobody has claimed it — the users it is offered to by name (people
 * offered it through a role are not holders until they claim it).
 */
function holders(task: TaskRecord): string[] {
  const named = task.assignee ? [task.assignee] : task.candidates.users;
  return [...named, ...(task.delegatedBy ? [task.delegatedBy] : []), ...(task.signer ? [task.signer] : [])];
}

function excludedBy(rule: Exclusion, facts: ExclusionFacts): string[] {
  switch (rule.kind) {
    case 'initiator':
      return [facts.initiator];
    case 'field':
      return namedIn(readField(facts.data, rule.field));
    case 'performerOf':
      return facts.performers[rule.state] ?? [];
    case 'holderOf':
      return facts.tasks.filter((t) => t.stateId === rule.state).flatMap(holders);
    default:
      return [];
  }
}

/** The first of `task`'s exclusions that keeps `username` off it in this case, if any. */
export function exclusionOf(
  facts: ExclusionFacts,
  task: Pick<UserTaskDef, 'excludes'>,
  username: string,
): Exclusion | undefined {
  return (task.excludes ?? []).find((rule) => excludedBy(rule, facts).includes(username));
}

/**
 * The usernames `task`'s `excludes` keep off it in this case, sorted and deduplicated (empty when the
 * task declares none). Exclusions name states by the ids tasks carry (`TaskRecord.stateId`).
 */
export function excludedUsers(facts: ExclusionFacts, task: Pick<UserTaskDef, 'excludes'>): string[] {
  const names = (task.excludes ?? []).flatMap((rule) => excludedBy(rule, facts));
  return [...new Set(names)].sort();
}
