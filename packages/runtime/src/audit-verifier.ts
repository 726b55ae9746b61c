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

/** One case's chain as read back: its rows' stored hashes by seq, and its first broken link. */
export interface ChainWalk {
  rows: number;
  /** Stored hash of row `seq` at index `seq - 1`, for the rows in sequence from 1. */
  hashes: string[];
  broken?: BrokenLink;
}

/**
 * Walks each case's hash chain in order and reports the first broken link per case: a row changed
 * (its hash no longer matches), a row removed or inserted (prev hash or sequence breaks).
 */
export async function walkChains(db: Kysely<Database>, instanceId?: string): Promise<Map<string, ChainWalk>> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('instance_id').orderBy('seq');
  if (instanceId) query = query.where('instance_id', '=', instanceId);
  const rows = await query.execute();
  const chains = new Map<string, ChainWalk>();
  let chain: ChainWalk = { rows: 0, hashes: [] };
  let current = '';
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (row.instance_id !== current) {
      current = row.instance_id;
      chain = { rows: 0, hashes: [] };
      chains.set(current, chain);
      prev = GENESIS_HASH;
    }
    chain.rows += 1;
    const expectedSeq = chain.hashes.length + 1;
    if (row.seq === expectedSeq) chain.hashes.push(row.hash);
    if (chain.broken) continue;
    const reason =
      row.seq !== expectedSeq
        ? 'seq-gap'
        : row.prev_hash !== prev
          ? 'prev-hash-mismatch'
          : row.hash !== chainHash(prev, auditContent(row))
            ? 'hash-mismatch'
            : undefined;
    if (reason) chain.broken = { instanceId: row.instance_id, seq: row.seq, reason };
    prev = row.hash;
  }
  return chains;
}

/** The number of rows walked and the first broken link of each case's chain. */
export async function verifyAudit(
  db: Kysely<Database>,
  instanceId?: string,
): Promise<{ checked: number; broken: BrokenLink[] }> {
  const chains = await walkChains(db, instanceId);
  return summarise(chains);
}

/** Rows counted (in sequence) and the broken links of walked chains. */
export function summarise(chains: Map<string, ChainWalk>): { checked: number; broken: BrokenLink[] } {
  let checked = 0;
  const broken: BrokenLink[] = [];
  for (const chain of chains.values()) {
    checked += chain.rows;
    if (chain.broken) broken.push(chain.broken);
  }
  return { checked, broken };
}
