import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { ServerDb } from '../database/server-schema';

/**
 * A one-time password: 15 random bytes as 20 base64url characters (120 bits), which passes the
 * password policy; it must be changed at first sign-in.
 */
export function oneTimePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** Whether the user must change their password before anything else (a one-time password). */
export async function mustChangePassword(db: ServerDb, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('server_password_states')
    .select('must_change')
    .where('username', '=', username)
    .executeTakeFirst();
  return row?.must_change ?? false;
}

/**
 * Stores a user's new password hash and whether it is one-time (`mustChange`). Answers false
 * when there is no such user.
 */
export async function storePassword(
  db: ServerDb,
  username: string,
  hash: string,
  mustChange: boolean,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('directory_users')
      .set({ password_hash: hash })
      .where('username', '=', username)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await trx
      .insertInto('server_password_states')
      .values({ username, must_change: mustChange })
      .onConflict((oc) =>
        oc.column('username').doUpdateSet({ must_change: mustChange, changed_at: sql<Date>`now()` as never }),
      )
      .execute();
    return true;
  });
}
