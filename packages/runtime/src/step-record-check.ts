import type { Kysely } from 'kysely';
import type { AuditRowContent } from './audit-chain';
import { auditContent } from './audit-verifier';
import type { Database } from './database/db-schema';
import { recordMismatch, type StepRecord, stepRecordOf } from './step-record';

/** A step record that its audit row does not vouch for, or a submission without its record. */
export interface RecordFinding {
  kind: 'record-missing' | 'record-altered' | 'record-orphan';
  instanceId: string;
  seq: number;
  detail: string;
}

/**
 * Checks the step records against the audit rows: every person's start and completion has its
 * record, each record is exactly the one its row (same case and seq) gives, and no record stands
 * without its row. The rows' own integrity is the chain walk's; this ties the records to it.
 */
export async function checkStepRecords(db: Kysely<Database>, instanceId?: string): Promise<RecordFinding[]> {
  let rowsQuery = db.selectFrom('audit_log').selectAll().where('action', 'in', ['start', 'complete']);
  let recordsQuery = db.selectFrom('step_records').selectAll();
  if (instanceId) {
    rowsQuery = rowsQuery.where('instance_id', '=', instanceId);
    recordsQuery = recordsQuery.where('instance_id', '=', instanceId);
  }
  const [rows, records] = await Promise.all([rowsQuery.execute(), recordsQuery.execute()]);
  const audits = new Map<string, AuditRowContent>();
  for (const row of rows) audits.set(`${row.instance_id}\u0000${row.seq}`, auditContent(row));
  const findings: RecordFinding[] = [];
  const seen = new Set<string>();
  for (const row of records) {
    const key = `${row.instance_id}\u0000${row.seq}`;
    seen.add(key);
    const audit = audits.get(key);
    const stored = storedRecord(row);
    if (!audit) {
      findings.push({
        kind: 'record-orphan',
        instanceId: row.instance_id,
        seq: row.seq,
        detail: `step record ${row.seq} has no start or completion audit row`,
      });
      continue;
    }
    const mismatch = recordMismatch(stored, audit);
    if (mismatch)
      findings.push({ kind: 'record-altered', instanceId: row.instance_id, seq: row.seq, detail: mismatch });
  }
  for (const [key, audit] of audits) {
    if (seen.has(key) || !stepRecordOf(audit)) continue;
    findings.push({
      kind: 'record-missing',
      instanceId: audit.instance_id,
      seq: audit.seq,
      detail: `row ${audit.seq} (${audit.action} by ${audit.actor}) has no step record`,
    });
  }
  return findings.sort((a, b) => a.instanceId.localeCompare(b.instanceId) || a.seq - b.seq);
}

/** A record as read back, in the form `stepRecordOf` gives. */
export function storedRecord(row: { [K in keyof Database['step_records']]: unknown }): StepRecord {
  return {
    instance_id: row.instance_id as string,
    seq: Number(row.seq),
    task_id: (row.task_id as string | null) ?? null,
    state_id: (row.state_id as string | null) ?? null,
    actor: row.actor as string,
    action: row.action as StepRecord['action'],
    outcome: (row.outcome as string | null) ?? null,
    comment: (row.comment as string | null) ?? null,
    data: row.data as Record<string, unknown>,
    attachments: row.attachments as string[],
    at: new Date(row.at as string).toISOString(),
  };
}
