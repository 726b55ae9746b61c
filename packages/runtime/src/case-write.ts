import type { ChangeSet } from './change-set';

/** How a write meets the case row: an update guarded by the version (and directory), or a start. */
export type WriteHead =
  | { kind: 'update'; directoryVersion?: string }
  | {
      kind: 'insert';
      definitionKey: string;
      definitionVersion: number;
      parentId: string | null;
      confidential: boolean;
      initiator: string;
      startedAt: string;
    };

/** One command's rows: its change set, how it meets the case row, its idempotency record. */
export interface CaseWrite {
  change: ChangeSet;
  head: WriteHead;
  idempotency: { key: string; actor: string; response: unknown } | undefined;
}
