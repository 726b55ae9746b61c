import { canonicalJson, GENESIS_HASH, sha256Hex } from '@flowform/runtime';
import type { ServerDb } from '../database/server-schema';

/** An administrator's action outside any case (publishing a definition …). */
export interface AdminAuditEntry {
  actor: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

/**
 * Appends to the administrators' own hash-chained, append-only log: each row's hash covers the
 * previous hash and the row; `prev_hash` is unique, so two racing writers cannot fork the chain
 * (the loser re-reads the head and tries again).
 */
export async function appendAdminAudit(db: ServerDb, entry: AdminAuditEntry): Promise<{ hash: string }> {
  for (let attempt = 0; ; attempt++) {
    const head = await db
      .selectFrom('admin_audit')
      .select('hash')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const prev = head?.hash ?? GENESIS_HASH;
    const at = new Date().toISOString();
    const hash = sha256Hex(prev + canonicalJson({ ...entry, at }));
    try {
      await db
        .insertInto('admin_audit')
        .values({ ...entry, at, detail: JSON.stringify(entry.detail), prev_hash: prev, hash })
        .execute();
      return { hash };
    } catch (error) {
      if ((error as { code?: string }).code !== '23505' || attempt >= 5) throw error;
    }
  }
}
