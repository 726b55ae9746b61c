import { type RawBuilder, sql } from 'kysely';
import type { ServerDb } from '../../database/server-schema';
import type { ReportViewer } from './report-viewer';

/**
 * The confidential cases a viewer may see one by one (not in a whole process), as an SQL array.
 * Joined as `unnest(…)` rather than tested with `= any(…)`: one index probe per case, where the
 * planner scanned a whole table (or a whole index) against 2,000 ids.
 */
const visibleIds = (viewer: ReportViewer): RawBuilder<unknown> => sql`${viewer.confidentialIds}::text[]`;

/** Summary rows the viewer may count: not confidential, or of a process they may see whole. */
const counted = (viewer: ReportViewer): RawBuilder<boolean> =>
  sql<boolean>`(not confidential or definition_key = any(${viewer.wholeProcesses}::text[]))`;

/** Cases started and ended per week (Monday, UTC) by process and case unit, from `from` on. */
export async function caseFlow(db: ServerDb, viewer: ReportViewer, from: string) {
  const { rows } = await sql<{
    definition_key: string;
    unit: string;
    week: string;
    started: number;
    ended: number;
  }>`
    select definition_key, unit, to_char(week, 'YYYY-MM-DD') as week, sum(started)::int as started, sum(ended)::int as ended
    from (
      select definition_key, unit, week, started, ended from report_case_weeks
      where week >= ${from}::date and ${counted(viewer)}
      union all
      select r.definition_key, r.unit, v.week, v.started, v.ended
      from report_cases r join unnest(${visibleIds(viewer)}) i(id) on r.instance_id = i.id
      cross join lateral (values
        (date_trunc('week', r.started_at at time zone 'UTC')::date, 1, 0),
        (date_trunc('week', r.ended_at at time zone 'UTC')::date, 0, 1)) v(week, started, ended)
      where v.week >= ${from}::date
    ) x
    group by 1, 2, 3 order by 3, 1, 2`.execute(db);
  return rows.map((r) => ({
    definitionKey: r.definition_key,
    unit: r.unit,
    week: r.week,
    started: r.started,
    ended: r.ended,
  }));
}

/**
 * Cycle times in minutes (nearest-rank p50 and p90) per process (`stateId` null: start to end of
 * completed cases) and per step (a completed task from creation to completion). Read from the
 * precomputed percentiles, except for processes whose figures merge several parts for this viewer
 * (confidential cases counted one by one, or a process with both kinds of case): those are
 * recomputed from the histogram; the viewer's own cases are read once.
 */
export async function cycleTimes(db: ServerDb, viewer: ReportViewer) {
  const { rows } = await sql<{
    definition_key: string;
    state_id: string;
    count: number;
    p50: string;
    p90: string;
  }>`
    with mine as (
      select definition_key, status, started_at, ended_at
      from report_cases r join unnest(${visibleIds(viewer)}) v(id) on r.instance_id = v.id),
    mixed as (
      select definition_key from mine
      union
      select definition_key from report_percentiles where ${counted(viewer)}
      group by definition_key, state_id having count(*) > 1),
    h as (
      select definition_key, state_id, minutes, n from report_durations
      where ${counted(viewer)} and definition_key in (select definition_key from mixed)
      union all
      select definition_key, '', report_minutes(started_at, ended_at), 1 from mine
      where status = 'completed'
      union all
      select definition_key, state_id, report_minutes(created_at, ended_at), 1
      from report_tasks t join unnest(${visibleIds(viewer)}) v(id) on t.instance_id = v.id
      where completed),
    g as (select definition_key, state_id, minutes, sum(n) as n from h group by 1, 2, 3),
    c as (
      select g.*, sum(n) over (partition by definition_key, state_id order by minutes) as cum,
        sum(n) over (partition by definition_key, state_id) as total
      from g)
    select definition_key, state_id, max(total)::int as count,
      min(minutes) filter (where cum >= 0.5 * total) as p50,
      min(minutes) filter (where cum >= 0.9 * total) as p90
    from c group by 1, 2
    union all
    select definition_key, state_id, count, p50, p90 from report_percentiles
    where ${counted(viewer)} and definition_key not in (select definition_key from mixed)
    order by 1, 2`.execute(db);
  return rows.map((r) => ({
    definitionKey: r.definition_key,
    stateId: r.state_id === '' ? null : r.state_id,
    count: r.count,
    p50Minutes: Number(r.p50),
    p90Minutes: Number(r.p90),
  }));
}

/** Snapshot rows the viewer may count: non-confidential cases, or a process they may see whole. */
const countedClass = (viewer: ReportViewer): RawBuilder<boolean> =>
  sql<boolean>`(class = '' or class = any(${viewer.wholeProcesses}::text[]))`;

/**
 * Open tasks and those past due, by the unit of their case ('' when it has none), as of the open
 * snapshot's time `asOf` (open-snapshot.ts); the confidential cases counted one by one are read live.
 */
export async function openByUnit(db: ServerDb, viewer: ReportViewer, asOf: string) {
  const { rows } = await sql<{ unit: string; open: number; overdue: number }>`
    select unit, sum(open)::int as open, sum(overdue)::int as overdue
    from (
      select name as unit, open, overdue from report_open where kind = 'unit' and ${countedClass(viewer)}
      union all
      select unit, 1, case when due_at < ${asOf}::timestamptz then 1 else 0 end
      from (
        -- the unit looked up per open task (a join was planned as a hash of all of report_cases);
        -- null: the case is not summarised yet, left out as a join would
        select (select unit from report_cases r where r.instance_id = t.instance_id) as unit, t.due_at
        from tasks t join unnest(${visibleIds(viewer)}) v(id) on t.instance_id = v.id
        where t.status = 'open') o
      where unit is not null
    ) x
    group by 1 order by 2 desc, 1`.execute(db);
  return rows;
}

/**
 * Open and overdue tasks by the person holding them (null: offered, not yet claimed) as of the
 * open snapshot's time `asOf`; the `limit` busiest.
 */
export async function openByPerson(db: ServerDb, viewer: ReportViewer, asOf: string, limit = 100) {
  const { rows } = await sql<{ assignee: string | null; open: number; overdue: number }>`
    select nullif(name, '') as assignee, sum(open)::int as open, sum(overdue)::int as overdue
    from (
      select name, open, overdue from report_open where kind = 'person' and ${countedClass(viewer)}
      union all
      select coalesce(assignee, ''), 1, case when due_at < ${asOf}::timestamptz then 1 else 0 end
      from tasks t join unnest(${visibleIds(viewer)}) v(id) on t.instance_id = v.id
      where status = 'open'
    ) x
    group by 1 order by 2 desc, 1 nulls first limit ${limit}`.execute(db);
  return rows;
}

/** Ended cases by process, status (completed, cancelled) and the final state they ended in. */
export async function outcomeCounts(db: ServerDb, viewer: ReportViewer) {
  const { rows } = await sql<{ definition_key: string; status: string; final_state: string; count: number }>`
    select definition_key, status, final_state, sum(n)::int as count
    from (
      select definition_key, status, final_state, n from report_outcomes where ${counted(viewer)}
      union all
      select definition_key, status, final_state, 1
      from report_cases r join unnest(${visibleIds(viewer)}) v(id) on r.instance_id = v.id
      where ended_at is not null
    ) x
    group by 1, 2, 3 order by 1, 4 desc, 3`.execute(db);
  return rows;
}
