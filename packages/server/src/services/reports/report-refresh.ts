import { sql } from 'kysely';
import type { ServerDb } from '../../database/server-schema';

/**
 * Rows committed this long after an earlier one may carry an earlier time (a command's time is
 * taken before its statement runs); each refresh reads its feeds again from this far back, and
 * counts each case and task once whatever it reads twice.
 */
const OVERLAP = "interval '2 minutes'";

/** One lock for refreshes, so two never count the same row at once. */
const LOCK_KEY = 720_201;

const FEEDS = {
  started: sql`(select max(started_at) from instances)`,
  ended: sql`(select max(ended_at) from instances where ended_at is not null)`,
  created: sql`(select max(created_at) from tasks)`,
  done: sql`(select max(ended_at) from tasks where ended_at is not null)`,
} as const;

type Feed = keyof typeof FEEDS;

/**
 * Brings the report summaries up to date with the cases and tasks written since the last refresh
 * (incremental: reads only rows newer than each feed's watermark, by index). Commands never write
 * these tables, so the command path pays only for the indexes the feeds read. Runs in one
 * transaction; safe to call from any number of requests and processes.
 */
export async function refreshReports(db: ServerDb): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(tx);
    const marks = await readMarks(tx);
    const since = (feed: Feed) => sql.raw(`'${marks.from[feed]}'::timestamptz - ${OVERLAP}`);
    await sql`
      with fresh as (
        insert into report_cases (instance_id, definition_key, unit, confidential, started_at)
        select id, definition_key, coalesce(snapshot->>'caseUnit', ''), confidential, started_at
        from instances where started_at > ${since('started')}
        on conflict (instance_id) do nothing
        returning definition_key, unit, confidential, started_at)
      insert into report_case_weeks (definition_key, unit, week, confidential, started)
      select definition_key, unit, date_trunc('week', started_at at time zone 'UTC')::date, confidential, count(*)
      from fresh group by 1, 2, 3, 4
      on conflict (week, definition_key, unit, confidential) do update set started = report_case_weeks.started + excluded.started`.execute(
      tx,
    );
    const ended = await sql`
      with ended as (
        update report_cases r set ended_at = i.ended_at, status = i.status,
          final_state = case when i.status = 'completed' and json_typeof(i.snapshot->'machine'->'value') = 'string'
            then i.snapshot->'machine'->>'value' else '' end
        from instances i
        where i.ended_at > ${since('ended')} and r.instance_id = i.id and r.ended_at is null
        returning r.*),
      weeks as (
        insert into report_case_weeks (definition_key, unit, week, confidential, ended)
        select definition_key, unit, date_trunc('week', ended_at at time zone 'UTC')::date, confidential, count(*)
        from ended group by 1, 2, 3, 4
        on conflict (week, definition_key, unit, confidential) do update set ended = report_case_weeks.ended + excluded.ended),
      outcomes as (
        insert into report_outcomes (definition_key, status, final_state, confidential, n)
        select definition_key, status, final_state, confidential, count(*) from ended group by 1, 2, 3, 4
        on conflict (definition_key, status, final_state, confidential) do update set n = report_outcomes.n + excluded.n)
      insert into report_durations (definition_key, state_id, confidential, minutes, n)
      select definition_key, '', confidential, report_minutes(started_at, ended_at), count(*)
      from ended where status = 'completed' group by 1, 2, 3, 4
      on conflict (definition_key, state_id, confidential, minutes) do update set n = report_durations.n + excluded.n`.execute(
      tx,
    );
    await sql`
      insert into report_tasks (task_id, instance_id, definition_key, state_id, unit, confidential, created_at)
      select t.id, t.instance_id, t.definition_key, t.state_id, r.unit, r.confidential, t.created_at
      from tasks t join report_cases r on r.instance_id = t.instance_id
      where t.created_at > ${since('created')}
      on conflict (task_id) do nothing`.execute(tx);
    const done = await sql`
      with done as (
        update report_tasks r set ended_at = t.ended_at, completed = (t.status = 'completed')
        from tasks t
        where t.ended_at > ${since('done')} and r.task_id = t.id and r.ended_at is null
        returning r.*)
      insert into report_durations (definition_key, state_id, confidential, minutes, n)
      select definition_key, state_id, confidential, report_minutes(created_at, ended_at), count(*)
      from done where completed group by 1, 2, 3, 4
      on conflict (definition_key, state_id, confidential, minutes) do update set n = report_durations.n + excluded.n`.execute(
      tx,
    );
    if (Number(ended.numAffectedRows ?? 0) + Number(done.numAffectedRows ?? 0) > 0) await percentiles(tx);
    for (const feed of Object.keys(FEEDS) as Feed[]) {
      const to = marks.to[feed];
      if (!to) continue;
      await sql`insert into report_watermarks (feed, at) values (${feed}, ${to}::timestamptz)
        on conflict (feed) do update set at = greatest(report_watermarks.at, excluded.at)`.execute(tx);
    }
  });
}

/** Nearest-rank p50 and p90 of every step's (and whole case's) durations, from the histogram. */
async function percentiles(tx: ServerDb): Promise<void> {
  await sql`delete from report_percentiles`.execute(tx);
  await sql`
    insert into report_percentiles (definition_key, state_id, confidential, count, p50, p90)
    select definition_key, state_id, confidential, max(total),
      min(minutes) filter (where cum >= 0.5 * total), min(minutes) filter (where cum >= 0.9 * total)
    from (
      select *, sum(n) over (partition by definition_key, state_id, confidential order by minutes) as cum,
        sum(n) over (partition by definition_key, state_id, confidential) as total
      from report_durations) c
    group by 1, 2, 3`.execute(tx);
}

/** Where each feed starts (its watermark) and where it will stand after this refresh. */
async function readMarks(tx: ServerDb) {
  const stored = await tx.selectFrom('report_watermarks').select(['feed', 'at']).execute();
  const from = {} as Record<Feed, string>;
  const to = {} as Record<Feed, string | undefined>;
  for (const feed of Object.keys(FEEDS) as Feed[]) {
    const row = stored.find((r) => r.feed === feed);
    from[feed] = row ? new Date(row.at).toISOString() : '-infinity';
    const { rows } = await sql<{ at: Date | null }>`select ${FEEDS[feed]} as at`.execute(tx);
    to[feed] = rows[0]?.at ? new Date(rows[0].at).toISOString() : undefined;
  }
  return { from, to };
}
