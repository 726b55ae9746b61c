import { type Kysely, type RawBuilder, sql } from 'kysely';
import { canonicalJson, GENESIS_HASH, sha256Hex } from './audit-chain';
import { type AuditKey, headText } from './audit-key';
import type { Database } from './database/db-schema';
import type { HousekeepingTask } from './housekeeping';

/** A chain head as a checkpoint lists it: case id, head seq, head hash. */
export type CheckpointEntry = [instanceId: string, seq: number, hash: string];

/**
 * The latest checkpoint, as printed by `flowform audit-anchor` for safe keeping outside the
 * database: `digest` vouches for every checkpoint up to `seq` (and so for every chain head they
 * list), `mac` is the audit key's MAC of the digest.
 */
export interface AuditAnchor {
  seq: number;
  at: string;
  chains: number;
  digest: string;
  mac: string | null;
  keyId: string | null;
}

/** Serialises checkpoint writers and the adoption across processes (`pg_advisory_xact_lock`). */
const ANCHOR_LOCK = 0x666c_6f77;

/**
 * A checkpoint's digest: sha256 over its number, time, chain count, the digest before it and the
 * heads it lists. Each checkpoint lists only the heads that moved since the one before, so the
 * digests form a chain: the latest one vouches for the state of every chain it has seen.
 */
export function checkpointDigest(
  prevDigest: string,
  seq: number,
  at: string,
  chains: number,
  entries: readonly CheckpointEntry[],
): string {
  return sha256Hex(
    `flowform-audit-checkpoint:v1\n${seq}\n${at}\n${chains}\n${prevDigest}\n${sha256Hex(canonicalJson(entries))}`,
  );
}

/** What a checkpoint's MAC covers: its digest. */
export function checkpointText(digest: string): string {
  return `flowform-audit-checkpoint-mac:v1\n${digest}`;
}

/** The digest before the first checkpoint. */
export const GENESIS_DIGEST = GENESIS_HASH;

/**
 * Writes a checkpoint over every chain head that moved since the last one (or none, if none
 * moved, or the last is younger than `minIntervalMs`), and marks those heads anchored. One
 * transaction; writers of several processes take turns on an advisory lock. A command that moves a
 * head meanwhile leaves it unanchored (its `anchored_seq` is the seq read here), so the next
 * checkpoint lists it.
 */
export async function writeCheckpoint(
  db: Kysely<Database>,
  key: AuditKey | undefined,
  options: { now?: RawBuilder<unknown>; minIntervalMs?: number } = {},
): Promise<(AuditAnchor & { listed: number }) | undefined> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${ANCHOR_LOCK})`.execute(trx);
    const clock = await sql<{ at: Date }>`select ${options.now ?? sql`now()`}::timestamptz as at`.execute(
      trx,
    );
    const at = new Date(clock.rows[0]!.at).toISOString();
    const last = await trx
      .selectFrom('audit_checkpoints')
      .select(['seq', 'at', 'chains', 'digest'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last && options.minIntervalMs && Date.parse(at) - new Date(last.at).getTime() < options.minIntervalMs)
      return undefined;
    const moved = await trx
      .selectFrom('audit_heads')
      .select(['instance_id', 'seq', 'hash', 'anchored_seq'])
      .where(sql<boolean>`anchored_seq is distinct from seq`)
      .orderBy('instance_id')
      .execute();
    if (moved.length === 0) return undefined;
    const seq = (last?.seq ?? 0) + 1;
    const chains = (last?.chains ?? 0) + moved.filter((m) => m.anchored_seq === null).length;
    const entries: CheckpointEntry[] = moved.map((m) => [m.instance_id, m.seq, m.hash]);
    const prevDigest = last?.digest ?? GENESIS_DIGEST;
    const digest = checkpointDigest(prevDigest, seq, at, chains, entries);
    const mac = key ? key.mac(checkpointText(digest)) : null;
    await trx
      .insertInto('audit_checkpoints')
      .values({
        seq,
        at,
        chains,
        entries: JSON.stringify(entries) as never,
        prev_digest: prevDigest,
        digest,
        mac,
        key_id: key?.id ?? null,
      })
      .execute();
    await sql`
      update audit_heads h set anchored_seq = x.seq
      from unnest(${moved.map((m) => m.instance_id)}::text[], ${moved.map((m) => m.seq)}::int[]) as x(id, seq)
      where h.instance_id = x.id`.execute(trx);
    return { seq, at, chains, digest, mac, keyId: key?.id ?? null, listed: entries.length };
  });
}

/** The latest checkpoint as an anchor, or undefined before the first. */
export async function latestAnchor(db: Kysely<Database>): Promise<AuditAnchor | undefined> {
  const row = await db
    .selectFrom('audit_checkpoints')
    .select(['seq', 'at', 'chains', 'digest', 'mac', 'key_id'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    chains: row.chains,
    digest: row.digest,
    mac: row.mac,
    keyId: row.key_id,
  };
}

/**
 * Gives a head to every chain written before heads existed (a database older than the
 * `audit_heads` table): its last row's seq and hash, MACed now. Runs once per database (recorded in
 * `audit_adoption`); after that a chain without a head is a finding, not an adoption. Returns the
 * cases adopted, or undefined if the adoption had already run.
 */
export async function adoptAuditHeads(db: Kysely<Database>, key: AuditKey): Promise<string[] | undefined> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${ANCHOR_LOCK})`.execute(trx);
    const done = await trx.selectFrom('audit_adoption').select('id').executeTakeFirst();
    if (done) return undefined;
    const { rows } = await sql<{ instance_id: string; seq: number; hash: string }>`
      select distinct on (a.instance_id) a.instance_id, a.seq, a.hash from audit_log a
      where not exists (select 1 from audit_heads h where h.instance_id = a.instance_id)
      order by a.instance_id, a.seq desc`.execute(trx);
    for (let i = 0; i < rows.length; i += 1000) {
      const heads = rows.slice(i, i + 1000).map((r) => ({
        instance_id: r.instance_id,
        seq: r.seq,
        hash: r.hash,
        mac: key.mac(headText(r.instance_id, r.seq, r.hash)),
        key_id: key.id,
      }));
      await trx
        .insertInto('audit_heads')
        .values(heads)
        .onConflict((oc) => oc.column('instance_id').doNothing())
        .execute();
    }
    await trx
      .insertInto('audit_adoption')
      .values({ id: 1, adopted_at: new Date().toISOString(), chains: rows.length })
      .execute();
    return rows.map((r) => r.instance_id);
  });
}

/**
 * The timer worker's checkpoint: at each housekeeping round, a checkpoint if the last one is at
 * least `intervalMinutes` old and some head moved since. Returns the number of heads it listed.
 */
export function auditCheckpointTask(key: AuditKey | undefined, intervalMinutes: number): HousekeepingTask {
  if (!Number.isFinite(intervalMinutes) || intervalMinutes <= 0)
    throw new RangeError('the audit checkpoint interval must be a positive number of minutes');
  return {
    name: 'audit-checkpoint',
    async run(db, now) {
      const written = await writeCheckpoint(db as unknown as Kysely<Database>, key, {
        now,
        minIntervalMs: intervalMinutes * 60_000,
      });
      return written?.listed ?? 0;
    },
  };
}
