import { CompiledQuery, type Kysely } from 'kysely';
import type { CaseWrite } from './case-write';
import type { ChangeSet } from './change-set';
import type { Database } from './database/db-schema';
import { StatementParams } from './statement-params';
import { headCte } from './write-head';

/** One string per statement variant (which parts are present): prepared once per connection. */
const variants = new Map<string, string>();

type Rows = Record<string, unknown>[];

/** The rows of every write, each tagged with its case id (the guard joins on it). */
function tagged<T extends object>(writes: CaseWrite[], pick: (change: ChangeSet) => T[]): Rows {
  const out: Rows = [];
  for (const w of writes) {
    for (const row of pick(w.change)) out.push({ ...row, instance_id: w.change.instance.id });
  }
  return out;
}

/** Ids (tasks, timers) paired with their case ids, as two parallel arrays. */
function pairs(writes: CaseWrite[], pick: (change: ChangeSet) => string[]): [string[], string[]] {
  const ids: string[] = [];
  const cases: string[] = [];
  for (const w of writes) {
    for (const id of pick(w.change)) {
      ids.push(id);
      cases.push(w.change.instance.id);
    }
  }
  return [ids, cases];
}

/**
 * The whole of one or more commands in ONE statement: the case rows (optimistic version check, or
 * insert for a start), task and candidate rows, timers, audit, outbox, participants, CC, votes,
 * comments and idempotency keys. Every row is guarded by its case's head row, so a command that
 * lost its race writes nothing while the others in the statement commit. One statement is atomic,
 * so the cached hot path is one round trip. Several commands share a statement when the runtime
 * groups concurrent writes (write-batcher.ts); the text depends only on which parts are present.
 * Raw SQL built as text plus parameters: the builder cannot express data-modifying CTEs over
 * json_to_recordset, and compiling Kysely's `sql` tag tree on every command cost more Node CPU
 * than the rest of the write. Callers must not put two writes of one case in one statement.
 * Returns the ids of the cases written.
 */
export async function writeChangeSets(db: Kysely<Database>, writes: CaseWrite[]): Promise<Set<string>> {
  const q = new StatementParams();
  const first = writes[0];
  if (!first) return new Set();
  const kind = first.head.kind;
  if (writes.some((w) => w.head.kind !== kind))
    throw new Error('writes of one statement share their head kind');
  // Two writes of one case would both pass the guard of its one head row.
  if (writes.length > 1 && new Set(writes.map((w) => w.change.instance.id)).size !== writes.length)
    throw new Error('one statement writes each case at most once');
  // A write alone (light load, and every start) takes scalar parameters and one `exists` guard:
  // cheaper to run than recordsets and a hashed semi-join per part, which only a batch needs.
  const lone = writes.length === 1;
  const guard = lone ? 'exists (select 1 from head)' : 'x.instance_id in (select id from head)';
  const parts: string[] = [];
  const flags: string[] = [];
  const part = (flag: string, text: string) => {
    flags.push(flag);
    parts.push(text);
  };
  const head = headCte(q, writes);
  part(head.flag, head.sql);
  const has = (pick: (c: ChangeSet) => unknown[]) => writes.some((w) => pick(w.change).length > 0);
  // New, changed and closed tasks in ONE upsert (one modifying node fewer to start than an insert
  // plus an update); an existing id (changed, closed, reopened by 撤回) is updated.
  if (has((c) => c.tasks))
    part(
      't',
      `task_rows as (
      insert into tasks (id, instance_id, definition_key, state_id, title, status, assignee, created_at, due_at, urged,
        search, ended_at, ended_by, outcome)
      select x.id, x.instance_id, x.definition_key, x.state_id, x.title, x.status, x.assignee, x.created_at, x.due_at, x.urged,
        x.search, x.ended_at, x.ended_by, x.outcome
      from json_to_recordset(${q.rows(tagged(writes, (c) => c.tasks))}) as x(id text, instance_id text, definition_key text,
        state_id text, title jsonb, assignee text, created_at timestamptz, due_at timestamptz, urged int, search text,
        status text, ended_at timestamptz, ended_by text, outcome text)
      where ${guard}
      on conflict (id) do update set status = excluded.status, assignee = excluded.assignee,
        due_at = excluded.due_at, urged = excluded.urged, ended_at = excluded.ended_at,
        ended_by = excluded.ended_by, outcome = excluded.outcome)`,
    );
  // Deletes by id: the guarded id list is computed once, then probed through an index.
  const deleteByIds = (
    flag: string,
    name: string,
    table: string,
    column: string,
    ids: [string[], string[]],
  ) =>
    part(
      flag,
      `${name} as (
      delete from ${table} where ${column} = any(array(select x.id from unnest(${q.add(ids[0], '::text[]')},
        ${q.add(ids[1], '::text[]')}) as x(id, instance_id) where ${guard})))`,
    );
  if (has((c) => c.resetCandidates))
    deleteByIds(
      'r',
      'reset_candidates',
      'task_candidates',
      'task_id',
      pairs(writes, (c) => c.resetCandidates),
    );
  if (has((c) => c.newCandidates))
    part(
      'c',
      `new_candidates as (
      insert into task_candidates (task_id, role, unit, username, created_at)
      select x.task_id, x.role, x.unit, x.username, x.created_at
      from json_to_recordset(${q.rows(tagged(writes, (c) => c.newCandidates))}) as x(task_id text, instance_id text,
        role text, unit text, username text, created_at timestamptz)
      where ${guard})`,
    );
  if (has((c) => c.removedTimers))
    deleteByIds(
      'd',
      'removed_timers',
      'timers',
      'id',
      pairs(writes, (c) => c.removedTimers),
    );
  if (has((c) => c.newTimers))
    part(
      'm',
      `new_timers as (
      insert into timers (id, instance_id, kind, due_at)
      select x.id, x.instance_id, x.kind, x.due_at
      from json_to_recordset(${q.rows(tagged(writes, (c) => c.newTimers))}) as x(id text, instance_id text, kind text,
        due_at timestamptz)
      where ${guard})`,
    );
  const a = first.change.audit;
  if (lone)
    part(
      'a',
      `audit as (
      insert into audit_log (instance_id, seq, at, actor, action, task_id, outcome, comment, data_digest,
        definition_key, definition_version, detail, prev_hash, hash)
      select ${q.add(a.instance_id, '::text')}, ${q.add(a.seq, '::int')}, ${q.add(a.at, '::timestamptz')},
        ${q.add(a.actor, '::text')}, ${q.add(a.action, '::text')}, ${q.add(a.task_id, '::text')},
        ${q.add(a.outcome, '::text')}, ${q.add(a.comment, '::text')}, ${q.add(a.data_digest, '::text')},
        ${q.add(a.definition_key, '::text')}, ${q.add(a.definition_version, '::int')},
        ${q.add(JSON.stringify(a.detail), '::json')}, ${q.add(a.prev_hash, '::text')}, ${q.add(a.hash, '::text')}
      from head)`,
    );
  else
    part(
      'a',
      `audit as (
      insert into audit_log (instance_id, seq, at, actor, action, task_id, outcome, comment, data_digest,
        definition_key, definition_version, detail, prev_hash, hash)
      select x.instance_id, x.seq, x.at, x.actor, x.action, x.task_id, x.outcome, x.comment, x.data_digest,
        x.definition_key, x.definition_version, x.detail, x.prev_hash, x.hash
      from json_to_recordset(${q.rows(writes.map((w) => w.change.audit))}) as x(instance_id text, seq int,
        at timestamptz, actor text, action text, task_id text, outcome text, comment text, data_digest text,
        definition_key text, definition_version int, detail json, prev_hash text, hash text)
      where ${guard})`,
    );
  if (has((c) => c.outbox))
    part(
      'o',
      `outbox_rows as (
      insert into outbox (instance_id, dedup_key, kind, payload, created_at, next_attempt_at)
      select x.instance_id, x.dedup_key, x.kind, x.payload, now(), now()
      from json_to_recordset(${q.rows(tagged(writes, (c) => c.outbox))}) as x(instance_id text, dedup_key text,
        kind text, payload jsonb)
      where ${guard}
      on conflict (dedup_key) do nothing)`,
    );
  if (has((c) => c.participants)) {
    const [users, cases] = pairs(writes, (c) => c.participants);
    part(
      'p',
      `people as (
      insert into participants (instance_id, username)
      select x.instance_id, x.username from unnest(${q.add(cases, '::text[]')}, ${q.add(users, '::text[]')})
        as x(instance_id, username)
      where ${guard}
      on conflict do nothing)`,
    );
  }
  if (has((c) => c.cc))
    part(
      'k',
      `cc_rows as (
      insert into cc_entries (instance_id, username, cc_by, task_id, at)
      select x.instance_id, x.username, x.cc_by, x.task_id, x.at
      from json_to_recordset(${q.rows(tagged(writes, (c) => c.cc))}) as x(instance_id text, username text, cc_by text,
        task_id text, at timestamptz)
      where ${guard}
      on conflict do nothing)`,
    );
  if (has((c) => c.votes))
    part(
      'v',
      `vote_rows as (
      insert into votes (instance_id, state_id, signer, ballot, at)
      select x.instance_id, x.state_id, x.signer, x.ballot, x.at
      from json_to_recordset(${q.rows(
        writes.flatMap((w) =>
          w.change.votes.map((v) => ({ ...v, instance_id: w.change.instance.id, at: w.change.audit.at })),
        ),
      )}) as x(instance_id text, state_id text, signer text, ballot text, at timestamptz)
      where ${guard})`,
    );
  const comments = writes.flatMap((w) =>
    w.change.comment
      ? [
          {
            ...w.change.comment,
            instance_id: w.change.instance.id,
            author: w.change.audit.actor,
            at: w.change.audit.at,
          },
        ]
      : [],
  );
  if (comments.length > 0)
    part(
      'n',
      `comment_rows as (
      insert into comments (instance_id, task_id, author, text, at)
      select x.instance_id, x.task_id, x.author, x.text, x.at
      from json_to_recordset(${q.rows(comments)}) as x(instance_id text, task_id text, author text, text text,
        at timestamptz)
      where ${guard})`,
    );
  const keys = writes.flatMap((w) =>
    w.idempotency
      ? [{ ...w.idempotency, instance_id: w.change.instance.id, created_at: w.change.audit.at }]
      : [],
  );
  if (keys.length > 0)
    part(
      'i',
      `idem as (
      insert into idempotency_keys (key, actor, instance_id, response, created_at)
      select x.key, x.actor, x.instance_id, x.response, x.created_at
      from json_to_recordset(${q.rows(keys)}) as x(key text, actor text, instance_id text, response jsonb,
        created_at timestamptz)
      where ${guard})`,
    );
  const signature = flags.join('');
  let text = variants.get(signature);
  if (text === undefined) {
    text = `with ${parts.join(',\n')}\n    select id from head`;
    variants.set(signature, text);
  }
  const result = await db.executeQuery<{ id: string }>(CompiledQuery.raw(text, q.values));
  return new Set(result.rows.map((r) => r.id));
}
