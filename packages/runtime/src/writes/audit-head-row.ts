import type { CaseWrite } from '../case-write';
import { placeholder, Slot, scalar, slotsOf } from './statement-slot';
import { auditHeadColumns } from './table-columns';
import type { WritePart } from './write-part';
import { guardedRows, names, recordsetRows } from './write-sources';

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

/**
 * Every command's case chain head (audit-anchor.ts), upserted in the statement that appends the
 * audit row it covers, so the head and the row commit together (and two writers of one case, of
 * which the version guard lets one through, never leave a head behind its chain). A head only
 * moves forward: `where audit_heads.seq < excluded.seq`.
 */
export const auditHeadRow: WritePart = {
  name: 'audit_head',
  present: () => true,
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
  bind: (writes, lone, values) => {
    if (!lone) {
      values.set(rows, recordsetRows(auditHeadColumns, writes.map(headOf)));
      return;
    }
    const head = headOf(writes[0]!);
    for (const name of names(auditHeadColumns))
      values.set(scalars[name], scalar(head[name], auditHeadColumns[name]));
  },
};
