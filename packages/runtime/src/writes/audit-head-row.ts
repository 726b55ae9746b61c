import { sql } from 'kysely';
import type { CaseWrite } from '../case-write';
import { placeholder, Slot, scalar, slotsOf } from './statement-slot';
import { auditHeadColumns } from './table-columns';
import type { WritePart } from './write-part';
import { guardedRows, names, recordset, recordsetRows } from './write-sources';

const scalars = slotsOf('audit_head', auditHeadColumns);
const rows = new Slot('audit_head');

/** The head row a write leaves: its audit row's seq and hash, and their MAC. */
function headOf(write: CaseWrite) {
  const audit = write.change.audit;
  return {
    instance_id: audit.instance_id,
    seq: audit.seq,
    hash: audit.hash,
    mac: write.anchor?.mac ?? null,
    key_id: write.anchor?.keyId ?? null,
  };
}

function bind(writes: readonly CaseWrite[], lone: boolean, values: Map<Slot, unknown>): void {
  if (!lone) {
    values.set(rows, recordsetRows(auditHeadColumns, writes.map(headOf)));
    return;
  }
  const head = headOf(writes[0]!);
  for (const name of names(auditHeadColumns))
    values.set(scalars[name], scalar(head[name], auditHeadColumns[name]));
}

const isStart = (writes: readonly CaseWrite[]) => writes[0]?.head.kind === 'insert';

/**
 * Every command's case chain head (audit-anchor.ts), written in the statement that appends the
 * audit row it covers, so the head and the row commit together (and two writers of one case, of
 * which the version guard lets one through, never leave a head behind its chain). A head only
 * moves forward. A start inserts its case's head (moving a head already there forward, as an
 * upsert); the other commands update the head their case already has (below).
 */
export const auditHeadInsert: WritePart = {
  name: 'audit_head',
  present: isStart,
  cte: (lone) => (db) =>
    db
      .insertInto('audit_heads')
      .columns(names(auditHeadColumns))
      .expression(
        lone
          ? db
              .selectFrom('head')
              .select(
                names(auditHeadColumns).map((name) =>
                  placeholder(scalars[name], auditHeadColumns[name]).as(name),
                ),
              )
          : guardedRows(db, rows, auditHeadColumns, lone),
      )
      .onConflict((oc) =>
        oc
          .column('instance_id')
          .doUpdateSet((eb) => ({
            seq: eb.ref('excluded.seq'),
            hash: eb.ref('excluded.hash'),
            mac: eb.ref('excluded.mac'),
            key_id: eb.ref('excluded.key_id'),
          }))
          .where((eb) => eb('audit_heads.seq', '<', eb.ref('excluded.seq'))),
      ),
  bind,
};

/**
 * The head of a case that already has one (every case started since heads exist; older chains get
 * theirs from `adoptAuditHeads`, which adopts whatever row is then last): a plain update, moving
 * forward only. An upsert here cost one more WAL record per command (ON CONFLICT DO UPDATE locks
 * the row, and logs the lock, before updating it) and the speculative-insertion checks. A case
 * without a head stays without one, which the anchor check reports (`head-missing`) once the
 * adoption has run, rather than a deleted head being silently recreated.
 */
export const auditHeadUpdate: WritePart = {
  name: 'audit_head',
  present: (writes) => !isStart(writes),
  cte: (lone) => (db) =>
    lone
      ? db
          .updateTable('audit_heads')
          .set({
            seq: placeholder(scalars.seq, auditHeadColumns.seq),
            hash: placeholder(scalars.hash, auditHeadColumns.hash),
            mac: placeholder(scalars.mac, auditHeadColumns.mac),
            key_id: placeholder(scalars.key_id, auditHeadColumns.key_id),
          })
          .where('instance_id', '=', placeholder(scalars.instance_id, auditHeadColumns.instance_id))
          .where('seq', '<', placeholder(scalars.seq, auditHeadColumns.seq))
          .where((eb) => eb.exists(eb.selectFrom('head').select((e) => e.lit(1).as('one'))))
      : db
          .updateTable('audit_heads as h')
          .from(recordset(rows, auditHeadColumns))
          .set((eb) => ({
            seq: eb.ref('x.seq'),
            hash: eb.ref('x.hash'),
            mac: eb.ref('x.mac'),
            key_id: eb.ref('x.key_id'),
          }))
          // An index probe whatever the generic plan's estimate of the recordset: only the heads of
          // the cases this statement wrote.
          .where((eb) =>
            eb(
              'h.instance_id',
              '=',
              eb.fn.any(sql<string[]>`array(${eb.selectFrom('head').select('head.id')})`),
            ),
          )
          .whereRef('h.instance_id', '=', 'x.instance_id')
          .whereRef('h.seq', '<', 'x.seq'),
  bind,
};
