// The durable runtime (Node only: Kysely, pg, PGlite). Import from '@flowform/runtime';
// the core entry '@flowform/engine' stays free of I/O so the web app can use it.

export {
  type AnchorCheckOptions,
  type AnchorCheckReport,
  type AnchorFinding,
  type AnchorFindingKind,
  checkAuditAnchors,
} from './audit-anchor-check';
export { canonicalJson, chainHash, GENESIS_HASH, sha256Hex } from './audit-chain';
export {
  type AuditAnchor,
  adoptAuditHeads,
  auditCheckpointTask,
  type CheckpointEntry,
  latestAnchor,
  writeCheckpoint,
} from './audit-checkpoint';
export { AuditKey } from './audit-key';
export {
  buildCalendar,
  calendarDays,
  packageCalendarYear,
  loadCalendar,
  packageCalendarLastYear,
  saveCalendarDays,
} from './calendar-store';
export { type BrokenLink, verifyAudit } from './audit-verifier';
export {
  CaseRuntime,
  type CommandOutcome,
  commandIdempotencyKey,
  type ExecuteOptions,
  type RuntimeOptions,
  type StartRequest,
} from './case-runtime';
export { checkConsistency, type Inconsistency } from './consistency-check';
export type { CalendarDay, Database } from './database/db-schema';
export { migrateToLatest } from './database/migrations';
export { type DatabaseTarget, type OpenDatabase, openDatabase } from './database/open-database';
export { DefinitionStore } from './definition-store';
export {
  commitDirectory,
  type DirectoryChangeRecord,
  loadDirectory,
  readDirectorySeed,
  replaceDirectory,
  setRoleHolder,
} from './directory-store';
export {
  checkRetention,
  expiredIdempotencyKeys,
  type HousekeepingOptions,
  type HousekeepingTask,
} from './housekeeping';
export {
  type InboxItem,
  type InboxOrigin,
  type InboxPage,
  type InboxQuery,
  queryInbox,
} from './inbox-queries';
export { decodeListCursor, encodeListCursor, type ListCursor } from './list-cursor';
export {
  type EffectHandler,
  type EffectHandlers,
  type OutboxRow,
  OutboxWorker,
  type OutboxWorkerOptions,
} from './outbox-worker';
export {
  applyMigration,
  dryRunMigration,
  type MigrationCaseReport,
  type MigrationPlan,
  type MigrationReport,
} from './migration-run';
export { type ReplayReport, replayCases } from './replay-check';
export type { StepRecord } from './step-record';
export { checkStepRecords, type RecordFinding, storedRecord } from './step-record-check';
export type { CachedCase } from './snapshot-cache';
export { RUNTIME_ERROR_CODES, RuntimeError, type RuntimeErrorCode } from './runtime-error';
export { TimerWorker, type TimerWorkerOptions } from './timer-worker';
export { type WhatIfReport, whatIfCases } from './what-if-check';
