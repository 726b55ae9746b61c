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

/**
 * One command's rows: its change set, how it meets the case row, its idempotency record, and the
 * MAC of its case's new chain head (absent when the runtime has no audit key: the head is then
 * written unsigned).
 */
export interface CaseWrite {
  change: ChangeSet;
  head: WriteHead;
  idempotency: { key: string; actor: string; response: unknown } | undefined;
  anchor?: { mac: string; keyId: string };
}
