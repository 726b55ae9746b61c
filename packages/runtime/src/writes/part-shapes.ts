import type { DeleteQueryBuilder, DeleteResult, InsertQueryBuilder, InsertResult } from 'kysely';
import type { CaseWrite } from '../case-write';
import type { ChangeSet } from '../change-set';
import type { Database } from '../database/db-schema';
import { pairs } from './batch-rows';
import { Slot, slotsOf } from './statement-slot';
import type { Columns, PgType } from './table-columns';
import type { WriteDb, WritePart } from './write-part';
import { caseIdColumn, guardedIdMatch, guardedRows, names, recordsetRows, without } from './write-sources';

type Table = keyof Database & string;
/** A column map of the table: every key one of its columns. */
type MapOf<T extends Table, M> = { readonly [K in keyof M]: K extends keyof Database[T] ? PgType : never };
/** A row as a write gives it; the statement adds the case id. */
type RowOf<M extends Columns> = Omit<{ [K in keyof M]: unknown }, 'instance_id'>;
type Conflict<T extends Table> = Parameters<InsertQueryBuilder<WriteDb, T, InsertResult>['onConflict']>[0];

/**
 * A part inserting each write's rows of one table from a recordset, each row guarded by its case:
 * `insert into t (cols) select x.cols from json_to_recordset($n) as x(cols…) where <guard> [on conflict …]`.
 */
export function recordsetPart<
  T extends Table,
  M extends Columns & MapOf<T, M>,
  N extends keyof M & string = never,
>(spec: {
  name: string;
  table: T;
  columns: M;
  /** Columns filled with the statement's `now()` rather than from the rows. */
  now?: readonly N[];
  rowsOf: (write: CaseWrite) => readonly RowOf<Omit<M, N>>[];
  onConflict?: Conflict<T>;
}): WritePart {
  const rows = new Slot(spec.name);
  const now = spec.now ?? [];
  const sent = without(spec.columns, now);
  // The map's keys are columns of the table (MapOf), which the compiler cannot see through M.
  const columns = [...names(sent), ...now] as (keyof WriteDb[T] & string)[];
  return {
    name: spec.name,
    present: (writes) => writes.some((w) => spec.rowsOf(w).length > 0),
    cte: (lone) => (db) => {
      const insert = db
        .insertInto(spec.table)
        .columns(columns)
        .expression(guardedRows(db, rows, sent, lone, now));
      return spec.onConflict ? insert.onConflict(spec.onConflict) : insert;
    },
    bind: (writes, _lone, values) => {
      const all: (RowOf<Omit<M, N>> & { instance_id: string })[] = [];
      for (const w of writes) {
        for (const row of spec.rowsOf(w)) all.push({ ...row, instance_id: w.change.instance.id });
      }
      values.set(rows, recordsetRows<Columns>(sent, all));
    },
  };
}

/**
 * A part deleting rows by id (`where col = any(array(select x.id from unnest($ids, $cases) … where
 * <guard>))`): the guarded id list is computed once, then probed through an index.
 */
export function idListDelete<T extends Table>(spec: {
  name: string;
  table: T;
  column: keyof Database[T] & string;
  idType: PgType;
  idsOf: (change: ChangeSet) => readonly string[];
}): WritePart {
  const slots = slotsOf(spec.name, { id: spec.idType, ...caseIdColumn });
  return {
    name: spec.name,
    present: (writes) => writes.some((w) => spec.idsOf(w.change).length > 0),
    cte: (lone) => (db) =>
      (db.deleteFrom(spec.table) as DeleteQueryBuilder<WriteDb, T, DeleteResult>).where(
        guardedIdMatch(spec.column, slots, spec.idType, lone),
      ),
    bind: (writes, _lone, values) => {
      const { values: ids, cases } = pairs(writes, spec.idsOf);
      values.set(slots.id, ids);
      values.set(slots.instance_id, cases);
    },
  };
}
