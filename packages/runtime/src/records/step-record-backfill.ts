import { type Kysely, sql } from 'kysely';
import { auditContent } from '../audit-verifier';
import type { Database } from '../database/db-schema';
import { type StepRecord, stepRecordOf } from './step-record';

/** Rows read and written per round of the backfill. */
const PAGE = 500;

/**
 * Gives every start and completion in the audit log that has no step record its record (the
 * migration that adds the table runs it once; it is rerunnable: rows already recorded are skipped).
 */
export async function backfillStepRecords(untyped: Kysely<unknown>): Promise<number> {
  const db = untyped as Kysely<Database>;
  let written = 0;
  let after: { instance_id: string; seq: number } | undefined;
  for (;;) {
    let query = db
      .selectFrom('audit_log as a')
      .selectAll('a')
      .where('a.action', 'in', ['start', 'complete'])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('step_records as r')
              .select(sql`1`.as('one'))
              .whereRef('r.instance_id', '=', 'a.instance_id')
              .whereRef('r.seq', '=', 'a.seq'),
          ),
        ),
      )
      .orderBy('a.instance_id')
      .orderBy('a.seq')
      .limit(PAGE);
    if (after) {
      const last = after;
      query = query.where((eb) =>
        eb.or([
          eb('a.instance_id', '>', last.instance_id),
          eb.and([eb('a.instance_id', '=', last.instance_id), eb('a.seq', '>', last.seq)]),
        ]),
      );
    }
    const rows = await query.execute();
    if (rows.length === 0) return written;
    const records = rows
      .map((row) => stepRecordOf(auditContent(row)))
      .filter((r): r is StepRecord => r !== null);
    if (records.length > 0) {
      await db
        .insertInto('step_records')
        .values(
          records.map((r) => ({
            ...r,
            data: JSON.stringify(r.data),
            attachments: JSON.stringify(r.attachments),
          })),
        )
        .execute();
      written += records.length;
    }
    const last = rows[rows.length - 1]!;
    after = { instance_id: last.instance_id, seq: last.seq };
  }
}
