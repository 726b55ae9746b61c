// The reports data set: the inbox data set (inbox-data.ts: 200,000 cases, 1,000,000 tasks) spread
// over the shipped processes and the demo directory's units, started over 26 weeks, 60% ended
// (a tenth of those cancelled, a third of the completed ones rejected), 1% confidential
// (accountability reports, which district leaders may see), tasks lasting minutes to days.
import type { Database } from '@flowform/runtime';
import { type Kysely, sql } from 'kysely';
import { buildInboxData } from './inbox-data';

const OPEN_PROCESSES = [
  'hardship-assistance',
  'labour-competition',
  'supervision-bulletin',
  'scrap-material-recovery',
  'branch-secretary-reassignment',
  'quarterly-cadre-evaluation',
];

/** Writes the data set into a migrated database holding the demo directory and shipped processes. */
export async function buildReportsData(db: Kysely<Database>): Promise<void> {
  await buildInboxData(db);
  console.log('spreading cases over processes, units and 26 weeks …');
  await sql`
    with u as (select array_agg(id order by id) as a, count(*)::int as n from directory_units where id <> 'd'),
    x as (
      select 'i' || g as id, g,
        case when g % 100 = 0 then 'accountability-investigation'
          else (${OPEN_PROCESSES}::text[])[1 + (abs(hashint4(g)) % 6)] end as key,
        (select a[1 + abs(hashint4(g + 7)) % n] from u) as unit,
        now() - (g * 78 || ' seconds')::interval as started,
        (abs(hashint4(g * 3)) % 30000 || ' minutes')::interval as took
      from generate_series(1, 200000) g),
    y as (
      select x.*, case when g % 10 < 6 and started + took < now() then (case when g % 10 = 5 then 'cancelled' else 'completed' end)
        else 'running' end as status
      from x)
    update instances i set
      definition_key = y.key,
      confidential = (y.key = 'accountability-investigation'),
      started_at = y.started,
      status = y.status,
      ended_at = case when y.status = 'running' then null else y.started + y.took end,
      snapshot = json_build_object(
        'instanceId', i.id, 'definitionKey', y.key, 'definitionVersion', 1, 'status', y.status,
        'initiator', i.initiator, 'caseUnit', y.unit, 'startedAt', y.started,
        'machine', json_build_object('value', case when y.status <> 'completed' then 'open'
          when abs(hashint4(y.g * 5)) % 3 = 0 then (case when y.key = 'accountability-investigation' then 'dismissed' else 'rejected' end)
          else 'closed' end, 'historyValue', '{}'::json),
        'data', '{}'::json, 'tasks', '[]'::json, 'timers', '[]'::json, 'children', '[]'::json,
        'votes', '{}'::json, 'performers', '{}'::json, 'cc', '[]'::json, 'version', 1, 'seq', 0)
    from y where i.id = y.id`.execute(db);
  console.log('giving 1,000,000 tasks their processes, steps and durations …');
  await sql`
    update tasks t set
      definition_key = i.definition_key,
      state_id = 'step' || (1 + abs(hashint4(substr(t.id, 2)::int)) % 5),
      created_at = i.started_at + (abs(hashint4(substr(t.id, 2)::int + 11)) % 10000 || ' minutes')::interval,
      due_at = i.started_at + (abs(hashint4(substr(t.id, 2)::int + 11)) % 10000 + 4320 || ' minutes')::interval,
      ended_at = case when t.status = 'open' then null
        else least(now(), i.started_at + (abs(hashint4(substr(t.id, 2)::int + 11)) % 10000
          + abs(hashint4(substr(t.id, 2)::int + 13)) % 6000 || ' minutes')::interval) end
    from instances i where i.id = t.instance_id`.execute(db);
}
