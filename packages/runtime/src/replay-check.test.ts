import type { DirectorySeed } from '@flowform/engine';
import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory, setRoleHolder } from './directory-store';
import { replayCases } from './replay-check';
import { openTestDatabase, testBackends } from './testing/test-database';

/** The directory after w1 left the station and the branch got a new secretary. */
const reorganised: DirectorySeed = {
  ...smallDirectory,
  memberships: smallDirectory.memberships.filter((m) => m.username !== 'w1'),
};

describe.each(testBackends())('replay across directory changes on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;

  beforeAll(async () => {
    open = await openTestDatabase(backend);
    runtime = new CaseRuntime({ db: open.db });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(expenseBundle, 'admin');
  });
  afterAll(async () => {
    await open.close();
  });

  it('given a case started and reviewed before w1 left and the secretary changed, when replayed, then each command runs on the directory it ran on and the snapshot is the same', async () => {
    const { instanceId, tasks } = await runtime.start({
      definitionKey: 'expense',
      data: { amount: 1200, reason: '购买劳保用品', unit: 's1' },
      actor: { username: 'w1' },
    });
    await runtime.execute(
      instanceId,
      { type: 'complete', taskId: tasks[0]!, outcome: 'approve', data: { opinion: '同意报销' } },
      { username: 'sec' },
    );
    await replaceDirectory(open.db, reorganised);
    await setRoleHolder(open.db, 'branchSecretary', 'b1', 'sec2');
    const history = await open.db
      .selectFrom('directory_history')
      .select('version')
      .orderBy('version')
      .execute();
    expect(history.map((h) => Number(h.version))).toEqual([1, 2, 3]);

    expect(await replayCases(runtime, instanceId)).toEqual([
      { instanceId, status: 'same', directoryChanged: false },
    ]);
  });

  it('given commands from directory versions the history does not hold, when replayed, then today’s directory is used and the report says so', async () => {
    const { instanceId } = await runtime.start({
      definitionKey: 'expense',
      data: { amount: 300, reason: '文具', unit: 's1' },
      actor: { username: 'w2' },
    });
    await sql`delete from directory_history`.execute(open.db);
    await setRoleHolder(open.db, 'worker', 's1', 'w1'); // w2 is no longer a worker
    const [report] = await replayCases(runtime, instanceId);
    expect(report).toMatchObject({ instanceId, status: 'failed', directoryChanged: true });
    expect(report!.message).toMatch(/may not start/);
  });
});
