/**
 * Proof against the real directory that a vote keeps enough voters once separation of duties has
 * taken out the people involved: for every voting task whose electorate is a static rule, and every
 * person who may start the process, at least `voting.minVoters` (default 1) members remain.
 *
 * The initiator is taken out exactly (each starter in turn; any one member when the starters depend
 * on case data). Every other exclusion is counted as one member at worst — a case field naming the
 * person concerned, whoever performed or holds another step — unless that step's people (assignment,
 * fallbacks, escalation, reach) are static and none of them is a member, or can only be the performer
 * of another excluded step (the proposer who is the investigator counts once). A field holding a
 * list can name the whole electorate and is never proven.
 */
import type { Directory } from '../assignment';
import type {
  AssignmentRule,
  Exclusion,
  ProcessDefinition,
  UserTaskDef,
} from '../definition/definition-types';
import type { StateIndex } from '../machine/state-index';
import { isStatic, peopleFor } from './exclusion-proof';
import { type ProblemList, statePointer } from './lint-types';

/** Every rule that can put someone on a task: assignment, fallbacks, escalation, widened reach. */
function taskRules(task: UserTaskDef): AssignmentRule[] {
  const fallbacks = typeof task.onEmpty === 'object' ? task.onEmpty.fallback : [];
  const escalation = task.escalation?.reassignTo ? [task.escalation.reassignTo] : [];
  return [task.assignment, ...fallbacks, ...escalation, ...Object.values(task.reach ?? {})];
}

/** Whether the performer of `state` is excluded too (a step done by the same person counts once). */
function performerExcluded(excludes: Exclusion[], state: string): boolean {
  return excludes.some((e) => e.kind === 'performerOf' && e.state === state);
}

/** How many members an exclusion other than the initiator may take out, at worst. */
function worstCase(
  rule: Exclusion,
  excludes: Exclusion[],
  def: ProcessDefinition,
  index: StateIndex,
  members: Set<string>,
  directory: Directory,
): number {
  if (rule.kind === 'initiator') return 0;
  if (rule.kind === 'field') {
    const schema = (def.caseSchema as { properties?: Record<string, { type?: unknown }> }).properties?.[
      rule.field
    ];
    return schema?.type === 'array' ? members.size : 1;
  }
  const other = index.get(rule.state)?.def.task;
  if (!other) return 1;
  const rules = taskRules(other);
  if (rules.every((r) => r.kind === 'performerOf' && performerExcluded(excludes, r.state))) return 0;
  if (!rules.every(isStatic)) return 1;
  const reaches = rules.some((r) => peopleFor(r, directory, '').some((u) => members.has(u)));
  return reaches ? 1 : 0;
}

/** Reports `vote-electorate-too-small` for each vote and starter left with fewer than `minVoters`. */
export function checkVoteElectorates(
  def: ProcessDefinition,
  index: StateIndex,
  directory: Directory,
  problems: ProblemList,
): void {
  for (const [id, info] of index) {
    const task = info.def.task;
    if (!task?.voting || !isStatic(task.assignment)) continue;
    const members = new Set(peopleFor(task.assignment, directory, ''));
    const need = task.voting.minVoters ?? 1;
    const excludes = task.excludes ?? [];
    const others = excludes.reduce(
      (n, rule) => n + worstCase(rule, excludes, def, index, members, directory),
      0,
    );
    const initiatorOut = excludes.some((e) => e.kind === 'initiator');
    const starters = isStatic(def.starters) ? peopleFor(def.starters, directory, '') : [undefined];
    for (const starter of new Set(starters)) {
      const lost = !initiatorOut ? 0 : starter === undefined ? 1 : members.has(starter) ? 1 : 0;
      const left = members.size - lost - others;
      if (left >= need) continue;
      const who = starter === undefined ? 'a member starts the process' : `'${starter}' starts the process`;
      problems.error(
        'vote-electorate-too-small',
        `${statePointer(id)}/task/voting`,
        `When ${who}, the vote '${id}' may keep only ${Math.max(left, 0)} of ${members.size} members after its exclusions (${excludes.length}), fewer than the ${need} it needs`,
        'Widen the electorate, lower voting.minVoters, or drop an exclusion that cannot name a member',
      );
      return;
    }
  }
}
