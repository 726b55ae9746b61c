/**
 * `self-approval-path`: no person may both perform a step and approve it later on the same path.
 *
 * An approval step is a user task with an outcome keyed `approve` that is not a vote (a vote is a
 * collective decision). It decides on everything done before it: the start (发起, by the initiator)
 * and every earlier task that is not itself an approval. For each such pair along some path, every
 * starter and every unit the case could name, the proof looks for one person who could be given the
 * earlier step and also the approval (its assignment or any `onEmpty` fallback) without an `excludes`
 * that keeps them off: `initiator` for the start or a step assigned to the initiator, `performerOf`
 * the earlier step (or the step it is assigned from by `performerOf`), `field` for a step assigned by
 * that field. The administrators' stand-in is not counted. Needs a directory that lists its people.
 */
import type { Directory } from '../assignment';
import type {
  Exclusion,
  FormDefinition,
  ProcessDefinition,
  UserTaskDef,
} from '../definition/definition-types';
import type { StateIndex } from '../machine/state-index';
import { entrySet, type FlowEdge, successors } from './flow-graph';
import { type ProblemList, statePointer } from './lint-types';
import { possiblePeople, taskRules, unitFieldsOf, unitWorlds, type World } from './possible-people';

/** The pseudo-step of starting the case (its form is the initiator's work). */
export const START = '(start)';
const WORLD_CAP = 20_000;

/** Whether a task is an approval step (see the file comment). */
export function isApprovalTask(task: UserTaskDef): boolean {
  return !task.voting && task.outcomes.some((o) => o.key === 'approve');
}

/** What is certainly true of whoever performs `step`: marks an exclusion can match. */
function identityOf(step: string, index: StateIndex, seen = new Set<string>()): Set<string> {
  if (step === START) return new Set(['initiator']);
  const marks = new Set([`performerOf:${step}`]);
  const rule = index.get(step)?.def.task?.assignment;
  if (rule?.kind === 'initiator') marks.add('initiator');
  if (rule?.kind === 'field') marks.add(`field:${rule.field}`);
  if (rule?.kind === 'performerOf' && !seen.has(rule.state)) {
    for (const m of identityOf(rule.state, index, seen.add(step))) marks.add(m);
  }
  return marks;
}

const markOf = (e: Exclusion): string =>
  e.kind === 'initiator' ? 'initiator' : e.kind === 'field' ? `field:${e.field}` : `${e.kind}:${e.state}`;

/** Breadth-first path from any of `from` to `to` under `next` (both ends included), or undefined. */
function pathTo(next: Map<string, Set<string>>, from: string[], to: string): string[] | undefined {
  const parent = new Map<string, string | null>(from.map((s) => [s, null]));
  const queue = [...from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === to) {
      const path = [id];
      for (let p = parent.get(id); p; p = parent.get(p)) path.unshift(p);
      return path;
    }
    for (const n of next.get(id) ?? []) {
      if (!parent.has(n)) {
        parent.set(n, id);
        queue.push(n);
      }
    }
  }
  return undefined;
}

/** A person and the case that lets them perform `step` and approve at `approval`, if any. */
function findSelfApprover(
  def: ProcessDefinition,
  step: string,
  approval: string,
  index: StateIndex,
  directory: Directory,
  forms: Record<string, FormDefinition>,
): { person: string; world: World } | undefined {
  const approvalTask = index.get(approval)!.def.task!;
  const excluded = new Set((approvalTask.excludes ?? []).map(markOf));
  const identity = identityOf(step, index);
  if ([...identity].some((m) => excluded.has(m))) return undefined;
  const stepTask = step === START ? undefined : index.get(step)?.def.task;
  const stepRules = stepTask ? taskRules(stepTask) : [def.starters];
  const approvalRules = taskRules(approvalTask);
  const fields = [def.starters, ...stepRules, ...approvalRules].flatMap((r) => unitFieldsOf(r, index));
  const stepExcludesInitiator = stepTask?.excludes?.some((e) => e.kind === 'initiator') ?? false;
  for (const data of unitWorlds(fields, directory, forms, WORLD_CAP)) {
    const starters = possiblePeople(def.starters, { data, initiator: '' }, index, directory);
    for (const initiator of starters) {
      const world = { data, initiator };
      const approvers = new Set(approvalRules.flatMap((r) => possiblePeople(r, world, index, directory)));
      if (excluded.has('initiator')) approvers.delete(initiator);
      const performers =
        step === START ? [initiator] : stepRules.flatMap((r) => possiblePeople(r, world, index, directory));
      for (const person of performers) {
        if (stepExcludesInitiator && person === initiator) continue;
        if (approvers.has(person)) return { person, world };
      }
    }
  }
  return undefined;
}

/** Reports `self-approval-path` for each earlier step and approval one person could both hold. */
export function checkSelfApproval(
  def: ProcessDefinition,
  index: StateIndex,
  edges: FlowEdge[],
  directory: Directory,
  forms: Record<string, FormDefinition>,
  problems: ProblemList,
): void {
  if (!directory.usernames || !directory.unitIds) return;
  const next = successors(index, edges, false);
  const start = entrySet(index, def.machine.initial);
  const approvals = [...index].filter(([, i]) => i.def.task && isApprovalTask(i.def.task)).map(([id]) => id);
  const steps = [
    START,
    ...[...index].filter(([, i]) => i.def.task && !isApprovalTask(i.def.task)).map(([id]) => id),
  ];
  for (const approval of approvals) {
    for (const step of steps) {
      const toApproval = step === START ? pathTo(next, start, approval) : undefined;
      const toStep = step === START ? [] : pathTo(next, start, step);
      const onward = step === START ? toApproval : pathTo(next, [...(next.get(step) ?? [])], approval);
      if (!toStep || !onward) continue;
      const found = findSelfApprover(def, step, approval, index, directory, forms);
      if (!found) continue;
      const path = [START, ...toStep, ...onward].filter(
        (s, i, all) => s === START || (index.get(s)?.def.task && all.indexOf(s) === i),
      );
      const unitNote = Object.entries(found.world.data).map(([f, u]) => `${f} = '${u}'`);
      const when = [`'${found.world.initiator}' starts it`, ...unitNote].join(', ');
      problems.error(
        'self-approval-path',
        `${statePointer(approval)}/task/excludes`,
        `'${found.person}' may perform '${step}' and then approve it at '${approval}' along ${path.join(' → ')} (when ${when})`,
        step === START
          ? `Exclude the initiator from '${approval}' ({ "kind": "initiator" })`
          : `Exclude the performer of '${step}' from '${approval}' ({ "kind": "performerOf", "state": "${step}" })`,
      );
    }
  }
}
