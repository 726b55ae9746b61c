import {
  type AliasedRawBuilder,
  type Expression,
  expressionBuilder,
  type QueryCreator,
  type SqlBool,
  sql,
} from 'kysely';
import { placeholder, type Slot, type ValueOf } from './statement-slot';
import { type Columns, instanceColumns, type PgType } from './table-columns';
import type { WriteDb } from './write-part';

/** A row of a source `x`, as the statement reads it. */
type SourceRow<M extends Columns> = { [K in keyof M]: ValueOf<M[K]> };

/** The column names of a map, in its order. */
export function names<M extends Columns>(columns: M): (keyof M & string)[] {
  return Object.keys(columns) as (keyof M & string)[];
}

/** `x.col, …`: the columns of the source `x`, in map order. */
export function fromSource<M extends Columns>(columns: M): `x.${keyof M & string}`[] {
  return names(columns).map((name) => `x.${name}` as const);
}

/**
 * `json_to_recordset($n::json) as x(col type, …)`: many rows as ONE parameter (the JSON text of
 * the row objects; a key a row lacks reads as null), so a statement's text does not depend on how
 * many rows it writes. Written as a `sql` fragment: the builder has no column-definition list.
 */
export function recordset<M extends Columns>(slot: Slot, columns: M): AliasedRawBuilder<SourceRow<M>, 'x'> {
  const definitions = sql.join(
    Object.entries(columns).map(([name, type]) => sql`${sql.id(name)} ${sql.raw(type)}`),
  );
  return sql<SourceRow<M>>`json_to_recordset(${placeholder(slot, 'json')})`.as<'x'>(sql`x(${definitions})`);
}

/** `unnest($a::t[], $b::u[]) as x(a, b)`: rows as one array parameter per column. */
export function arrays<M extends Columns>(
  slots: { readonly [K in keyof M]: Slot },
  columns: M,
): AliasedRawBuilder<SourceRow<M>, 'x'> {
  const keys = names(columns);
  const args = sql.join(keys.map((name) => placeholder(slots[name], `${columns[name]!}[]`)));
  return sql<SourceRow<M>>`unnest(${args})`.as<'x'>(sql`x(${sql.join(keys.map((name) => sql.id(name)))})`);
}

const eb = expressionBuilder<WriteDb & { x: { instance_id: string } }, 'x'>();

/**
 * A write alone is guarded by one `exists` on the head: cheaper to run than the semi-join a
 * shared statement needs, where each row is guarded by its own case's head row.
 */
const loneGuard = eb.exists(eb.selectFrom('head').select((e) => e.lit(1).as('one')));
const sharedGuard = eb('x.instance_id', 'in', eb.selectFrom('head').select('head.id'));

/** The guard of every row of the source `x`: its case row was written by this statement. */
export function guard(lone: boolean): Expression<SqlBool> {
  return lone ? loneGuard : sharedGuard;
}

/** The value of a recordset's slot: rows carrying every column of the source (checked). */
export function recordsetRows<M extends Columns>(
  _columns: M,
  rows: readonly { [K in keyof M]: unknown }[],
): string {
  return JSON.stringify(rows);
}

/** The case id every source row carries for the guard (a table without it gets it as an extra). */
export const caseIdColumn = { instance_id: instanceColumns.id } as const;

/** `select x.col, …[, now() as col…] from <recordset> as x(…) where <guard>`: the rows to insert. */
export function guardedRows<M extends Columns>(
  db: QueryCreator<WriteDb>,
  slot: Slot,
  columns: M,
  lone: boolean,
  now: readonly string[] = [],
) {
  return db
    .selectFrom(recordset(slot, { ...columns, ...caseIdColumn }))
    .select([...fromSource(columns), ...now.map((name) => sql<Date>`now()`.as(name))])
    .where(guard(lone));
}

/**
 * `col = any(array(select x.id from unnest($ids, $cases) as x(id, instance_id) where <guard>))`:
 * rows to delete by id; the guarded id list is computed once, then probed through an index.
 */
export function guardedIdMatch(
  column: string,
  slots: { readonly id: Slot; readonly instance_id: Slot },
  idType: PgType,
  lone: boolean,
): Expression<SqlBool> {
  const ids = eb
    .selectFrom(arrays(slots, { id: idType, ...caseIdColumn }))
    .select('x.id')
    .where(guard(lone));
  return eb(sql.ref<string>(column), '=', eb.fn.any(eb.fn<readonly string[]>('array', [ids])));
}

/** A column map without some of its columns (those the statement fills in SQL, such as `now()`). */
export function without<M extends Columns, K extends keyof M>(columns: M, left: readonly K[]): Omit<M, K> {
  return Object.fromEntries(Object.entries(columns).filter(([name]) => !left.includes(name as K))) as Omit<
    M,
    K
  >;
}
