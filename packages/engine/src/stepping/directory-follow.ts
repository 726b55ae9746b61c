/**
 * Open tasks following a directory change: each task's assignment rule resolved again against the
 * directory before and after the change. A task still offered as its rule gave it follows the rule
 * (the new secretary gets what the old one had); a claim by someone who can no longer act on it
 * (left, or lost the role) goes back to the pool. Tasks handed on by hand (转办) keep their people,
 * votes and delegations are left alone. Pure: the runtime applies each plan as a `reassign` command.
 */
import {
  type CandidateSet,
  canActOn,
  type Directory,
  expandCandidates,
  type Resolution,
  resolveWithExclusions,
} from '../assignment';
import type { DefinitionBundle } from '../definition/definition-types';
import { assignmentContext } from './assignment-context';
import type { CaseSnapshot, TaskRecord } from './case-snapshot';
import { compileBundle, taskDef } from './compiled-definition';
import { excludedUsers } from './exclusions';
import { SYSTEM_ACTOR } from './system-actor';

/** What happens to one open task. */
export interface TaskFollow {
  taskId: string;
  stateId: string;
  /** Who holds it now, if anyone. */
  assignee: string | null;
  /** Who can act on it now, and who could after the change. */
  before: string[];
  after: string[];
  /** The candidates and holder it gets; `changed` when the task row itself must change. */
  candidates: CandidateSet;
  newAssignee: string | null;
  releasesClaim: boolean;
  changed: boolean;
}

const key = (c: CandidateSet) =>
  JSON.stringify([[...c.users].sort(), c.roles.map((r) => `${r.role}@${r.unit}`).sort()]);
const single = (c: CandidateSet) => (c.roles.length === 0 && c.users.length === 1 ? c.users[0]! : null);
const sameUsers = (a: string[], b: string[]) => a.length === b.length && a.every((u, i) => u === b[i]);

/** Every open task of the case whose people would change; tasks that stay as they are are left out. */
export function followDirectory(
  bundle: DefinitionBundle,
  snapshot: CaseSnapshot,
  before: Directory,
  after: Directory,
  now: string,
): TaskFollow[] {
  if (snapshot.status !== 'running') return [];
  const compiled = compileBundle(bundle);
  const resolveIn = (task: TaskRecord, directory: Directory): Resolution | undefined => {
    const def = taskDef(compiled, task.stateId);
    const work = {
      compiled,
      snap: snapshot,
      opts: { now, actor: SYSTEM_ACTOR, directory, locale: 'en' as const },
      effects: [],
      events: [],
      queue: [],
    };
    try {
      return resolveWithExclusions(def, assignmentContext(work), excludedUsers(snapshot, def));
    } catch {
      return undefined;
    }
  };
  const plans: TaskFollow[] = [];
  for (const task of snapshot.tasks) {
    if (task.signer || task.delegatedBy) continue;
    const was = resolveIn(task, before);
    const now = resolveIn(task, after);
    const follows = was?.kind === 'candidates' && key(was.candidates) === key(task.candidates);
    const candidates =
      follows && now?.kind === 'candidates' && key(now.candidates) !== key(task.candidates)
        ? now.candidates
        : task.candidates;
    const candidatesChanged = candidates !== task.candidates;
    const holder = task.assignee ?? null;
    let newAssignee = holder;
    let releasesClaim = false;
    if (holder && candidatesChanged && holder === single(task.candidates)) newAssignee = single(candidates);
    else if (holder && !(canActOn(holder, candidates, after) && !after.user(holder)?.disabled)) {
      newAssignee = single(candidates);
      releasesClaim = newAssignee !== holder;
    } else if (!holder && candidatesChanged) newAssignee = single(candidates);
    const people = (c: CandidateSet, a: string | null, d: Directory) => (a ? [a] : expandCandidates(c, d));
    const beforeUsers = people(task.candidates, holder, before);
    const afterUsers = people(candidates, newAssignee, after);
    const changed = candidatesChanged || newAssignee !== holder;
    if (!changed && sameUsers(beforeUsers, afterUsers)) continue;
    plans.push({
      taskId: task.id,
      stateId: task.stateId,
      assignee: holder,
      before: beforeUsers,
      after: afterUsers,
      candidates,
      newAssignee,
      releasesClaim,
      changed,
    });
  }
  return plans;
}
