// The inbox data set (inbox-bench.ts, and the reports bench on top of it): 10,000 users holding ~3
// of 200 roles with skewed popularity, 200,000 cases, 1,000,000 tasks (30% open, half of those
// offered to a role, ~17,000 on the hottest).
import type { Database } from '@flowform/runtime';
import { type Kysely, sql } from 'kysely';

/** Writes the data set into a migrated, empty (but for the directory) database. */
export async function buildInboxData(db: Kysely<Database>): Promise<void> {
  console.log('building 10,000 users, 200 roles, 1,000,000 tasks …');
  await sql`insert into directory_units values ('d', 'district', '{"zh-CN":"区","en":"District"}', null)`.execute(
    db,
  );
  await sql`insert into directory_users (username, display_name) select 'u' || lpad(g::text, 5, '0'), '{"zh-CN":"用户","en":"User"}' from generate_series(0, 9999) g`.execute(
    db,
  );
  // Role popularity is skewed: role r000 is held by many, later roles by few (about 3 roles per user).
  await sql`insert into directory_memberships (username, role, unit)
    select distinct 'u' || lpad(u::text, 5, '0'), 'r' || lpad(least(199, floor(200 * power(random(), 2.2)))::int::text, 3, '0'), 'd'
    from generate_series(0, 9999) u, generate_series(1, 3) k`.execute(db);
  await sql`insert into definitions (key, version, hash, bundle, published_by) values ('bench', 1, 'x', '{}', 'bench')`.execute(
    db,
  );
  await sql`insert into instances (id, definition_key, definition_version, snapshot, version, status, initiator, started_at, updated_at)
    select 'i' || g, 'bench', 1, '{}', 1, 'running', 'u' || lpad((g % 10000)::text, 5, '0'), now() - (g || ' seconds')::interval, now()
    from generate_series(1, 200000) g`.execute(db);
  // 1,000,000 tasks: 30% open; half of the open ones offered to a role, with ~17,000 on the hottest role.
  // Each case has a title (an applicant's name and an amount), its initiator and unit, as written by the runtime.
  await sql`insert into tasks (id, instance_id, definition_key, state_id, title, status, assignee, created_at, due_at, urged, ended_at, ended_by, search, case_title, initiator, case_unit)
    select 't' || g, 'i' || (1 + g % 200000), 'bench', 's', '{"zh-CN":"审批","en":"Approve"}',
      case when g % 10 < 3 then 'open' else 'completed' end,
      case when g % 10 < 3 and g % 2 = 1 then null else 'u' || lpad((hashint4(g) & 8191 + (g % 1808))::text, 5, '0') end,
      now() - (g || ' seconds')::interval, now() + ((g % 100) || ' hours')::interval, 0,
      case when g % 10 < 3 then null else now() end,
      case when g % 10 < 3 then null else 'u' || lpad((g % 10000)::text, 5, '0') end,
      'approve 审批 申请人' || (1 + g % 200000) || ' ' || (100 * (1 + g % 50)) || ' 元 u' || lpad(((1 + g % 200000) % 10000)::text, 5, '0'),
      json_build_object('zh-CN', '申请人' || (1 + g % 200000) || ' · ' || (100 * (1 + g % 50)) || ' 元',
        'en', '申请人' || (1 + g % 200000) || ' · CNY ' || (100 * (1 + g % 50))),
      'u' || lpad(((1 + g % 200000) % 10000)::text, 5, '0'), 'd'
    from generate_series(1, 1000000) g`.execute(db);
  await sql`insert into task_candidates (task_id, role, unit, username, created_at)
    select t.id, case when random() < 0.17 then 'r000' else 'r' || lpad((1 + floor(199 * power(random(), 1.5)))::int::text, 3, '0') end, 'd', null, t.created_at
    from tasks t where t.status = 'open' and t.assignee is null`.execute(db);
}
