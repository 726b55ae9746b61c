import { sql } from 'kysely';
import type { ServerDb } from '../../database/server-schema';

/**
 * Recomputes open and overdue tasks by unit (of the case) and by person (null: offered, not
 * claimed) as of `now`, in one transaction, from the task rows themselves (so a due date moved by
 * a command counts as it stands). Claims move tasks between people without touching a
 * feed, so these figures are recomputed whole rather than kept incrementally (report-freshness.ts
 * says when). Confidential cases are kept apart by process (class), as in the other summaries.
 */
export async function refreshOpenSnapshot(db: ServerDb, now: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(720202)`.execute(tx);
    await sql`delete from report_open`.execute(tx);
    await sql`
      insert into report_open (kind, name, class, open, overdue)
      select 'unit', r.unit, case when r.confidential then r.definition_key else '' end, count(*),
        count(*) filter (where t.due_at < ${now}::timestamptz)
      from tasks t join report_cases r on r.instance_id = t.instance_id
      where t.status = 'open' group by 2, 3`.execute(tx);
    await sql`
      with secret as (select distinct definition_key from instances where confidential)
      insert into report_open (kind, name, class, open, overdue)
      select 'person', coalesce(assignee, ''), class, count(*), count(*) filter (where due_at < ${now}::timestamptz)
      from (
        select assignee, '' as class, due_at from tasks
        where status = 'open' and definition_key not in (select definition_key from secret)
        union all
        select t.assignee, case when i.confidential then t.definition_key else '' end, t.due_at
        from tasks t join instances i on i.id = t.instance_id
        where t.status = 'open' and t.definition_key in (select definition_key from secret)
      ) x group by 2, 3`.execute(tx);
  });
}
