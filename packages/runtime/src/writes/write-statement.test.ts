import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { CaseWrite, WriteHead } from '../case-write';
import type { ChangeSet } from '../change-set';
import type { Database } from '../database/db-schema';
import { writeStatement } from './write-statement';

/** Compiles statements without a database. */
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const AT = '2026-03-01T08:00:00.000Z';

/** Which optional parts a write has rows for. */
type PartName =
  | 'tasks'
  | 'resetCandidates'
  | 'newCandidates'
  | 'removedTimers'
  | 'newTimers'
  | 'outbox'
  | 'participants'
  | 'cc'
  | 'votes'
  | 'comment'
  | 'record'
  | 'idempotency';

function caseWrite(id: string, head: WriteHead, parts: PartName[]): CaseWrite {
  const has = (part: PartName) => parts.includes(part);
  const change: ChangeSet = {
    instance: {
      id,
      snapshot: { instanceId: id } as unknown as ChangeSet['instance']['snapshot'],
      version: 3,
      expectedVersion: 2,
      status: 'running',
      endedAt: null,
      outcome: null,
      title: null,
      updatedAt: AT,
    },
    tasks: has('tasks')
      ? [
          {
            id: `${id}-t1`,
            definition_key: 'expense',
            state_id: 'review',
            title: { 'zh-CN': '审核', en: 'Review' },
            assignee: null,
            created_at: AT,
            due_at: null,
            urged: 0,
            search: '审核 review',
            status: 'open',
            ended_at: null,
            ended_by: null,
            outcome: null,
            case_title: { 'zh-CN': '王秀英 · 3000 元', en: '王秀英 · CNY 3000' },
            initiator: 'w1',
            case_unit: null,
            origin: null,
            subject: null,
          },
        ]
      : [],
    resetCandidates: has('resetCandidates') ? [`${id}-t0`] : [],
    newCandidates: has('newCandidates')
      ? [{ task_id: `${id}-t1`, role: 'reviewer', unit: 'd1', username: null, created_at: AT }]
      : [],
    removedTimers: has('removedTimers') ? [`${id}-m0`] : [],
    newTimers: has('newTimers') ? [{ id: `${id}-m1`, kind: 'due', due_at: AT }] : [],
    audit: {
      instance_id: id,
      seq: 3,
      at: AT,
      actor: 'alice',
      action: 'complete',
      task_id: `${id}-t0`,
      outcome: 'approve',
      comment: null,
      data_digest: null,
      definition_key: 'expense',
      definition_version: 1,
      detail: { directoryVersion: '7' },
      prev_hash: 'p'.repeat(64),
      hash: 'h'.repeat(64),
    },
    outbox: has('outbox') ? [{ dedup_key: `${id}:v3:e0`, kind: 'notify', payload: { type: 'notify' } }] : [],
    participants: has('participants') ? ['bob'] : [],
    cc: has('cc') ? [{ username: 'carol', cc_by: 'alice', task_id: null, at: AT }] : [],
    votes: has('votes') ? [{ state_id: 'sign', signer: 'alice', ballot: 'approve' }] : [],
    comment: has('comment') ? { task_id: `${id}-t0`, text: 'ok' } : null,
    record: has('record')
      ? {
          instance_id: id,
          seq: 3,
          task_id: `${id}-t0`,
          state_id: 'review',
          actor: 'alice',
          action: 'complete',
          outcome: 'approve',
          comment: null,
          data: { amount: 120 },
          attachments: [],
          at: AT,
        }
      : null,
  };
  const idempotency = has('idempotency')
    ? { key: 'alice:k1', actor: 'alice', response: { ok: true } }
    : undefined;
  return { change, head, idempotency, anchor: { mac: `mac-${id}`, keyId: 'key-1' } };
}

const update: WriteHead = { kind: 'update' };
const cachedUpdate: WriteHead = { kind: 'update', directoryVersion: '7' };
const start: WriteHead = {
  kind: 'insert',
  definitionKey: 'expense',
  definitionVersion: 1,
  parentId: null,
  confidential: false,
  initiator: 'alice',
  startedAt: AT,
};
const allParts: PartName[] = [
  'tasks',
  'resetCandidates',
  'newCandidates',
  'removedTimers',
  'newTimers',
  'outbox',
  'participants',
  'cc',
  'votes',
  'comment',
  'record',
  'idempotency',
];

/**
 * The statement's text one clause per line: a line break (and indent) goes before each CTE and
 * before each clause of a CTE. Kysely's text has no line breaks, so this is undone by turning
 * each line break and its indent back into one space: the text compared is exactly the text sent.
 */
function layout(text: string): string {
  expect(text).not.toContain('\n');
  // Clauses of a CTE (not the words of `do update set` or `delete from`).
  const clause = /^(select|from|where|on conflict|returning|set)\b/;
  let depth = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth += 1;
    if (c === ')') depth -= 1;
    const rest = text.slice(i + 1);
    if (c === ' ' && depth === 0 && (text[i - 1] === ',' || rest.startsWith('select'))) out += '\n';
    else if (c === ' ' && depth === 1 && clause.test(rest) && !/( do| do update|\(delete)$/.test(out))
      out += '\n    ';
    else out += c;
  }
  return out;
}

const sqlOf = (writes: CaseWrite[]) => layout(writeStatement(db, writes).sql);

describe('write statement', () => {
  it('given a lone start, then the head inserts the case row from a recordset and every part is guarded by one exists', () => {
    const sql = sqlOf([caseWrite('c1', start, ['tasks', 'newCandidates', 'participants', 'idempotency'])]);
    expect(
      sql,
    ).toBe(`with "head" as (insert into "instances" ("id", "definition_key", "definition_version", "snapshot", "version", "status", "parent_id", "confidential", "initiator", "started_at", "ended_at", "outcome", "updated_at", "title")
    select "x"."id", "x"."definition_key", "x"."definition_version", "x"."snapshot", "x"."version", "x"."status", "x"."parent_id", "x"."confidential", "x"."initiator", "x"."started_at", "x"."ended_at", "x"."outcome", "x"."updated_at", "x"."title"
    from json_to_recordset($1::json) as x("id" text, "definition_key" text, "definition_version" int, "snapshot" json, "version" int, "status" text, "parent_id" text, "confidential" boolean, "initiator" text, "started_at" timestamptz, "ended_at" timestamptz, "outcome" text, "updated_at" timestamptz, "title" jsonb)
    on conflict ("id") do nothing
    returning "id"),
"task_rows" as (insert into "tasks" ("id", "instance_id", "definition_key", "state_id", "title", "status", "assignee", "created_at", "due_at", "urged", "ended_at", "ended_by", "outcome", "search", "case_title", "initiator", "case_unit", "origin", "subject")
    select "x"."id", "x"."instance_id", "x"."definition_key", "x"."state_id", "x"."title", "x"."status", "x"."assignee", "x"."created_at", "x"."due_at", "x"."urged", "x"."ended_at", "x"."ended_by", "x"."outcome", "x"."search", "x"."case_title", "x"."initiator", "x"."case_unit", "x"."origin", "x"."subject"
    from json_to_recordset($2::json) as x("id" text, "instance_id" text, "definition_key" text, "state_id" text, "title" jsonb, "status" text, "assignee" text, "created_at" timestamptz, "due_at" timestamptz, "urged" int, "ended_at" timestamptz, "ended_by" text, "outcome" text, "search" text, "case_title" jsonb, "initiator" text, "case_unit" text, "origin" jsonb, "subject" jsonb)
    where exists (select 1 as "one" from "head")
    on conflict ("id") do update set "status" = "excluded"."status", "assignee" = "excluded"."assignee", "due_at" = "excluded"."due_at", "urged" = "excluded"."urged", "ended_at" = "excluded"."ended_at", "ended_by" = "excluded"."ended_by", "outcome" = "excluded"."outcome", "origin" = "excluded"."origin", "case_title" = "excluded"."case_title", "search" = "excluded"."search"),
"new_candidates" as (insert into "task_candidates" ("task_id", "role", "unit", "username", "created_at")
    select "x"."task_id", "x"."role", "x"."unit", "x"."username", "x"."created_at"
    from json_to_recordset($3::json) as x("task_id" text, "role" text, "unit" text, "username" text, "created_at" timestamptz, "instance_id" text)
    where exists (select 1 as "one" from "head")),
"audit" as (insert into "audit_log" ("instance_id", "seq", "at", "actor", "action", "task_id", "outcome", "comment", "data_digest", "definition_key", "definition_version", "detail", "prev_hash", "hash")
    select $4::text as "instance_id", $5::int as "seq", $6::timestamptz as "at", $7::text as "actor", $8::text as "action", $9::text as "task_id", $10::text as "outcome", $11::text as "comment", $12::text as "data_digest", $13::text as "definition_key", $14::int as "definition_version", $15::json as "detail", $16::text as "prev_hash", $17::text as "hash"
    from "head"),
"audit_head" as (insert into "audit_heads" ("instance_id", "seq", "hash", "mac", "key_id")
    select $18::text as "instance_id", $19::int as "seq", $20::text as "hash", $21::text as "mac", $22::text as "key_id"
    from "head"
    on conflict ("instance_id") do update set "seq" = "excluded"."seq", "hash" = "excluded"."hash", "mac" = "excluded"."mac", "key_id" = "excluded"."key_id"
    where "audit_heads"."seq" < "excluded"."seq"),
"people" as (insert into "participants" ("instance_id", "username")
    select "x"."instance_id", "x"."username"
    from unnest($23::text[], $24::text[]) as x("instance_id", "username")
    where exists (select 1 as "one" from "head")
    on conflict do nothing),
"idem" as (insert into "idempotency_keys" ("key", "actor", "instance_id", "response", "created_at")
    select "x"."key", "x"."actor", "x"."instance_id", "x"."response", "x"."created_at"
    from json_to_recordset($25::json) as x("key" text, "actor" text, "instance_id" text, "response" jsonb, "created_at" timestamptz)
    where exists (select 1 as "one" from "head"))
select "head"."id" from "head"`);
  });

  it('given a lone update read from the database, then the head is guarded by the version alone and only the audit row follows', () => {
    const sql = sqlOf([caseWrite('c1', update, [])]);
    expect(sql).toBe(`with "head" as (update "instances"
    set "snapshot" = $1::json, "version" = $2::int, "status" = $3::text, "ended_at" = $4::timestamptz, "outcome" = $5::text, "updated_at" = $6::timestamptz
    where "id" = $7::text and "version" = $8::int
    returning "id"),
"audit" as (insert into "audit_log" ("instance_id", "seq", "at", "actor", "action", "task_id", "outcome", "comment", "data_digest", "definition_key", "definition_version", "detail", "prev_hash", "hash")
    select $9::text as "instance_id", $10::int as "seq", $11::timestamptz as "at", $12::text as "actor", $13::text as "action", $14::text as "task_id", $15::text as "outcome", $16::text as "comment", $17::text as "data_digest", $18::text as "definition_key", $19::int as "definition_version", $20::json as "detail", $21::text as "prev_hash", $22::text as "hash"
    from "head"),
"audit_head" as (update "audit_heads"
    set "seq" = $23::int, "hash" = $24::text, "mac" = $25::text, "key_id" = $26::text
    where "instance_id" = $27::text and "seq" < $28::int and exists (select 1 as "one" from "head"))
select "head"."id" from "head"`);
  });

  it('given a lone update from the cache, then the head is also guarded by the directory version, and deletes probe guarded id lists', () => {
    const sql = sqlOf([
      caseWrite('c1', cachedUpdate, [
        'tasks',
        'resetCandidates',
        'removedTimers',
        'newTimers',
        'outbox',
        'cc',
        'votes',
        'comment',
      ]),
    ]);
    expect(sql).toBe(`with "head" as (update "instances"
    set "snapshot" = $1::json, "version" = $2::int, "status" = $3::text, "ended_at" = $4::timestamptz, "outcome" = $5::text, "updated_at" = $6::timestamptz
    where "id" = $7::text and "version" = $8::int and (select "m"."version" from "directory_meta" as "m" where "m"."id" = 1) = $9::bigint
    returning "id"),
"task_rows" as (insert into "tasks" ("id", "instance_id", "definition_key", "state_id", "title", "status", "assignee", "created_at", "due_at", "urged", "ended_at", "ended_by", "outcome", "search", "case_title", "initiator", "case_unit", "origin", "subject")
    select "x"."id", "x"."instance_id", "x"."definition_key", "x"."state_id", "x"."title", "x"."status", "x"."assignee", "x"."created_at", "x"."due_at", "x"."urged", "x"."ended_at", "x"."ended_by", "x"."outcome", "x"."search", "x"."case_title", "x"."initiator", "x"."case_unit", "x"."origin", "x"."subject"
    from json_to_recordset($10::json) as x("id" text, "instance_id" text, "definition_key" text, "state_id" text, "title" jsonb, "status" text, "assignee" text, "created_at" timestamptz, "due_at" timestamptz, "urged" int, "ended_at" timestamptz, "ended_by" text, "outcome" text, "search" text, "case_title" jsonb, "initiator" text, "case_unit" text, "origin" jsonb, "subject" jsonb)
    where exists (select 1 as "one" from "head")
    on conflict ("id") do update set "status" = "excluded"."status", "assignee" = "excluded"."assignee", "due_at" = "excluded"."due_at", "urged" = "excluded"."urged", "ended_at" = "excluded"."ended_at", "ended_by" = "excluded"."ended_by", "outcome" = "excluded"."outcome", "origin" = "excluded"."origin", "case_title" = "excluded"."case_title", "search" = "excluded"."search"),
"reset_candidates" as (delete from "task_candidates"
    where "task_id" = any(array((select "x"."id" from unnest($11::text[], $12::text[]) as x("id", "instance_id") where exists (select 1 as "one" from "head"))))),
"removed_timers" as (delete from "timers"
    where "id" = any(array((select "x"."id" from unnest($13::text[], $14::text[]) as x("id", "instance_id") where exists (select 1 as "one" from "head"))))),
"new_timers" as (insert into "timers" ("id", "instance_id", "kind", "due_at")
    select "x"."id", "x"."instance_id", "x"."kind", "x"."due_at"
    from json_to_recordset($15::json) as x("id" text, "instance_id" text, "kind" text, "due_at" timestamptz)
    where exists (select 1 as "one" from "head")),
"audit" as (insert into "audit_log" ("instance_id", "seq", "at", "actor", "action", "task_id", "outcome", "comment", "data_digest", "definition_key", "definition_version", "detail", "prev_hash", "hash")
    select $16::text as "instance_id", $17::int as "seq", $18::timestamptz as "at", $19::text as "actor", $20::text as "action", $21::text as "task_id", $22::text as "outcome", $23::text as "comment", $24::text as "data_digest", $25::text as "definition_key", $26::int as "definition_version", $27::json as "detail", $28::text as "prev_hash", $29::text as "hash"
    from "head"),
"audit_head" as (update "audit_heads"
    set "seq" = $30::int, "hash" = $31::text, "mac" = $32::text, "key_id" = $33::text
    where "instance_id" = $34::text and "seq" < $35::int and exists (select 1 as "one" from "head")),
"outbox_rows" as (insert into "outbox" ("instance_id", "dedup_key", "kind", "payload", "created_at", "next_attempt_at")
    select "x"."instance_id", "x"."dedup_key", "x"."kind", "x"."payload", now() as "created_at", now() as "next_attempt_at"
    from json_to_recordset($36::json) as x("instance_id" text, "dedup_key" text, "kind" text, "payload" jsonb)
    where exists (select 1 as "one" from "head")
    on conflict ("dedup_key") do nothing),
"cc_rows" as (insert into "cc_entries" ("instance_id", "username", "cc_by", "task_id", "at")
    select "x"."instance_id", "x"."username", "x"."cc_by", "x"."task_id", "x"."at"
    from json_to_recordset($37::json) as x("instance_id" text, "username" text, "cc_by" text, "task_id" text, "at" timestamptz)
    where exists (select 1 as "one" from "head")
    on conflict do nothing),
"vote_rows" as (insert into "votes" ("instance_id", "state_id", "signer", "ballot", "at")
    select "x"."instance_id", "x"."state_id", "x"."signer", "x"."ballot", "x"."at"
    from json_to_recordset($38::json) as x("instance_id" text, "state_id" text, "signer" text, "ballot" text, "at" timestamptz)
    where exists (select 1 as "one" from "head")),
"comment_rows" as (insert into "comments" ("instance_id", "task_id", "author", "text", "at")
    select "x"."instance_id", "x"."task_id", "x"."author", "x"."text", "x"."at"
    from json_to_recordset($39::json) as x("instance_id" text, "task_id" text, "author" text, "text" text, "at" timestamptz)
    where exists (select 1 as "one" from "head"))
select "head"."id" from "head"`);
  });

  it('given a shared update, then the head reads a recordset with i.id = any(ids) and every part is guarded per case', () => {
    const sql = sqlOf([caseWrite('c1', cachedUpdate, allParts), caseWrite('c2', update, allParts)]);
    expect(sql).toBe(`with "head" as (update "instances" as "i"
    set "snapshot" = "x"."snapshot", "version" = "x"."version", "status" = "x"."status", "ended_at" = "x"."ended_at", "outcome" = "x"."outcome", "updated_at" = "x"."updated_at"
    from json_to_recordset($1::json) as x("id" text, "snapshot" json, "version" int, "expected" int, "status" text, "ended_at" timestamptz, "outcome" text, "updated_at" timestamptz, "dir" bigint)
    where "i"."id" = any($2::text[]) and "i"."id" = "x"."id" and "i"."version" = "x"."expected" and ("x"."dir" is null or "x"."dir" = (select "m"."version" from "directory_meta" as "m" where "m"."id" = 1))
    returning "i"."id"),
"task_rows" as (insert into "tasks" ("id", "instance_id", "definition_key", "state_id", "title", "status", "assignee", "created_at", "due_at", "urged", "ended_at", "ended_by", "outcome", "search", "case_title", "initiator", "case_unit", "origin", "subject")
    select "x"."id", "x"."instance_id", "x"."definition_key", "x"."state_id", "x"."title", "x"."status", "x"."assignee", "x"."created_at", "x"."due_at", "x"."urged", "x"."ended_at", "x"."ended_by", "x"."outcome", "x"."search", "x"."case_title", "x"."initiator", "x"."case_unit", "x"."origin", "x"."subject"
    from json_to_recordset($3::json) as x("id" text, "instance_id" text, "definition_key" text, "state_id" text, "title" jsonb, "status" text, "assignee" text, "created_at" timestamptz, "due_at" timestamptz, "urged" int, "ended_at" timestamptz, "ended_by" text, "outcome" text, "search" text, "case_title" jsonb, "initiator" text, "case_unit" text, "origin" jsonb, "subject" jsonb)
    where "x"."instance_id" in (select "head"."id" from "head")
    on conflict ("id") do update set "status" = "excluded"."status", "assignee" = "excluded"."assignee", "due_at" = "excluded"."due_at", "urged" = "excluded"."urged", "ended_at" = "excluded"."ended_at", "ended_by" = "excluded"."ended_by", "outcome" = "excluded"."outcome", "origin" = "excluded"."origin", "case_title" = "excluded"."case_title", "search" = "excluded"."search"),
"reset_candidates" as (delete from "task_candidates"
    where "task_id" = any(array((select "x"."id" from unnest($4::text[], $5::text[]) as x("id", "instance_id") where "x"."instance_id" in (select "head"."id" from "head"))))),
"new_candidates" as (insert into "task_candidates" ("task_id", "role", "unit", "username", "created_at")
    select "x"."task_id", "x"."role", "x"."unit", "x"."username", "x"."created_at"
    from json_to_recordset($6::json) as x("task_id" text, "role" text, "unit" text, "username" text, "created_at" timestamptz, "instance_id" text)
    where "x"."instance_id" in (select "head"."id" from "head")),
"removed_timers" as (delete from "timers"
    where "id" = any(array((select "x"."id" from unnest($7::text[], $8::text[]) as x("id", "instance_id") where "x"."instance_id" in (select "head"."id" from "head"))))),
"new_timers" as (insert into "timers" ("id", "instance_id", "kind", "due_at")
    select "x"."id", "x"."instance_id", "x"."kind", "x"."due_at"
    from json_to_recordset($9::json) as x("id" text, "instance_id" text, "kind" text, "due_at" timestamptz)
    where "x"."instance_id" in (select "head"."id" from "head")),
"audit" as (insert into "audit_log" ("instance_id", "seq", "at", "actor", "action", "task_id", "outcome", "comment", "data_digest", "definition_key", "definition_version", "detail", "prev_hash", "hash")
    select "x"."instance_id", "x"."seq", "x"."at", "x"."actor", "x"."action", "x"."task_id", "x"."outcome", "x"."comment", "x"."data_digest", "x"."definition_key", "x"."definition_version", "x"."detail", "x"."prev_hash", "x"."hash"
    from json_to_recordset($10::json) as x("instance_id" text, "seq" int, "at" timestamptz, "actor" text, "action" text, "task_id" text, "outcome" text, "comment" text, "data_digest" text, "definition_key" text, "definition_version" int, "detail" json, "prev_hash" text, "hash" text)
    where "x"."instance_id" in (select "head"."id" from "head")),
"audit_head" as (update "audit_heads" as "h"
    set "seq" = "x"."seq", "hash" = "x"."hash", "mac" = "x"."mac", "key_id" = "x"."key_id"
    from json_to_recordset($11::json) as x("instance_id" text, "seq" int, "hash" text, "mac" text, "key_id" text)
    where "h"."instance_id" = any(array((select "head"."id" from "head"))) and "h"."instance_id" = "x"."instance_id" and "h"."seq" < "x"."seq"),
"outbox_rows" as (insert into "outbox" ("instance_id", "dedup_key", "kind", "payload", "created_at", "next_attempt_at")
    select "x"."instance_id", "x"."dedup_key", "x"."kind", "x"."payload", now() as "created_at", now() as "next_attempt_at"
    from json_to_recordset($12::json) as x("instance_id" text, "dedup_key" text, "kind" text, "payload" jsonb)
    where "x"."instance_id" in (select "head"."id" from "head")
    on conflict ("dedup_key") do nothing),
"people" as (insert into "participants" ("instance_id", "username")
    select "x"."instance_id", "x"."username"
    from unnest($13::text[], $14::text[]) as x("instance_id", "username")
    where "x"."instance_id" in (select "head"."id" from "head")
    on conflict do nothing),
"cc_rows" as (insert into "cc_entries" ("instance_id", "username", "cc_by", "task_id", "at")
    select "x"."instance_id", "x"."username", "x"."cc_by", "x"."task_id", "x"."at"
    from json_to_recordset($15::json) as x("instance_id" text, "username" text, "cc_by" text, "task_id" text, "at" timestamptz)
    where "x"."instance_id" in (select "head"."id" from "head")
    on conflict do nothing),
"vote_rows" as (insert into "votes" ("instance_id", "state_id", "signer", "ballot", "at")
    select "x"."instance_id", "x"."state_id", "x"."signer", "x"."ballot", "x"."at"
    from json_to_recordset($16::json) as x("instance_id" text, "state_id" text, "signer" text, "ballot" text, "at" timestamptz)
    where "x"."instance_id" in (select "head"."id" from "head")),
"comment_rows" as (insert into "comments" ("instance_id", "task_id", "author", "text", "at")
    select "x"."instance_id", "x"."task_id", "x"."author", "x"."text", "x"."at"
    from json_to_recordset($17::json) as x("instance_id" text, "task_id" text, "author" text, "text" text, "at" timestamptz)
    where "x"."instance_id" in (select "head"."id" from "head")),
"step_record" as (insert into "step_records" ("instance_id", "seq", "task_id", "state_id", "actor", "action", "outcome", "comment", "data", "attachments", "at")
    select "x"."instance_id", "x"."seq", "x"."task_id", "x"."state_id", "x"."actor", "x"."action", "x"."outcome", "x"."comment", "x"."data", "x"."attachments", "x"."at"
    from json_to_recordset($18::json) as x("instance_id" text, "seq" int, "task_id" text, "state_id" text, "actor" text, "action" text, "outcome" text, "comment" text, "data" json, "attachments" json, "at" timestamptz)
    where "x"."instance_id" in (select "head"."id" from "head")),
"idem" as (insert into "idempotency_keys" ("key", "actor", "instance_id", "response", "created_at")
    select "x"."key", "x"."actor", "x"."instance_id", "x"."response", "x"."created_at"
    from json_to_recordset($19::json) as x("key" text, "actor" text, "instance_id" text, "response" jsonb, "created_at" timestamptz)
    where "x"."instance_id" in (select "head"."id" from "head"))
select "head"."id" from "head"`);
  });

  it('given a shared start, then the head inserts every case row and the audit rows come from a recordset', () => {
    const sql = sqlOf([caseWrite('c1', start, ['tasks']), caseWrite('c2', start, ['participants'])]);
    expect(
      sql,
    ).toBe(`with "head" as (insert into "instances" ("id", "definition_key", "definition_version", "snapshot", "version", "status", "parent_id", "confidential", "initiator", "started_at", "ended_at", "outcome", "updated_at", "title")
    select "x"."id", "x"."definition_key", "x"."definition_version", "x"."snapshot", "x"."version", "x"."status", "x"."parent_id", "x"."confidential", "x"."initiator", "x"."started_at", "x"."ended_at", "x"."outcome", "x"."updated_at", "x"."title"
    from json_to_recordset($1::json) as x("id" text, "definition_key" text, "definition_version" int, "snapshot" json, "version" int, "status" text, "parent_id" text, "confidential" boolean, "initiator" text, "started_at" timestamptz, "ended_at" timestamptz, "outcome" text, "updated_at" timestamptz, "title" jsonb)
    on conflict ("id") do nothing
    returning "id"),
"task_rows" as (insert into "tasks" ("id", "instance_id", "definition_key", "state_id", "title", "status", "assignee", "created_at", "due_at", "urged", "ended_at", "ended_by", "outcome", "search", "case_title", "initiator", "case_unit", "origin", "subject")
    select "x"."id", "x"."instance_id", "x"."definition_key", "x"."state_id", "x"."title", "x"."status", "x"."assignee", "x"."created_at", "x"."due_at", "x"."urged", "x"."ended_at", "x"."ended_by", "x"."outcome", "x"."search", "x"."case_title", "x"."initiator", "x"."case_unit", "x"."origin", "x"."subject"
    from json_to_recordset($2::json) as x("id" text, "instance_id" text, "definition_key" text, "state_id" text, "title" jsonb, "status" text, "assignee" text, "created_at" timestamptz, "due_at" timestamptz, "urged" int, "ended_at" timestamptz, "ended_by" text, "outcome" text, "search" text, "case_title" jsonb, "initiator" text, "case_unit" text, "origin" jsonb, "subject" jsonb)
    where "x"."instance_id" in (select "head"."id" from "head")
    on conflict ("id") do update set "status" = "excluded"."status", "assignee" = "excluded"."assignee", "due_at" = "excluded"."due_at", "urged" = "excluded"."urged", "ended_at" = "excluded"."ended_at", "ended_by" = "excluded"."ended_by", "outcome" = "excluded"."outcome", "origin" = "excluded"."origin", "case_title" = "excluded"."case_title", "search" = "excluded"."search"),
"audit" as (insert into "audit_log" ("instance_id", "seq", "at", "actor", "action", "task_id", "outcome", "comment", "data_digest", "definition_key", "definition_version", "detail", "prev_hash", "hash")
    select "x"."instance_id", "x"."seq", "x"."at", "x"."actor", "x"."action", "x"."task_id", "x"."outcome", "x"."comment", "x"."data_digest", "x"."definition_key", "x"."definition_version", "x"."detail", "x"."prev_hash", "x"."hash"
    from json_to_recordset($3::json) as x("instance_id" text, "seq" int, "at" timestamptz, "actor" text, "action" text, "task_id" text, "outcome" text, "comment" text, "data_digest" text, "definition_key" text, "definition_version" int, "detail" json, "prev_hash" text, "hash" text)
    where "x"."instance_id" in (select "head"."id" from "head")),
"audit_head" as (insert into "audit_heads" ("instance_id", "seq", "hash", "mac", "key_id")
    select "x"."instance_id", "x"."seq", "x"."hash", "x"."mac", "x"."key_id"
    from json_to_recordset($4::json) as x("instance_id" text, "seq" int, "hash" text, "mac" text, "key_id" text)
    where "x"."instance_id" in (select "head"."id" from "head")
    on conflict ("instance_id") do update set "seq" = "excluded"."seq", "hash" = "excluded"."hash", "mac" = "excluded"."mac", "key_id" = "excluded"."key_id"
    where "audit_heads"."seq" < "excluded"."seq"),
"people" as (insert into "participants" ("instance_id", "username")
    select "x"."instance_id", "x"."username"
    from unnest($5::text[], $6::text[]) as x("instance_id", "username")
    where "x"."instance_id" in (select "head"."id" from "head")
    on conflict do nothing)
select "head"."id" from "head"`);
  });

  it('given a lone update from the cache, then each value goes to its slot: scalars for the head and audit, JSON text for recordsets, arrays for unnest', () => {
    const write = caseWrite('c1', cachedUpdate, ['removedTimers', 'comment']);
    const { parameters } = writeStatement(db, [write]);
    const a = write.change.audit;
    expect(parameters).toEqual([
      JSON.stringify({ instanceId: 'c1' }),
      3,
      'running',
      null,
      null,
      AT,
      'c1',
      2,
      '7',
      ['c1-m0'],
      ['c1'],
      ...[a.instance_id, a.seq, a.at, a.actor, a.action, a.task_id, a.outcome, a.comment, a.data_digest],
      ...[a.definition_key, a.definition_version, JSON.stringify(a.detail), a.prev_hash, a.hash],
      ...[a.seq, a.hash, 'mac-c1', 'key-1', a.instance_id, a.seq],
      JSON.stringify([{ task_id: 'c1-t0', text: 'ok', author: 'alice', at: AT, instance_id: 'c1' }]),
    ]);
  });

  it('given a shared update, then each case is in the head recordset with its own guards and its rows carry its id', () => {
    const [w1, w2] = [
      caseWrite('c1', cachedUpdate, ['participants']),
      caseWrite('c2', update, ['participants']),
    ];
    const { parameters } = writeStatement(db, [w1!, w2!]);
    const head = (id: string, dir: string | null) => ({
      id,
      snapshot: { instanceId: id },
      version: 3,
      expected: 2,
      status: 'running',
      ended_at: null,
      outcome: null,
      updated_at: AT,
      dir,
    });
    expect(parameters).toEqual([
      JSON.stringify([head('c1', '7'), head('c2', null)]),
      ['c1', 'c2'],
      JSON.stringify([w1!.change.audit, w2!.change.audit]),
      JSON.stringify(
        [w1!, w2!].map(({ change: { audit } }) => ({
          instance_id: audit.instance_id,
          seq: audit.seq,
          hash: audit.hash,
          mac: `mac-${audit.instance_id}`,
          key_id: 'key-1',
        })),
      ),
      ['c1', 'c2'],
      ['bob', 'bob'],
    ]);
  });

  it('given writes of two head kinds, or two writes of one case, then no statement is built', () => {
    expect(() => writeStatement(db, [caseWrite('c1', update, []), caseWrite('c2', start, [])])).toThrow(
      'share their head kind',
    );
    expect(() => writeStatement(db, [caseWrite('c1', update, []), caseWrite('c1', update, [])])).toThrow(
      'at most once',
    );
  });
});
