import type { CaseWrite, WriteHead } from '../case-write';
import { Slot } from './statement-slot';
import { instanceInsertColumns } from './table-columns';
import type { HeadForm } from './write-part';
import { fromSource, names, recordset, recordsetRows } from './write-sources';

const rows = new Slot('head');

/** A start's case row; an id that exists already writes nothing (and so nothing else is written). */
function insert(lone: boolean): HeadForm {
  return {
    key: lone ? 'insert' : 'insert*n',
    lone,
    cte: () => (db) =>
      db
        .insertInto('instances')
        .columns(names(instanceInsertColumns))
        .expression(
          db.selectFrom(recordset(rows, instanceInsertColumns)).select(fromSource(instanceInsertColumns)),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id'),
    bind: (writes, values) => {
      values.set(rows, recordsetRows(instanceInsertColumns, writes.map(caseRow)));
    },
  };
}

export const loneHeadInsert = insert(true);
export const sharedHeadInsert = insert(false);

function caseRow(w: CaseWrite) {
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
    outcome: i.outcome,
    title: i.title,
    updated_at: i.updatedAt,
  };
}
