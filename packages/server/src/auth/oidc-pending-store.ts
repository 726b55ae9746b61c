import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { ServerDb } from '../database/server-schema';

/** What a sign-in at the provider must come back with: the state, the nonce and the PKCE verifier. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

const hashHandle = (handle: string) => createHash('sha256').update(handle).digest('hex');

/**
 * Sign-ins on their way through the provider, in the database (every process finds them). The
 * browser holds only a random handle in an HttpOnly cookie; the row is keyed by its SHA-256 and is
 * taken once, so a callback cannot be replayed and another browser's callback finds nothing.
 */
export class OidcPendingStore {
  constructor(
    private readonly db: ServerDb,
    private readonly ttlSeconds = 600,
  ) {}

  /** Keeps `checks` for ten minutes; answers the handle for the browser's cookie. */
  async put(checks: OidcChecks): Promise<string> {
    const handle = randomBytes(32).toString('base64url');
    await this.db
      .insertInto('server_oidc_pending')
      .values({
        id: hashHandle(handle),
        state: checks.state,
        nonce: checks.nonce,
        code_verifier: checks.codeVerifier,
        expires_at: sql<Date>`now() + ${`${this.ttlSeconds} seconds`}::interval` as never,
      })
      .execute();
    return handle;
  }

  /** The checks for `handle`, deleted as they are read; undefined when unknown, taken or expired. */
  async take(handle: string | undefined): Promise<OidcChecks | undefined> {
    if (!handle || handle.length < 20 || handle.length > 200) return undefined;
    const row = await this.db
      .deleteFrom('server_oidc_pending')
      .where('id', '=', hashHandle(handle))
      .returning(['state', 'nonce', 'code_verifier', sql<boolean>`expires_at > now()`.as('live')])
      .executeTakeFirst();
    if (!row?.live) return undefined;
    return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier };
  }
}
