import {
  AssignmentError,
  canActOn,
  type Directory,
  expandCandidates,
  resolveAssignment,
} from '../assignment';
import type { AssignmentRule } from '../definition/definition-types';
import type { CaseSnapshot } from './case-snapshot';
import type { CompiledDefinition } from './compiled-definition';

/** Why a user may see a case, or `undefined` when they may not (the API answers 404 then). */
export type Visibility = 'participant' | 'candidate' | 'designated' | 'leader' | 'administrator' | undefined;

/**
 * Who may see a case. Participants (initiator, performers, CC'd, current holders and candidates,
 * delegators) always; the people the definition names in `confidential.alsoVisibleTo` (its
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
    if (task.assignee === username || task.delegatedBy === username) return 'participant';
    if (!task.assignee && canActOn(username, task.candidates, directory)) return 'candidate';
  }
  const confidential = compiled.definition.confidential;
  if (namedBy(confidential?.alsoVisibleTo ?? [], snap, username, directory)) return 'designated';
  if (confidential?.enabled) return undefined;
  const roles = directory.rolesOf(username).map((r) => r.role);
  if (roles.includes('administrator')) return 'administrator';
  if (roles.includes('districtLeader')) return 'leader';
  return undefined;
}

/**
 * Whether any of the rules names the user now, resolved against the case (a rule naming nobody,
 * or failing on the case's data, names nobody: visibility fails closed).
 */
export function namedBy(
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
        },
        'skip',
      );
    } catch (error) {
      if (error instanceof AssignmentError) continue;
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
