import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ChangeSet } from './change-set';
import type { Database } from './database/db-schema';

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
const plainJson = (value: unknown) => sql`${JSON.stringify(value)}::json`;
const texts = (values: string[]) => sql`${values}::text[]`;

/**
 * The whole command in ONE statement: the instance row (optimistic version check, or insert for a
 * start), task and candidate rows, timers, audit, outbox, participants, CC, votes, comment and the
 * idempotency key. Every write is guarded by the head CTE, so a lost race writes nothing. One
 * statement is atomic on its own, so the hot path is two round trips: read, then this.
 * Raw SQL: the builder cannot express data-modifying CTEs over jsonb_to_recordset cheaply.
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
  const i = change.instance;
  const headCte: RawBuilder<unknown> =
    head.kind === 'update'
      ? sql`update instances set snapshot = ${plainJson(i.snapshot)}, version = ${i.version}, status = ${i.status},
            ended_at = ${i.endedAt}::timestamptz, updated_at = ${i.updatedAt}::timestamptz
          where id = ${i.id} and version = ${i.expectedVersion}${
            head.directoryVersion === undefined
              ? sql``
              : sql` and (select m.version from directory_meta m where m.id = 1) = ${head.directoryVersion}::bigint`
          } returning id`
      : sql`insert into instances (id, definition_key, definition_version, snapshot, version, status, parent_id,
            confidential, initiator, started_at, ended_at, updated_at)
          values (${i.id}, ${head.definitionKey}, ${head.definitionVersion}, ${plainJson(i.snapshot)}, ${i.version}, ${i.status},
            ${head.parentId}, ${head.confidential}, ${head.initiator}, ${head.startedAt}::timestamptz,
            ${i.endedAt}::timestamptz, ${i.updatedAt}::timestamptz)
          on conflict (id) do nothing returning id`;
  const a = change.audit;
  // Only the parts this command needs: fewer CTEs to plan and run; each variant is prepared once.
  const parts: RawBuilder<unknown>[] = [sql`head as (${headCte})`];
  if (change.newTasks.length > 0)
    parts.push(sql`new_tasks as (
      insert into tasks (id, instance_id, definition_key, state_id, title, status, assignee, created_at, due_at, urged, search)
      select x.id, ${i.id}, x.definition_key, x.state_id, x.title, 'open', x.assignee, x.created_at, x.due_at, x.urged, x.search
      from jsonb_to_recordset(${json(change.newTasks)}) as x(id text, definition_key text, state_id text, title jsonb,
        assignee text, created_at timestamptz, due_at timestamptz, urged int, search text)
      where exists (select 1 from head)
      on conflict (id) do update set status = 'open', assignee = excluded.assignee, due_at = excluded.due_at,
        urged = excluded.urged, ended_at = null, ended_by = null, outcome = null)`);
  // `t.id = any(ids)` lets the planner probe the primary key: the generic plan guesses 100 rows
  // for jsonb_to_recordset and would otherwise hash-join against a scan of every task.
  if (change.changedTasks.length > 0)
    parts.push(sql`changed_tasks as (
      update tasks t set assignee = x.assignee, due_at = x.due_at, urged = x.urged, status = x.status,
        ended_at = x.ended_at, ended_by = x.ended_by, outcome = x.outcome
      from jsonb_to_recordset(${json(change.changedTasks)}) as x(id text, assignee text, due_at timestamptz, urged int,
        status text, ended_at timestamptz, ended_by text, outcome text)
      where t.id = any(${texts(change.changedTasks.map((t) => t.id))}) and t.id = x.id and exists (select 1 from head))`);
  if (change.resetCandidates.length > 0)
    parts.push(sql`reset_candidates as (
      delete from task_candidates where task_id = any(${texts(change.resetCandidates)}) and exists (select 1 from head))`);
  if (change.newCandidates.length > 0)
    parts.push(sql`new_candidates as (
      insert into task_candidates (task_id, role, unit, username, created_at)
      select x.task_id, x.role, x.unit, x.username, x.created_at
      from jsonb_to_recordset(${json(change.newCandidates)}) as x(task_id text, role text, unit text, username text, created_at timestamptz)
      where exists (select 1 from head))`);
  if (change.removedTimers.length > 0)
    parts.push(sql`removed_timers as (
      delete from timers where id = any(${texts(change.removedTimers)}) and exists (select 1 from head))`);
  if (change.newTimers.length > 0)
    parts.push(sql`new_timers as (
      insert into timers (id, instance_id, kind, due_at)
      select x.id, ${i.id}, x.kind, x.due_at from jsonb_to_recordset(${json(change.newTimers)}) as x(id text, kind text, due_at timestamptz)
      where exists (select 1 from head))`);
  parts.push(sql`audit as (
      insert into audit_log (instance_id, seq, at, actor, action, task_id, outcome, comment, data_digest,
        definition_key, definition_version, detail, prev_hash, hash)
      select ${a.instance_id}, ${a.seq}, ${a.at}::timestamptz, ${a.actor}, ${a.action}, ${a.task_id}, ${a.outcome}, ${a.comment},
        ${a.data_digest}, ${a.definition_key}, ${a.definition_version}, ${plainJson(a.detail)}, ${a.prev_hash}, ${a.hash}
      from head)`);
  if (change.outbox.length > 0)
    parts.push(sql`outbox_rows as (
      insert into outbox (instance_id, dedup_key, kind, payload, created_at, next_attempt_at)
      select ${i.id}, x.dedup_key, x.kind, x.payload, now(), now()
      from jsonb_to_recordset(${json(change.outbox)}) as x(dedup_key text, kind text, payload jsonb)
      where exists (select 1 from head)
      on conflict (dedup_key) do nothing)`);
  if (change.participants.length > 0)
    parts.push(sql`people as (
      insert into participants (instance_id, username)
      select ${i.id}, u from unnest(${texts(change.participants)}) as u where exists (select 1 from head)
      on conflict do nothing)`);
  if (change.cc.length > 0)
    parts.push(sql`cc_rows as (
      insert into cc_entries (instance_id, username, cc_by, task_id, at)
      select ${i.id}, x.username, x.cc_by, x.task_id, x.at
      from jsonb_to_recordset(${json(change.cc)}) as x(username text, cc_by text, task_id text, at timestamptz)
      where exists (select 1 from head)
      on conflict do nothing)`);
  if (change.votes.length > 0)
    parts.push(sql`vote_rows as (
      insert into votes (instance_id, state_id, signer, ballot, at)
      select ${i.id}, x.state_id, x.signer, x.ballot, ${a.at}::timestamptz
      from jsonb_to_recordset(${json(change.votes)}) as x(state_id text, signer text, ballot text)
      where exists (select 1 from head))`);
  if (change.comment !== null)
    parts.push(sql`comment_rows as (
      insert into comments (instance_id, task_id, author, text, at)
      select ${i.id}, x.task_id, ${a.actor}, x.text, ${a.at}::timestamptz
      from jsonb_to_recordset(${json(change.comment ? [change.comment] : [])}) as x(task_id text, text text)
      where exists (select 1 from head))`);
  if (idempotency !== undefined)
    parts.push(sql`idem as (
      insert into idempotency_keys (key, actor, instance_id, response, created_at)
      select ${idempotency?.key ?? null}, ${idempotency?.actor ?? null}, ${i.id}, ${json(idempotency?.response ?? null)}, ${a.at}::timestamptz
      from head where ${idempotency?.key ?? null}::text is not null)`);
  const result = await sql<{ written: number }>`
    with ${sql.join(parts, sql`,\n`)}
    select count(*)::int as written from head`.execute(db);
  return (result.rows[0]?.written ?? 0) > 0;
}
