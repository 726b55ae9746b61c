import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { ServerDb } from '../database/server-schema';

/** Who a valid session belongs to, with the directory version read in the same query. */
export interface SessionUser {
  sessionId: string;
  username: string;
  directoryVersion: string;
  /** A one-time password not yet changed. */
  mustChangePassword: boolean;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Opaque bearer tokens: 256 random bits, stored only as their SHA-256. Each request reads the
 * session joined with the user, so revoking a session or disabling a user ends access at once.
 */
export class SessionStore {
  constructor(
    private readonly db: ServerDb,
    private readonly ttlSeconds = 12 * 3600,
  ) {}

  /** A new session (a new token on every login). */
  async create(username: string, meta: { address?: string; userAgent?: string }): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db
      .insertInto('server_sessions')
      .values({
        id: hashToken(token),
        username,
        expires_at: sql<Date>`now() + ${`${this.ttlSeconds} seconds`}::interval` as never,
        revoked_at: null,
        address: meta.address?.slice(0, 64) ?? null,
        user_agent: meta.userAgent?.slice(0, 256) ?? null,
      })
      .execute();
    return token;
  }

  /** The live session for a token, or undefined (unknown, expired, revoked, or user disabled). */
  async lookup(token: string): Promise<SessionUser | undefined> {
    if (token.length < 20 || token.length > 200) return undefined;
    const result = await sql<{ id: string; username: string; dir_version: string; must_change: boolean }>`
      select s.id, s.username, (select m.version::text from directory_meta m where m.id = 1) as dir_version,
        coalesce(p.must_change, false) as must_change
      from server_sessions s join directory_users u on u.username = s.username
        left join server_password_states p on p.username = s.username
      where s.id = ${hashToken(token)} and s.revoked_at is null and s.expires_at > now() and not u.disabled`.execute(
      this.db,
    );
    const row = result.rows[0];
    return row
      ? {
          sessionId: row.id,
          username: row.username,
          directoryVersion: row.dir_version,
          mustChangePassword: row.must_change,
        }
      : undefined;
  }

  /** Ends one session. */
  async revoke(sessionId: string): Promise<void> {
    await this.db
      .updateTable('server_sessions')
      .set({ revoked_at: sql<Date>`now()` as never })
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Ends every session of a user (disabled account, password change), but `keep`'s when given. */
  async revokeAll(username: string, keep?: string): Promise<void> {
    await this.db
      .updateTable('server_sessions')
      .set({ revoked_at: sql<Date>`now()` as never })
      .where('username', '=', username)
      .where('revoked_at', 'is', null)
      .$if(keep !== undefined, (q) => q.where('id', '!=', keep!))
      .execute();
  }
}
