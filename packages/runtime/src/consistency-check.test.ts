import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import { checkConsistency } from './consistency-check';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { openTestDatabase, testBackends } from './testing/test-database';

describe.each(testBackends())('consistency check on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;

  beforeEach(async () => {
    open = await openTestDatabase(backend);
    runtime = new CaseRuntime({ db: open.db });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(expenseBundle, 'admin');
  });
  afterEach(async () => {
    await open.close();
  });

  it('given cases written by the runtime, then nothing is found', async () => {
    await runtime.start({
      definitionKey: 'expense',
      data: { amount: 100, reason: '差旅', unit: 's1' },
      actor: { username: 'w1' },
    });
    expect(await checkConsistency(open.db)).toEqual([]);
  });

  it('given a task row without its case and candidate rows of a closed task, then both are reported', async () => {
    const { instanceId, tasks } = await runtime.start({
      definitionKey: 'expense',
      data: { amount: 100, reason: '差旅', unit: 's1' },
      actor: { username: 'w1' },
    });
    await sql`insert into tasks (id, instance_id, definition_key, state_id, title, status, created_at)
      values ('ghost:t1', 'ghost', 'expense', 'review', '{}'::jsonb, 'closed', now())`.execute(open.db);
    await sql`insert into task_candidates (task_id, role, unit, username, created_at)
      values ('ghost:t1', 'branchSecretary', 'b1', null, now())`.execute(open.db);
    const problems = await checkConsistency(open.db);
    expect(problems.filter((p) => p.problem.startsWith('task or candidate rows'))).toEqual([
      { instanceId: 'ghost', problem: 'task or candidate rows without their case or open task' },
      { instanceId: 'ghost', problem: 'task or candidate rows without their case or open task' },
    ]);
    expect(problems.some((p) => p.instanceId === instanceId)).toBe(false);
    expect(tasks).toHaveLength(1);
  });
});
