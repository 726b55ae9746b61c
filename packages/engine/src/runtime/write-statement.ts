import { CompiledQuery, type Kysely } from 'kysely';
import type { ChangeSet } from './change-set';
import type { Database } from './database/db-schema';

/** Parameters in order; each call returns the placeholder of the value it added. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
  json(value: unknown): string {
    return this.add(JSON.stringify(value), '::jsonb');
  }
  plainJson(value: unknown): string {
    return this.add(JSON.stringify(value), '::json');
  }
  texts(values: string[]): string {
    return this.add(values, '::text[]');
  }
}

/**
 * One string instance per statement variant, looked up by a short signature (the text depends only
 * on which parts are present): the driver names prepared statements by their text, and a string
 * seen before has its hash cached and compares by identity.
 */
const variants = new Map<string, string>();
function interned(signature: string, text: string): string {
  const known = variants.get(signature);
  // The length check is a cheap guard: were two variants ever to share a signature, the new text wins.
  if (known !== undefined && known.length === text.length) return known;
  variants.set(signature, text);
  return text;
}

/**
 * The whole command in ONE statement: the instance row (optimistic version check, or insert for a
 * start), task and candidate rows, timers, audit, outbox, participants, CC, votes, comment and the
 * idempotency key. Every write is guarded by the head CTE, so a lost race writes nothing. One
 * statement is atomic on its own, so the hot path is two round trips: read, then this.
 * Raw SQL, and built as text plus parameters rather than with Kysely's `sql` tag: the builder cannot
 * express data-modifying CTEs over jsonb_to_recordset, and compiling the tag tree on every command
 * cost more Node CPU than the rest of the write.
 */
export async function writeChangeSet(
  db: Kysely<Database>,
  change: ChangeSet,
  head:
    | { kind: 'update'; directoryVersion?: string }
    | {
        kind: 'insert';
        definitionKey: string;
        definitionVersion: number;
        parentId: string | null;
        confidential: boolean;
        initiator: string;
        startedAt: string;
      },
  idempotency: { key: string; actor: string; response: unknown } | undefined,
): Promise<boolean> {
  const q = new Params();
  const i = change.instance;
  const id = q.add(i.id, '::text');
  const headSql =
    head.kind === 'update'
      ? `update instances set snapshot = ${q.plainJson(i.snapshot)}, version = ${q.add(i.version)}, status = ${q.add(i.status)},
            ended_at = ${q.add(i.endedAt, '::timestamptz')}, updated_at = ${q.add(i.updatedAt, '::timestamptz')}
          where id = ${id} and version = ${q.add(i.expectedVersion)}${
            head.directoryVersion === undefined
              ? ''
              : ` and (select m.version from directory_meta m where m.id = 1) = ${q.add(head.directoryVersion, '::bigint')}`
          } returning id`
      : `insert into instances (id, definition_key, definition_version, snapshot, version, status, parent_id,
            confidential, initiator, started_at, ended_at, updated_at)
          values (${id}, ${q.add(head.definitionKey)}, ${q.add(head.definitionVersion)}, ${q.plainJson(i.snapshot)}, ${q.add(i.version)}, ${q.add(i.status)},
            ${q.add(head.parentId)}, ${q.add(head.confidential)}, ${q.add(head.initiator)}, ${q.add(head.startedAt, '::timestamptz')},
            ${q.add(i.endedAt, '::timestamptz')}, ${q.add(i.updatedAt, '::timestamptz')})
          on conflict (id) do nothing returning id`;
  const a = change.audit;
  // Only the parts this command needs: fewer CTEs to plan and run; each variant is prepared once.
  const parts: string[] = [`head as (${headSql})`];
  // New, changed and closed tasks in ONE upsert (one modifying node fewer to start per command
  // than an insert plus an update); an existing id (changed, closed, reopened by 撤回) is updated.
  if (change.tasks.length > 0)
    parts.push(`task_rows as (
      insert into tasks (id, instance_id, definition_key, state_id, title, status, assignee, created_at, due_at, urged,
        search, ended_at, ended_by, outcome)
      select x.id, ${id}, x.definition_key, x.state_id, x.title, x.status, x.assignee, x.created_at, x.due_at, x.urged,
        x.search, x.ended_at, x.ended_by, x.outcome
      from jsonb_to_recordset(${q.json(change.tasks)}) as x(id text, definition_key text, state_id text, title jsonb,
        assignee text, created_at timestamptz, due_at timestamptz, urged int, search text, status text,
        ended_at timestamptz, ended_by text, outcome text)
      where exists (select 1 from head)
      on conflict (id) do update set status = excluded.status, assignee = excluded.assignee,
        due_at = excluded.due_at, urged = excluded.urged, ended_at = excluded.ended_at,
        ended_by = excluded.ended_by, outcome = excluded.outcome)`);
  if (change.resetCandidates.length > 0)
    parts.push(`reset_candidates as (
      delete from task_candidates where task_id = any(${q.texts(change.resetCandidates)}) and exists (select 1 from head))`);
  if (change.newCandidates.length > 0)
    parts.push(`new_candidates as (
      insert into task_candidates (task_id, role, unit, username, created_at)
      select x.task_id, x.role, x.unit, x.username, x.created_at
      from jsonb_to_recordset(${q.json(change.newCandidates)}) as x(task_id text, role text, unit text, username text, created_at timestamptz)
      where exists (select 1 from head))`);
  if (change.removedTimers.length > 0)
    parts.push(`removed_timers as (
      delete from timers where id = any(${q.texts(change.removedTimers)}) and exists (select 1 from head))`);
  if (change.newTimers.length > 0)
    parts.push(`new_timers as (
      insert into timers (id, instance_id, kind, due_at)
      select x.id, ${id}, x.kind, x.due_at from jsonb_to_recordset(${q.json(change.newTimers)}) as x(id text, kind text, due_at timestamptz)
      where exists (select 1 from head))`);
  const at = q.add(a.at, '::timestamptz');
  const actor = q.add(a.actor);
  parts.push(`audit as (
      insert into audit_log (instance_id, seq, at, actor, action, task_id, outcome, comment, data_digest,
        definition_key, definition_version, detail, prev_hash, hash)
      select ${q.add(a.instance_id)}, ${q.add(a.seq)}, ${at}, ${actor}, ${q.add(a.action)}, ${q.add(a.task_id)}, ${q.add(a.outcome)}, ${q.add(a.comment)},
        ${q.add(a.data_digest)}, ${q.add(a.definition_key)}, ${q.add(a.definition_version)}, ${q.plainJson(a.detail)}, ${q.add(a.prev_hash)}, ${q.add(a.hash)}
      from head)`);
  if (change.outbox.length > 0)
    parts.push(`outbox_rows as (
      insert into outbox (instance_id, dedup_key, kind, payload, created_at, next_attempt_at)
      select ${id}, x.dedup_key, x.kind, x.payload, now(), now()
      from jsonb_to_recordset(${q.json(change.outbox)}) as x(dedup_key text, kind text, payload jsonb)
      where exists (select 1 from head)
      on conflict (dedup_key) do nothing)`);
  if (change.participants.length > 0)
    parts.push(`people as (
      insert into participants (instance_id, username)
      select ${id}, u from unnest(${q.texts(change.participants)}) as u where exists (select 1 from head)
      on conflict do nothing)`);
  if (change.cc.length > 0)
    parts.push(`cc_rows as (
      insert into cc_entries (instance_id, username, cc_by, task_id, at)
      select ${id}, x.username, x.cc_by, x.task_id, x.at
      from jsonb_to_recordset(${q.json(change.cc)}) as x(username text, cc_by text, task_id text, at timestamptz)
      where exists (select 1 from head)
      on conflict do nothing)`);
  if (change.votes.length > 0)
    parts.push(`vote_rows as (
      insert into votes (instance_id, state_id, signer, ballot, at)
      select ${id}, x.state_id, x.signer, x.ballot, ${at}
      from jsonb_to_recordset(${q.json(change.votes)}) as x(state_id text, signer text, ballot text)
      where exists (select 1 from head))`);
  if (change.comment !== null)
    parts.push(`comment_rows as (
      insert into comments (instance_id, task_id, author, text, at)
      select ${id}, ${q.add(change.comment.task_id)}, ${actor}, ${q.add(change.comment.text)}, ${at}
      from head)`);
  if (idempotency !== undefined)
    parts.push(`idem as (
      insert into idempotency_keys (key, actor, instance_id, response, created_at)
      select ${q.add(idempotency.key)}, ${q.add(idempotency.actor)}, ${id}, ${q.json(idempotency.response)}, ${at}
      from head)`);
  const signature = `${head.kind}:${headSql.length}:${parts.map((part) => part.slice(0, 12)).join()}`;
  const text = interned(
    signature,
    `with ${parts.join(',\n')}\n    select count(*)::int as written from head`,
  );
  const result = await db.executeQuery<{ written: number }>(CompiledQuery.raw(text, q.values));
  return (result.rows[0]?.written ?? 0) > 0;
}
