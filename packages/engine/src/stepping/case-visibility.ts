import {
  AssignmentError,
  canActOn,
  type Directory,
  expandCandidates,
  resolveAssignment,
} from '../assignment';
import type { AssignmentRule } from '../definition/definition-types';
import { ExpressionError } from '../expressions';
import type { CaseSnapshot } from './case-snapshot';
import type { CompiledDefinition } from './compiled-definition';
import { celPerson, celUnit } from './step-context';
import { canWorkTask } from './task-access';

/** Why a user may see a case, or `undefined` when they may not (the API answers 404 then). */
export type Visibility = 'participant' | 'candidate' | 'designated' | 'leader' | 'administrator' | undefined;

/**
 * Who may see a case. Participants (initiator, performers, CC'd, current holders still entitled
 * to their task, candidates, delegators) always; the people the definition names in `confidential.alsoVisibleTo` (its
 * readers, confidential or not); for cases that are not confidential, also administrators and
 * district leaders. Confidential cases are invisible to everyone else, administrators included.
 */
export function caseVisibility(
  compiled: CompiledDefinition,
  snap: CaseSnapshot,
  username: string,
  directory: Directory,
): Visibility {
  const user = directory.user(username);
  if (!user || user.disabled) return undefined;
  if (snap.initiator === username) return 'participant';
  if (Object.values(snap.performers).some((list) => list.includes(username))) return 'participant';
  if (snap.cc.some((c) => c.user === username)) return 'participant';
  for (const task of snap.tasks) {
    if (task.delegatedBy === username) return 'participant';
    // A holder who lost the role the task was offered by (left the group) no longer takes part.
    if (task.assignee === username && canWorkTask(task, username, directory)) return 'participant';
    if (!task.assignee && canActOn(username, task.candidates, directory)) return 'candidate';
  }
  const confidential = compiled.definition.confidential;
  if (namedBy(compiled, confidential?.alsoVisibleTo ?? [], snap, username, directory)) return 'designated';
  if (confidential?.enabled) return undefined;
  const roles = directory.rolesOf(username).map((r) => r.role);
  if (roles.includes('administrator')) return 'administrator';
  if (roles.includes('districtLeader')) return 'leader';
  return undefined;
}

/**
 * Whether any of the rules names the user now, resolved against the case (a rule naming nobody,
 * or failing on the case's data, names nobody: visibility fails closed). A `cel` rule sees the
 * case as assignment does, the viewer as `actor`; visibility has no clock, so `now` is the case's
 * start (its end once ended).
 */
export function namedBy(
  compiled: CompiledDefinition,
  rules: readonly AssignmentRule[],
  snap: CaseSnapshot,
  username: string,
  directory: Directory,
): boolean {
  for (const rule of rules) {
    let resolution: ReturnType<typeof resolveAssignment>;
    try {
      resolution = resolveAssignment(
        rule,
        {
          directory,
          data: snap.data,
          initiator: snap.initiator,
          caseUnit: snap.caseUnit,
          performers: snap.performers,
          evalCel: (expr: string) =>
            compiled.cel.compile(expr).evaluate({
              data: snap.data,
              now: snap.endedAt ?? snap.startedAt,
              initiator: celPerson(directory, snap.initiator),
              actor: celPerson(directory, username),
              caseUnit: celUnit(directory, snap.caseUnit),
            }),
        },
        'skip',
      );
    } catch (error) {
      if (error instanceof AssignmentError || error instanceof ExpressionError) continue;
      throw error;
    }
    if (
      resolution.kind === 'candidates' &&
      expandCandidates(resolution.candidates, directory).includes(username)
    )
      return true;
  }
  return false;
}
