import { type Kysely, sql } from 'kysely';

/** A value that is an attachment id (uploads are UUIDs), as `step-record.ts` finds them. */
const UUID_VALUE = '"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"';

/**
 * Gives every person's start and completion in the audit log that has no step record its record,
 * in SQL so the migration adding the table can run it on PGlite and PostgreSQL alike: the same
 * record `stepRecordOf` gives for the row (its command's data, the completed task's state from the
 * row's events, the attachment ids its values name in order). Rerunnable: recorded rows are skipped.
 * Returns the number of records written.
 */
export async function backfillStepRecords(db: Kysely<unknown>): Promise<number> {
  const result = await sql`
    insert into step_records (instance_id, seq, task_id, state_id, actor, action, outcome, comment, data, attachments, at)
    select a.instance_id, a.seq, a.task_id,
      case when a.action = 'start' then null else (
        select e ->> 'stateId'
          from json_array_elements(case when json_typeof(a.detail -> 'events') = 'array'
                                        then a.detail -> 'events' else '[]'::json end) e
          where e ->> 'taskCompleted' = a.task_id and json_typeof(e -> 'stateId') = 'string'
          limit 1) end,
      a.actor, a.action, a.outcome, a.comment, d.data,
      coalesce((
        select json_agg(u.id order by u.first)
          from (select m.match[1] as id, min(m.n) as first
                  from regexp_matches(d.data::text, ${UUID_VALUE}, 'g') with ordinality as m(match, n)
                  group by m.match[1]) u), '[]'::json),
      a.at
    from audit_log a
    cross join lateral (
      select case when json_typeof(a.detail -> 'command' -> 'data') = 'object'
                  then a.detail -> 'command' -> 'data' else '{}'::json end as data) d
    where a.action in ('start', 'complete')
      and coalesce(a.detail ->> 'system', '') <> 'true'
      and not exists (select 1 from step_records r where r.instance_id = a.instance_id and r.seq = a.seq)
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
