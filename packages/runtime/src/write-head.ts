import type { CaseWrite, WriteHead } from './case-write';
import type { StatementParams } from './statement-params';

/**
 * The `head` CTE of a write statement: the case rows, updated under their version guard or
 * inserted for a start, returning the ids written; every other part is guarded by it. A write
 * alone takes scalar parameters; a shared statement reads the case rows from a recordset.
 */
export function headCte(q: StatementParams, writes: CaseWrite[]): { flag: string; sql: string } {
  const first = writes[0]!;
  const kind = first.head.kind;
  const lone = writes.length === 1;
  if (kind === 'update' && lone) {
    const i = first.change.instance;
    const dir = first.head.kind === 'update' ? first.head.directoryVersion : undefined;
    return {
      flag: dir === undefined ? 'u1' : 'u1g',
      sql: `head as (
      update instances set snapshot = ${q.add(JSON.stringify(i.snapshot), '::json')}, version = ${q.add(i.version, '::int')},
        status = ${q.add(i.status, '::text')}, ended_at = ${q.add(i.endedAt, '::timestamptz')},
        updated_at = ${q.add(i.updatedAt, '::timestamptz')}
      where id = ${q.add(i.id, '::text')} and version = ${q.add(i.expectedVersion, '::int')}${
        dir === undefined
          ? ''
          : ` and (select m.version from directory_meta m where m.id = 1) = ${q.add(dir, '::bigint')}`
      } returning id)`,
    };
  }
  if (kind === 'update') {
    const heads = writes.map((w) => {
      const i = w.change.instance;
      const dir = w.head.kind === 'update' ? (w.head.directoryVersion ?? null) : null;
      return {
        id: i.id,
        snapshot: i.snapshot,
        version: i.version,
        expected: i.expectedVersion,
        status: i.status,
        ended_at: i.endedAt,
        updated_at: i.updatedAt,
        dir,
      };
    });
    // `i.id = any(ids)` makes the plan an index probe whatever the (generic) row estimate of the
    // recordset; the directory version is checked only where the command ran on a cached case.
    return {
      flag: 'un',
      sql: `head as (
      update instances i set snapshot = x.snapshot, version = x.version, status = x.status,
        ended_at = x.ended_at, updated_at = x.updated_at
      from json_to_recordset(${q.rows(heads)}) as x(id text, snapshot json, version int, expected int, status text,
        ended_at timestamptz, updated_at timestamptz, dir bigint)
      where i.id = any(${q.add(
        heads.map((h) => h.id),
        '::text[]',
      )}) and i.id = x.id and i.version = x.expected
        and (x.dir is null or x.dir = (select m.version from directory_meta m where m.id = 1))
      returning i.id)`,
    };
  }
  const heads = writes.map((w) => {
    const i = w.change.instance;
    const h = w.head as Extract<WriteHead, { kind: 'insert' }>;
    return {
      id: i.id,
      definition_key: h.definitionKey,
      definition_version: h.definitionVersion,
      snapshot: i.snapshot,
      version: i.version,
      status: i.status,
      parent_id: h.parentId,
      confidential: h.confidential,
      initiator: h.initiator,
      started_at: h.startedAt,
      ended_at: i.endedAt,
      updated_at: i.updatedAt,
    };
  });
  return {
    flag: lone ? 'i1' : 'in',
    sql: `head as (
      insert into instances (id, definition_key, definition_version, snapshot, version, status, parent_id,
        confidential, initiator, started_at, ended_at, updated_at)
      select x.id, x.definition_key, x.definition_version, x.snapshot, x.version, x.status, x.parent_id,
        x.confidential, x.initiator, x.started_at, x.ended_at, x.updated_at
      from json_to_recordset(${q.rows(heads)}) as x(id text, definition_key text, definition_version int,
        snapshot json, version int, status text, parent_id text, confidential boolean, initiator text,
        started_at timestamptz, ended_at timestamptz, updated_at timestamptz)
      on conflict (id) do nothing returning id)`,
  };
}
