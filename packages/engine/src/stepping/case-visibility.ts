import { canActOn, type Directory, expandCandidates, resolveAssignment } from '../assignment';
import type { CaseSnapshot } from './case-snapshot';
import type { CompiledDefinition } from './compiled-definition';

/** Why a user may see a case, or `undefined` when they may not (the API answers 404 then). */
export type Visibility = 'participant' | 'candidate' | 'designated' | 'leader' | 'administrator' | undefined;

/**
 * Who may see a case. Participants (initiator, performers, CC'd, current holders and candidates,
 * delegators) always; the people a confidential definition names in `alsoVisibleTo`; for cases
 * that are not confidential, also administrators and district leaders. Confidential cases are
 * invisible to everyone else, administrators included.
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
  if (confidential?.enabled) {
    for (const rule of confidential.alsoVisibleTo ?? []) {
      const resolution = resolveAssignment(
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
      if (
        resolution.kind === 'candidates' &&
        expandCandidates(resolution.candidates, directory).includes(username)
      )
        return 'designated';
    }
    return undefined;
  }
  const roles = directory.rolesOf(username).map((r) => r.role);
  if (roles.includes('administrator')) return 'administrator';
  if (roles.includes('districtLeader')) return 'leader';
  return undefined;
}
