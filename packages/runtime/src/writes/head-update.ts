import { expressionBuilder, sql } from 'kysely';
import type { Database } from '../database/db-schema';
import { placeholder, Slot, slotsOf } from './statement-slot';
import { directoryVersionType, instanceColumns } from './table-columns';
import type { HeadForm } from './write-part';
import { recordset, recordsetRows } from './write-sources';

/** `(select m.version from directory_meta m where m.id = 1)`: the directory's current version. */
const directoryVersion = expressionBuilder<Database>()
  .selectFrom('directory_meta as m')
  .select('m.version')
  .where('m.id', '=', sql.lit(1));

const lone = slotsOf('head', {
  snapshot: instanceColumns.snapshot,
  version: instanceColumns.version,
  status: instanceColumns.status,
  ended_at: instanceColumns.ended_at,
  outcome: instanceColumns.outcome,
  updated_at: instanceColumns.updated_at,
  id: instanceColumns.id,
  expected: instanceColumns.version,
  dir: directoryVersionType,
});

/**
 * One command's case row, under its version guard, and — when the command ran on a cached case —
 * under the directory version it ran against.
 */
function loneUpdate(guarded: boolean): HeadForm {
  return {
    key: guarded ? 'update+directory' : 'update',
    lone: true,
    cte: () => (db) =>
      db
        .updateTable('instances')
        .set({
          snapshot: placeholder(lone.snapshot, instanceColumns.snapshot),
          version: placeholder(lone.version, instanceColumns.version),
          status: placeholder(lone.status, instanceColumns.status),
          ended_at: placeholder(lone.ended_at, instanceColumns.ended_at),
          outcome: placeholder(lone.outcome, instanceColumns.outcome),
          updated_at: placeholder(lone.updated_at, instanceColumns.updated_at),
        })
        .where('id', '=', placeholder(lone.id, instanceColumns.id))
        .where('version', '=', placeholder(lone.expected, instanceColumns.version))
        .$if(guarded, (qb) =>
          qb.where((eb) => eb(directoryVersion, '=', placeholder(lone.dir, directoryVersionType))),
        )
        .returning('id'),
    bind: (writes, values) => {
      const w = writes[0]!;
      const i = w.change.instance;
      values.set(lone.snapshot, JSON.stringify(i.snapshot));
      values.set(lone.version, i.version);
      values.set(lone.status, i.status);
      values.set(lone.ended_at, i.endedAt);
      values.set(lone.outcome, i.outcome);
      values.set(lone.updated_at, i.updatedAt);
      values.set(lone.id, i.id);
      values.set(lone.expected, i.expectedVersion);
      if (guarded) values.set(lone.dir, w.head.kind === 'update' ? w.head.directoryVersion : undefined);
    },
  };
}

export const loneHeadUpdate = loneUpdate(false);
export const loneGuardedHeadUpdate = loneUpdate(true);

const sharedColumns = {
  id: instanceColumns.id,
  snapshot: instanceColumns.snapshot,
  version: instanceColumns.version,
  expected: instanceColumns.version,
  status: instanceColumns.status,
  ended_at: instanceColumns.ended_at,
  outcome: instanceColumns.outcome,
  updated_at: instanceColumns.updated_at,
  dir: directoryVersionType,
} as const;
const rows = new Slot('head');
const ids = new Slot('head.ids');

/**
 * The case rows of a shared statement, each under its own version guard. `i.id = any(ids)` makes
 * the plan an index probe whatever the (generic) row estimate of the recordset; the directory
 * version is checked only where the command ran on a cached case.
 */
export const sharedHeadUpdate: HeadForm = {
  key: 'update*n',
  lone: false,
  cte: () => (db) =>
    db
      .updateTable('instances as i')
      .from(recordset(rows, sharedColumns))
      .set((eb) => ({
        snapshot: eb.ref('x.snapshot'),
        version: eb.ref('x.version'),
        status: eb.ref('x.status'),
        ended_at: eb.ref('x.ended_at'),
        outcome: eb.ref('x.outcome'),
        updated_at: eb.ref('x.updated_at'),
      }))
      .where((eb) => eb('i.id', '=', eb.fn.any(placeholder(ids, `${instanceColumns.id}[]`))))
      .whereRef('i.id', '=', 'x.id')
      .whereRef('i.version', '=', 'x.expected')
      .where((eb) => eb.or([eb('x.dir', 'is', null), eb('x.dir', '=', directoryVersion)]))
      .returning('i.id'),
  bind: (writes, values) => {
    const heads = writes.map((w) => {
      const i = w.change.instance;
      return {
        id: i.id,
        snapshot: i.snapshot,
        version: i.version,
        expected: i.expectedVersion,
        status: i.status,
        ended_at: i.endedAt,
        outcome: i.outcome,
        updated_at: i.updatedAt,
        dir: w.head.kind === 'update' ? (w.head.directoryVersion ?? null) : null,
      };
    });
    values.set(rows, recordsetRows(sharedColumns, heads));
    values.set(
      ids,
      heads.map((h) => h.id),
    );
  },
};
