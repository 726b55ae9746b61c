import { type AssignmentRule, canActOn, type Directory, resolveAssignment } from '@flowform/engine';

/**
 * Whether the user may start a process, as far as can be told before the case data exists. Rules
 * that read the case's unit (`roleInCaseUnit`) count the role held in any unit; rules that read
 * other case fields cannot be decided yet and count as no. The engine checks again at the start.
 */
export function mayStart(
  rule: AssignmentRule,
  username: string,
  directory: Directory,
  contractor = false,
): boolean {
  switch (rule.kind) {
    case 'anyOf':
      return rule.rules.some((r) => mayStart(r, username, directory, contractor));
    case 'roleInCaseUnit':
      return (
        directory.rolesOf(username).some((r) => r.role === rule.role) && !directory.user(username)?.disabled
      );
    case 'contractingLeader':
      return contractor;
    case 'field':
    case 'cel':
    case 'performerOf':
      return false;
    default:
      try {
        const resolution = resolveAssignment(
          rule,
          { directory, data: {}, initiator: username, performers: {} },
          'skip',
        );
        return resolution.kind === 'candidates' && canActOn(username, resolution.candidates, directory);
      } catch {
        return false;
      }
  }
}
