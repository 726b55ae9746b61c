import { createHash } from 'node:crypto';
import { type CommandOutcome, commandIdempotencyKey, type ExecuteOptions } from '@flowform/runtime';
import type { Context, MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import type { ServerDb } from '../database/server-schema';
import type { AppEnv } from './app-env';
import { ApiProblem, problems } from './problem';

const KEY = /^[\x21-\x7e]{1,200}$/;
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** What every command of a request runs with: its retry key and its reader's language. */
export function commandOptions(c: Context<AppEnv>): ExecuteOptions {
  return { idempotencyKey: idempotencyKey(c), locale: c.get('locale') };
}

/**
 * A command route's 200 answer: the runtime's outcome as JSON. The runtime recorded that outcome
 * under the request's key in the command's own transaction, so the middleware stores no copy (one
 * round trip and one commit less per command); a retry replays the runtime's record.
 */
export function commandResponse(c: Context<AppEnv>, outcome: CommandOutcome): Response {
  if (idempotencyKey(c) !== undefined) c.set('recordedByRuntime', true);
  return c.json(outcome, 200);
}

/** The request's `Idempotency-Key`, checked; undefined when absent. */
export function idempotencyKey(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY.test(key)) throw problems.badRequest('Idempotency-Key must be 1–200 visible ASCII characters');
  return key;
}

/**
 * `Idempotency-Key` on every authenticated POST: the first request with a key runs and its response
 * is stored; a retry with the same key and the same request gets that response again (marked
 * `Idempotent-Replayed: true`), a retry while the first still runs gets 409, and the same key on a
 * different request gets 422. Case commands also pass the key to the runtime, whose own record
 * makes the command exactly-once even across processes; a command's 200 is not stored here a second
 * time (`commandResponse`): its replay is read from the runtime's record.
 *
 * A running request holds its key for `leaseSeconds`. If its process dies before answering, the
 * key is not stuck: a retry after the lease takes it over and runs the request again, and the
 * runtime's record (written in the command's own transaction) makes that run either the command's
 * one execution or the return of its committed result.
 */
export function idempotency(
  db: ServerDb,
  leaseSeconds: number,
  /** The paths whose routes answer with `commandResponse` (their replay is the runtime's record). */
  answeredByRuntime: (path: string) => boolean = () => false,
): MiddlewareHandler<AppEnv> {
  const lease = sql<Date>`now() + ${`${leaseSeconds} seconds`}::interval`;
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const key = idempotencyKey(c);
    if (!key) return next();
    const user = c.get('user');
    const id = sha256(`${user.username}\n${key}`);
    const body = c.req.raw.body ? new Uint8Array(await c.req.arrayBuffer()) : new Uint8Array();
    const fingerprint = sha256(`${c.req.method} ${c.req.path}\n${sha256(body)}`);
    const reserved =
      (await db
        .insertInto('server_idempotency')
        .values({ id, fingerprint, status: null, content_type: null, body: null, lease_until: lease })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst()) ?? (await takeOver(db, id, fingerprint, lease));
    if (!reserved) {
      const commandKey = answeredByRuntime(c.req.path)
        ? commandIdempotencyKey(user.username, key)
        : undefined;
      return replay(db, id, fingerprint, commandKey);
    }
    await next();
    if (c.res.status >= 500) {
      await db.deleteFrom('server_idempotency').where('id', '=', id).execute();
      return;
    }
    if (c.res.status === 200 && c.get('recordedByRuntime')) return;
    const text = await c.res.clone().text();
    await db
      .updateTable('server_idempotency')
      .set({
        status: c.res.status,
        content_type: c.res.headers.get('content-type'),
        body: text,
        lease_until: null,
      })
      .where('id', '=', id)
      .execute();
  };
}

/** The key of a request that never answered and whose lease ended: this request runs it now. */
function takeOver(db: ServerDb, id: string, fingerprint: string, lease: ReturnType<typeof sql<Date>>) {
  return db
    .updateTable('server_idempotency')
    .set({ lease_until: lease })
    .where('id', '=', id)
    .where('fingerprint', '=', fingerprint)
    .where('status', 'is', null)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
    .returning('id')
    .executeTakeFirst();
}

const NO_BODY = new Set([204, 205, 304]);
const REPLAYED = { 'Idempotent-Replayed': 'true' };

/**
 * The stored answer to a key (with the runtime's record of a command answered by
 * `commandResponse`), 409 while its request runs, 422 for another request's key.
 */
async function replay(
  db: ServerDb,
  id: string,
  fingerprint: string,
  commandKey: string | undefined,
): Promise<Response> {
  const row = await db
    .selectFrom('server_idempotency as s')
    .leftJoin('idempotency_keys as k', (join) => join.on('k.key', '=', commandKey ?? null))
    .select(['s.fingerprint', 's.status', 's.content_type', 's.body', 'k.response'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || row.fingerprint !== fingerprint) {
    throw new ApiProblem(
      422,
      'idempotency-key-reused',
      'Idempotency-Key reused',
      'The key was used for another request',
    );
  }
  if (row.status === null && row.response != null) {
    return new Response(JSON.stringify(row.response), {
      status: 200,
      headers: { 'Content-Type': 'application/json', ...REPLAYED },
    });
  }
  if (row.status === null)
    throw problems.conflict('A request with this key is still running', 'idempotency-in-progress');
  // A 204, 205 or 304 carries no body (the Response constructor refuses one, even an empty one).
  if (NO_BODY.has(row.status)) return new Response(null, { status: row.status, headers: REPLAYED });
  return new Response(row.body, {
    status: row.status,
    headers: { 'Content-Type': row.content_type ?? 'application/json', ...REPLAYED },
  });
}
