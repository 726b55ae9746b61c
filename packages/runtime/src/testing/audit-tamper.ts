import type { DefinitionBundle } from '@flowform/engine';
import { type Kysely, sql } from 'kysely';
import { chainHash, GENESIS_HASH } from '../audit-chain';
import { AuditKey } from '../audit-key';
import { auditContent } from '../audit-verifier';
import type { Database } from '../database/db-schema';

/** A fixed audit key for tests (never a real one). */
export const TEST_AUDIT_KEY = AuditKey.parse('a0'.repeat(32));

const text = (s: string) => ({ 'zh-CN': s, en: s });

/** A one-task process whose task can be sent round (`again`) as often as a test needs audit rows. */
export const loopBundle: DefinitionBundle = {
  definition: {
    key: 'loop',
    name: text('循环'),
    description: text('循环'),
    caseSchema: { type: 'object', properties: {} },
    starters: { kind: 'initiator' },
    machine: {
      initial: 'a',
      states: {
        a: {
          task: {
            title: text('做'),
            assignment: { kind: 'initiator' },
            outcomes: [
              { key: 'again', label: text('再来') },
              { key: 'ok', label: text('好') },
            ],
          },
          on: { again: 'a', ok: 'b' },
        },
        b: { type: 'final' },
      },
    },
  },
  forms: {},
};

/**
 * What an insider with write access to the database (and none to the audit key) can do to the
 * trail: the append-only triggers are the owner's to switch off, so each edit does that around it.
 */
async function asOwner(db: Kysely<Database>, run: () => Promise<unknown>): Promise<void> {
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
  try {
    await run();
  } finally {
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
  }
}

/** Changes one row's comment, hashes left as they were. */
export function editRow(db: Kysely<Database>, instanceId: string, seq: number): Promise<void> {
  return asOwner(db, () =>
    sql`update audit_log set comment = 'rewritten' where instance_id = ${instanceId} and seq = ${seq}`.execute(
      db,
    ),
  );
}

/** Deletes a chain's last row (and nothing else). */
export function deleteTailRow(db: Kysely<Database>, instanceId: string): Promise<void> {
  return asOwner(db, () =>
    sql`delete from audit_log where instance_id = ${instanceId}
        and seq = (select max(seq) from audit_log where instance_id = ${instanceId})`.execute(db),
  );
}

/** Deletes a case's whole chain and its head. */
export function deleteChain(db: Kysely<Database>, instanceId: string): Promise<void> {
  return asOwner(db, async () => {
    await sql`delete from audit_log where instance_id = ${instanceId}`.execute(db);
    await sql`delete from audit_heads where instance_id = ${instanceId}`.execute(db);
  });
}

/**
 * Changes one row's comment and recomputes every hash from it on, and the head's hash: the chain
 * holds and ends where its head says, only the head's MAC (which needs the key) gives it away.
 */
export function editAndRehash(db: Kysely<Database>, instanceId: string, seq: number): Promise<void> {
  return asOwner(db, async () => {
    await sql`update audit_log set comment = 'rewritten' where instance_id = ${instanceId} and seq = ${seq}`.execute(
      db,
    );
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('instance_id', '=', instanceId)
      .orderBy('seq')
      .execute();
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const hash = chainHash(prev, auditContent(row));
      await sql`update audit_log set prev_hash = ${prev}, hash = ${hash}
        where instance_id = ${instanceId} and seq = ${row.seq}`.execute(db);
      prev = hash;
    }
    await sql`update audit_heads set hash = ${prev} where instance_id = ${instanceId}`.execute(db);
  });
}
