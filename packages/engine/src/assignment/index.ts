/** The assignment module's public surface: the directory port, its in-memory form, and the resolver. */

export { type Resolution, resolveAssignment } from './assignee-resolver';
export type { AssignmentContext } from './assignment-context';
export {
  ASSIGNMENT_ERROR_CODES,
  AssignmentError,
  type AssignmentErrorCode,
  type AssignmentField,
} from './assignment-error';
export {
  type CandidateSet,
  canActOn,
  candidateSet,
  expandCandidates,
  mergeCandidates,
} from './candidate-set';
export { resolveWithExclusions, withoutExcluded } from './exclusion-fallback';
export type { Directory, DirectoryUnit, DirectoryUser, RoleInUnit } from './directory';
export { diffDirectory } from './directory-diff';
export { DIRECTORY_ERROR_CODES, DirectoryError, type DirectoryErrorCode } from './directory-error';
export type { DirectoryIssue, DirectoryOp } from './directory-op';
export {
  type AppliedOps,
  applyDirectoryOps,
  parentsFirst,
  sameContract,
  sameMembership,
  withDerivedSuperiors,
} from './directory-ops';
export {
  type Contractor,
  type DirectorySeed,
  KNOWN_ROLES,
  type KnownRoleName,
  type RoleName,
  type SeedContract,
  type SeedMembership,
  type SeedUnit,
  type SeedUser,
  UNIT_KINDS,
  type UnitKind,
} from './directory-seed';
export { InMemoryDirectory } from './in-memory-directory';
export { ROLE_LABELS, roleLabel, UNIT_KIND_LABELS } from './role-labels';
export { explainRule } from './rule-explanation';
export { checkRuleSatisfiable, type Satisfiability } from './rule-satisfiability';
export { validateDirectorySeed } from './seed-validation';
export { deriveSuperior, HEAD_ROLE, unitHeads } from './unit-heads';
export { PARENT_KINDS, ROLE_UNIT_KINDS } from './unit-kind-rules';
