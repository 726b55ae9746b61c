import type { CaseOutcome, Directory, TaskSubject } from '@flowform/engine';
import { type Kysely, sql } from 'kysely';
import type { Database } from './database/db-schema';
import { openTasksMatching } from './inbox-search';
import { decodeListCursor, encodeListCursor, type ListCursor } from './list-cursor';

/** What an inbox list asks for. `cursor` comes from the previous page's `nextCursor`. */
export interface InboxQuery {
  user: string;
  scope: 'todo' | 'done' | 'cc' | 'started';
  limit?: number;
  cursor?: string;
  q?: string;
  definitionKey?: string;
  due?: 'soon' | 'overdue';
  /** The time "soon" and "overdue" are measured from (the database's now() if omitted). */
  now?: string;
  /** Rows created (tasks) or started (cases) on or after this instant. */
  from?: string;
  /** Rows created (tasks) or started (cases) before this instant. */
  to?: string;
  /** People whose names match `q` (the caller looks them up): their cases match too. */
  initiators?: string[];
}

/** Why a task is in this inbox besides the flow (退回, 委派, 加签): who sent it, when, why. */
export interface InboxOrigin {
  kind: string;
  by: string;
  at: string;
  reason?: string;
}

/** One row of an inbox list: a task (todo, done) or a case (cc, started). */
export interface InboxItem {
  taskId: string | null;
  instanceId: string;
  definitionKey: string;
  stateId: string | null;
  title: { 'zh-CN': string; en: string } | null;
  /** The case's title from the definition's template (applicant, subject, amount). */
  caseTitle: { 'zh-CN': string; en: string } | null;
  initiator: string | null;
  caseUnit: string | null;
  origin: InboxOrigin | null;
  /** What a multi-instance task works on (the cadre a rater scores), named; null on other rows. */
  subject: TaskSubject | null;
  assignee: string | null;
  status: string;
  outcome: string | null;
  /** Case rows (cc, started): how the case ended, null while it runs; null on task rows. */
  caseOutcome: CaseOutcome | null;
  /** The case's number (`HS-113-2026-00042`), null for a process without case numbers. */
  caseNumber: string | null;
  createdAt: string;
  dueAt: string | null;
  urged: number;
  sortAt: string;
  /** The case is suspended by an administrator: its tasks stay listed, marked, and refuse work. */
  suspended: boolean;
}

/** A page of inbox rows, newest first, with the keyset cursor of the next page. */
export interface InboxPage {
  items: InboxItem[];
  nextCursor?: string;
}

const SOON_MS = 24 * 3600 * 1000;
const TASK_EXTRAS = sql.raw(
  "t.case_title, t.initiator, t.case_unit, t.origin, t.subject, (select n.snapshot -> 'suspension' is not null from instances n where n.id = t.instance_id) as suspended",
);
const CASE_EXTRAS = sql.raw(
  "i.title as case_title, i.initiator, i.snapshot ->> 'caseUnit' as case_unit, null::jsonb as origin, null::jsonb as subject, i.snapshot -> 'suspension' is not null as suspended",
);

/**
 * Inbox lists with keyset pagination. "To do" reads each source through its own ordered index
 * (open tasks by assignee; offered tasks by user; offered tasks per role held, one LATERAL scan per
 * role) and merges them, so a popular role costs one short index range, never an OR over all tasks.
 */
export async function queryInbox(
  db: Kysely<Database>,
  directory: Directory,
  query: InboxQuery,
): Promise<InboxPage> {
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  const cursor = decodeListCursor(query.cursor);
  const rows =
    query.scope === 'todo'
      ? await todo(db, directory, query, limit + 1, cursor)
      : query.scope === 'done'
        ? await done(db, query, limit + 1, cursor)
        : query.scope === 'cc'
          ? await carbonCopies(db, query, limit + 1, cursor)
          : await started(db, query, limit + 1, cursor);
  const items = rows.slice(0, limit).map(toItem);
  const last = items.at(-1);
  return rows.length > limit && last
    ? { items, nextCursor: encodeListCursor({ at: last.sortAt, id: last.taskId ?? last.instanceId }) }
    : { items };
}

type Row = Record<string, unknown>;
type Cursor = ListCursor | undefined;

function filters(query: InboxQuery, alias: string) {
  const t = sql.raw(alias);
  const now = query.now ? sql`${query.now}::timestamptz` : sql`now()`;
  return sql`
    ${query.definitionKey ? sql`and ${t}.definition_key = ${query.definitionKey}` : sql``}
    ${search(query, t)}
    ${query.from ? sql`and ${t}.created_at >= ${query.from}::timestamptz` : sql``}
    ${query.to ? sql`and ${t}.created_at < ${query.to}::timestamptz` : sql``}
    ${query.due === 'overdue' ? sql`and ${t}.due_at < ${now}` : sql``}
    ${query.due === 'soon' ? sql`and ${t}.due_at >= ${now} and ${t}.due_at < ${now} + ${`${SOON_MS / 1000} seconds`}::interval` : sql``}`;
}

/** `q` as a LIKE pattern over the lower-cased search text (its own % and _ taken literally). */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Title, initiator and case data (the row's `search` text), or a case started by a matching person. */
function search(query: InboxQuery, t: ReturnType<typeof sql.raw>) {
  if (!query.q) return sql``;
  const like = likePattern(query.q);
  const people = query.initiators ?? [];
  return people.length > 0
    ? sql`and (${t}.search like ${like} or ${t}.initiator = any(${people}::text[]))`
    : sql`and ${t}.search like ${like}`;
}

/**
 * The search and date range over a case list (title and case data without the fields some viewer
 * may not see; start time).
 */
function caseRange(query: InboxQuery) {
  return sql`
    ${query.q ? sql`and lower(coalesce(i.title::text, '') || ${openCaseData}::text) like ${likePattern(query.q)}` : sql``}
    ${query.from ? sql`and i.started_at >= ${query.from}::timestamptz` : sql``}
    ${query.to ? sql`and i.started_at < ${query.to}::timestamptz` : sql``}`;
}

/** A case's data without its definition's restricted fields, as jsonb. */
const openCaseData = sql`((i.snapshot::jsonb -> 'data') - coalesce((select d.restricted_fields from definitions d
  where d.key = i.definition_key and d.version = i.definition_version), '{}'::text[]))`;

function before(cursor: Cursor, at: string, id: string) {
  return cursor
    ? sql`and (${sql.raw(at)}, ${sql.raw(id)}) < (${cursor.at}::timestamptz, ${cursor.id})`
    : sql``;
}

async function todo(
  db: Kysely<Database>,
  directory: Directory,
  query: InboxQuery,
  n: number,
  cursor: Cursor,
): Promise<Row[]> {
  const held = directory.rolesOf(query.user);
  const roles = held.map((r) => r.role);
  const units = held.map((r) => r.unit);
  const matches =
    query.q && !query.initiators?.length ? await openTasksMatching(db, likePattern(query.q)) : undefined;
  if (matches) {
    // A search the trigram index answers in few rows: keep those this inbox holds or is offered.
    const found = await sql<Row>`
      select t.id as task_id, t.instance_id, t.definition_key, t.state_id, t.title, t.assignee, t.status, t.outcome,
        (select n.case_number from instances n where n.id = t.instance_id) as case_number,
        t.created_at, t.due_at, t.urged, t.created_at as sort_at, ${TASK_EXTRAS}
      from tasks t
      where t.id = any(${matches}::text[])
        and ((t.status = 'open' and t.assignee = ${query.user})
          or exists (select 1 from task_candidates c where c.task_id = t.id and (c.username = ${query.user}
            or (c.role, c.unit) in (select * from unnest(${roles}::text[], ${units}::text[])))))
        ${before(cursor, 't.created_at', 't.id')} ${filters(query, 't')}
      order by t.created_at desc, t.id desc limit ${n}`.execute(db);
    return found.rows;
  }
  const result = await sql<Row>`
    with mine as (
      select t.id, t.created_at from tasks t
      where t.status = 'open' and t.assignee = ${query.user} ${before(cursor, 't.created_at', 't.id')} ${filters(query, 't')}
      order by t.created_at desc, t.id desc limit ${n}),
    offered_user as (
      select c.task_id as id, c.created_at from task_candidates c join tasks t on t.id = c.task_id
      where c.username = ${query.user} ${before(cursor, 'c.created_at', 'c.task_id')} ${filters(query, 't')}
      order by c.created_at desc, c.task_id desc limit ${n}),
    offered_role as (
      select x.id, x.created_at from unnest(${roles}::text[], ${units}::text[]) as r(role, unit)
      cross join lateral (
        select c.task_id as id, c.created_at from task_candidates c join tasks t on t.id = c.task_id
        where c.role = r.role and c.unit = r.unit ${before(cursor, 'c.created_at', 'c.task_id')} ${filters(query, 't')}
        order by c.created_at desc, c.task_id desc limit ${n}) x),
    ids as (select distinct id from (select id from mine union all select id from offered_user union all select id from offered_role) u)
    select t.id as task_id, t.instance_id, t.definition_key, t.state_id, t.title, t.assignee, t.status, t.outcome,
      (select n.case_number from instances n where n.id = t.instance_id) as case_number,
      t.created_at, t.due_at, t.urged, t.created_at as sort_at, ${TASK_EXTRAS}
    from ids join tasks t on t.id = ids.id
    order by t.created_at desc, t.id desc limit ${n}`.execute(db);
  return result.rows;
}

async function done(db: Kysely<Database>, query: InboxQuery, n: number, cursor: Cursor): Promise<Row[]> {
  const result = await sql<Row>`
    select t.id as task_id, t.instance_id, t.definition_key, t.state_id, t.title, t.assignee, t.status, t.outcome,
      (select n.case_number from instances n where n.id = t.instance_id) as case_number,
      t.created_at, t.due_at, t.urged, t.ended_at as sort_at, ${TASK_EXTRAS}
    from tasks t where t.ended_by = ${query.user} and t.status <> 'open' ${before(cursor, 't.ended_at', 't.id')} ${filters(query, 't')}
    order by t.ended_at desc, t.id desc limit ${n}`.execute(db);
  return result.rows;
}

async function carbonCopies(
  db: Kysely<Database>,
  query: InboxQuery,
  n: number,
  cursor: Cursor,
): Promise<Row[]> {
  const result = await sql<Row>`
    select null as task_id, i.id as instance_id, i.definition_key, null as state_id, null as title, null as assignee,
      i.status, null as outcome, i.outcome as case_outcome, i.case_number, i.started_at as created_at, null as due_at, 0 as urged, c.at as sort_at, ${CASE_EXTRAS}
    from cc_entries c join instances i on i.id = c.instance_id
    where c.username = ${query.user} ${before(cursor, 'c.at', 'i.id')}
      ${query.definitionKey ? sql`and i.definition_key = ${query.definitionKey}` : sql``} ${caseRange(query)}
    order by c.at desc, i.id desc limit ${n}`.execute(db);
  return result.rows;
}

async function started(db: Kysely<Database>, query: InboxQuery, n: number, cursor: Cursor): Promise<Row[]> {
  const result = await sql<Row>`
    select null as task_id, i.id as instance_id, i.definition_key, null as state_id, null as title, null as assignee,
      i.status, null as outcome, i.outcome as case_outcome, i.case_number, i.started_at as created_at, null as due_at, 0 as urged, i.started_at as sort_at, ${CASE_EXTRAS}
    from instances i
    where i.initiator = ${query.user} ${before(cursor, 'i.started_at', 'i.id')}
      ${query.definitionKey ? sql`and i.definition_key = ${query.definitionKey}` : sql``} ${caseRange(query)}
    order by i.started_at desc, i.id desc limit ${n}`.execute(db);
  return result.rows;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

function toItem(row: Row): InboxItem {
  return {
    taskId: (row.task_id as string | null) ?? null,
    instanceId: row.instance_id as string,
    definitionKey: row.definition_key as string,
    stateId: (row.state_id as string | null) ?? null,
    title: (row.title as InboxItem['title']) ?? null,
    caseTitle: (row.case_title as InboxItem['caseTitle']) ?? null,
    initiator: (row.initiator as string | null) ?? null,
    caseUnit: (row.case_unit as string | null) ?? null,
    origin: (row.origin as InboxOrigin | null) ?? null,
    subject: (row.subject as TaskSubject | null) ?? null,
    assignee: (row.assignee as string | null) ?? null,
    status: row.status as string,
    outcome: (row.outcome as string | null) ?? null,
    caseOutcome: (row.case_outcome as CaseOutcome | null) ?? null,
    caseNumber: (row.case_number as string | null) ?? null,
    createdAt: iso(row.created_at)!,
    dueAt: iso(row.due_at),
    urged: Number(row.urged ?? 0),
    sortAt: iso(row.sort_at)!,
    suspended: row.suspended === true,
  };
}
