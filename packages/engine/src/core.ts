// The engine core both faces share: pure (no clock, no I/O) and free of ajv. The schema checking
// that lint and form validation need is a port; index.ts (Node) and browser.ts fill it in.

export * from './assignment';
export { caseTitleFields, type NameLookup, renderCaseTitle } from './definition/case-title';
export * from './computed';
export * from './calendar';
export type * from './definition/definition-types';
export * from './expressions';
export * from './forms';
export { type Linter, linterWith } from './lint/lint-definition';
export type { LintContext, LintProblem, ProblemList } from './lint/lint-types';
export {
  indexStates,
  isWithin,
  resolveTarget,
  type StateIndex,
  type StateInfo,
} from './machine/state-index';
export * from './migration';
export * from './scheduling';
export * from './simulation';
export type {
  CaseSnapshot,
  ChildRecord,
  TaskOrigin,
  TaskRecord,
  CaseSuspension,
  TimerRecord,
} from './stepping/case-snapshot';
export { caseVisibility, type Visibility } from './stepping/case-visibility';
export type { RefusedGuard } from './stepping/guard-refusal';
export type { Actor, CaseMapping, Command, CommandType } from './stepping/commands';
export { caseOutcome } from './stepping/case-ending';
export { initiatorMayCancel } from './stepping/initiator-cancel';
export { type ExclusionFacts, excludedUsers, exclusionOf } from './stepping/exclusions';
export { type SeparationRefusal, separationSentence } from './stepping/separation-of-duties';
export { type CompiledDefinition, compileBundle } from './stepping/compiled-definition';
export { followDirectory, type TaskFollow } from './stepping/directory-follow';
export type { AuditEntry, Effect } from './stepping/effects';
export { type ReplayEntry, replay } from './stepping/replay';
export { step } from './stepping/step';
export type { StepOptions, StepResult } from './stepping/step-context';
export { STEP_ERROR_CODES, StepError, type StepErrorCode } from './stepping/step-error';
export { isSystemEntry, SYSTEM_ACTOR, SYSTEM_USERNAME } from './stepping/system-actor';
export { canWorkTask } from './stepping/task-access';
export {
  type AttachmentRef,
  type CaseView,
  type CommentRef,
  canOpenCase,
  viewCase,
} from './visibility/case-view';
export { type CaseLifecycle, lifecycleView } from './visibility/lifecycle-view';
export { refuseUnstorableText } from './stepping/text-guard';
export * from './voting';
export {
  seesTaskSubject,
  restrictedFields,
  subjectOpenToAll,
  type TaskSubject,
  taskSubject,
} from './visibility/task-subject';
