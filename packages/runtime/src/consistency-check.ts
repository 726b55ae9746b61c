import { type Kysely, sql } from 'kysely';
import { verifyAudit } from './audit-verifier';
import type { Database } from './database/db-schema';

/** One inconsistency between a case's snapshot and its rows. */
export interface Inconsistency {
  instanceId: string;
  problem: string;
}

/**
 * After a crash or under test: every case must be wholly before or after each command. Checks that
 * the audit count equals the version, open task rows equal the snapshot's tasks, timer rows equal
 * its timers (none while suspended), no task or candidate row lacks its case or open task, every hash chain holds and
 * ends at its chain head (seq and hash).
 */
export async function checkConsistency(db: Kysely<Database>): Promise<Inconsistency[]> {
  const problems: Inconsistency[] = [];
  const counts = await sql<{ id: string; version: number; audits: number; last: number | null }>`
    select i.id, i.version, count(a.seq)::int as audits, max(a.seq) as last
    from instances i left join audit_log a on a.instance_id = i.id group by i.id, i.version`.execute(db);
  for (const row of counts.rows) {
    if (row.audits !== row.version || (row.last ?? 0) !== row.version) {
      problems.push({
        instanceId: row.id,
        problem: `version ${row.version} but ${row.audits} audit rows (last ${row.last})`,
      });
    }
  }
  const tasks = await sql<{ id: string }>`
    with snap as (select i.id as instance_id, t->>'id' as task_id from instances i, json_array_elements(i.snapshot->'tasks') t),
    open as (select instance_id, id as task_id from tasks where status = 'open')
    select coalesce(s.instance_id, o.instance_id) as id from snap s full join open o on o.task_id = s.task_id
    where s.task_id is null or o.task_id is null`.execute(db);
  for (const row of tasks.rows)
    problems.push({ instanceId: row.id, problem: 'open task rows differ from the snapshot' });
  const timers = await sql<{ id: string }>`
    with snap as (select i.id as instance_id, t->>'id' as timer_id from instances i, json_array_elements(i.snapshot->'timers') t
      where i.snapshot->'suspension' is null),
    rows as (select instance_id, id as timer_id from timers)
    select coalesce(s.instance_id, r.instance_id) as id from snap s full join rows r on r.timer_id = s.timer_id
    where s.timer_id is null or r.timer_id is null`.execute(db);
  for (const row of timers.rows)
    problems.push({ instanceId: row.id, problem: 'timer rows differ from the snapshot' });
  const orphans = await sql<{ id: string }>`
    select t.instance_id as id from tasks t where not exists (select 1 from instances i where i.id = t.instance_id)
    union all
    select split_part(c.task_id, ':', 1) as id from task_candidates c
    where not exists (select 1 from tasks t where t.id = c.task_id and t.status = 'open')`.execute(db);
  for (const row of orphans.rows)
    problems.push({ instanceId: row.id, problem: 'task or candidate rows without their case or open task' });
  // Each case's chain head is written in its command's statement: never behind or beside its chain.
  const heads = await sql<{ id: string; seq: number | null; last: number }>`
    select a.instance_id as id, h.seq, max(a.seq)::int as last
    from audit_log a left join audit_heads h on h.instance_id = a.instance_id
    group by a.instance_id, h.seq, h.hash
    having h.seq is distinct from max(a.seq)
      or not bool_or(a.seq = h.seq and a.hash = h.hash)`.execute(db);
  for (const row of heads.rows)
    problems.push({
      instanceId: row.id,
      problem: `audit chain head at ${row.seq ?? 'none'} but the chain ends at ${row.last}`,
    });
  const chains = await verifyAudit(db);
  for (const b of chains.broken)
    problems.push({ instanceId: b.instanceId, problem: `audit chain broken at ${b.seq}: ${b.reason}` });
  return problems;
}
