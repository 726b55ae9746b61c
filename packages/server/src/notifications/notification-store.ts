import type { LocalizedText } from '@flowform/engine';
import { sql } from 'kysely';
import type { ServerDb } from '../database/server-schema';

/** An in-app notification as the API shows it. */
export interface NotificationItem {
  id: string;
  kind: string;
  instanceId: string | null;
  taskId: string | null;
  message: LocalizedText | null;
  createdAt: string;
  readAt: string | null;
}

/** Stores one notification per user; a redelivered effect (same dedup key) adds nothing. Returns who is new. */
export async function storeNotifications(
  db: ServerDb,
  input: {
    users: string[];
    kind: string;
    instanceId: string;
    taskId?: string;
    message?: LocalizedText;
    dedupKey: string;
  },
): Promise<{ username: string; id: string }[]> {
  if (input.users.length === 0) return [];
  return db
    .insertInto('notifications')
    .values(
      input.users.map((username) => ({
        username,
        kind: input.kind,
        instance_id: input.instanceId,
        task_id: input.taskId ?? null,
        message: input.message ? JSON.stringify(input.message) : null,
        dedup_key: input.dedupKey,
        read_at: null,
      })),
    )
    .onConflict((oc) => oc.columns(['dedup_key', 'username']).doNothing())
    .returning(['username', 'id'])
    .execute();
}

/** How many unread notifications a user has about one case (null: about no case). */
export interface UnreadByCase {
  instanceId: string | null;
  n: number;
}

/**
 * A user's notifications, newest first, with an id cursor, and the unread ones counted per case
 * (the caller drops the cases the user may no longer open from both).
 */
export async function listNotifications(
  db: ServerDb,
  username: string,
  query: { limit: number; cursor?: string; unread?: boolean },
): Promise<{ items: NotificationItem[]; nextCursor?: string; unreadByCase: UnreadByCase[] }> {
  let q = db
    .selectFrom('notifications')
    .selectAll()
    .where('username', '=', username)
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.cursor) q = q.where(sql<boolean>`id < ${query.cursor}::bigint`);
  if (query.unread) q = q.where('read_at', 'is', null);
  const [rows, count] = await Promise.all([
    q.execute(),
    db
      .selectFrom('notifications')
      .select((eb) => ['instance_id', eb.fn.countAll<string>().as('n')])
      .where('username', '=', username)
      .where('read_at', 'is', null)
      .groupBy('instance_id')
      .execute(),
  ]);
  const items = rows.slice(0, query.limit).map((r) => ({
    id: String(r.id),
    kind: r.kind,
    instanceId: r.instance_id,
    taskId: r.task_id,
    message: r.message,
    createdAt: new Date(r.created_at).toISOString(),
    readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
  }));
  const more = rows.length > query.limit;
  const unreadByCase = count.map((r) => ({ instanceId: r.instance_id, n: Number(r.n) }));
  return { items, unreadByCase, ...(more ? { nextCursor: items.at(-1)!.id } : {}) };
}

/** Marks one (or, without an id, every) notification of the user read; returns how many changed. */
export async function markRead(db: ServerDb, username: string, id?: string): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` as never })
    .where('username', '=', username)
    .where('read_at', 'is', null);
  if (id) q = q.where(sql<boolean>`id = ${id}::bigint`);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0);
}
