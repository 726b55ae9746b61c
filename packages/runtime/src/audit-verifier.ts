import type { Kysely } from 'kysely';
import { type AuditRowContent, chainHash, GENESIS_HASH } from './audit-chain';
import type { Database } from './database/db-schema';

/** The first link of a case's chain that does not hold. */
export interface BrokenLink {
  instanceId: string;
  seq: number;
  reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'seq-gap';
}

/** The chain's content as read back from the database, in the exact form the hash covered. */
export function auditContent(
  row: Database['audit_log'] extends infer R ? { [K in keyof R]: unknown } : never,
): AuditRowContent {
  return {
    instance_id: row.instance_id as string,
    seq: Number(row.seq),
    at: new Date(row.at as string).toISOString(),
    actor: row.actor as string,
    action: row.action as string,
    task_id: (row.task_id as string | null) ?? null,
    outcome: (row.outcome as string | null) ?? null,
    comment: (row.comment as string | null) ?? null,
    data_digest: (row.data_digest as string | null) ?? null,
    definition_key: row.definition_key as string,
    definition_version: Number(row.definition_version),
    detail: row.detail as Record<string, unknown>,
  };
}

/**
 * Walks each case's hash chain in order and reports the first broken link per case: a row changed
 * (its hash no longer matches), a row removed or inserted (prev hash or sequence breaks).
 */
export async function verifyAudit(
  db: Kysely<Database>,
  instanceId?: string,
): Promise<{ checked: number; broken: BrokenLink[] }> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('instance_id').orderBy('seq');
  if (instanceId) query = query.where('instance_id', '=', instanceId);
  const rows = await query.execute();
  const broken: BrokenLink[] = [];
  let current = '';
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let failed = false;
  for (const row of rows) {
    if (row.instance_id !== current) {
      current = row.instance_id;
      prev = GENESIS_HASH;
      expectedSeq = 1;
      failed = false;
    }
    if (failed) continue;
    const reason =
      row.seq !== expectedSeq
        ? 'seq-gap'
        : row.prev_hash !== prev
          ? 'prev-hash-mismatch'
          : row.hash !== chainHash(prev, auditContent(row))
            ? 'hash-mismatch'
            : undefined;
    if (reason) {
      broken.push({ instanceId: row.instance_id, seq: row.seq, reason });
      failed = true;
      continue;
    }
    prev = row.hash;
    expectedSeq += 1;
  }
  return { checked: rows.length, broken };
}
