import type { DefinitionBundle } from '@flowform/engine';
import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import { rerunMigration } from './database/migrations';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { openTestDatabase, testBackends } from './testing/test-database';

/** The expense claim with its end states saying how a claim ended. */
function declared(): DefinitionBundle {
  const definition = structuredClone(expenseBundle.definition);
  definition.machine.states.paid!.outcome = 'approved';
  definition.machine.states.rejected!.outcome = 'rejected';
  return { definition, forms: expenseBundle.forms };
}

describe.each(testBackends())('the case row says how the case ended on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;
  const ids = { rejected: '', cancelled: '', running: '' };
  const outcomes = async () =>
    Object.fromEntries(
      (await open.db.selectFrom('instances').select(['id', 'outcome']).execute()).map((r) => [
        r.id,
        r.outcome,
      ]),
    );

  beforeAll(async () => {
    open = await openTestDatabase(backend);
    runtime = new CaseRuntime({ db: open.db, clock: () => '2026-03-02T08:00:00.000Z' });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(declared(), 'admin');
    const start = () =>
      runtime.start({
        definitionKey: 'expense',
        data: { amount: 1200, reason: '购买劳保用品', unit: 's1' },
        actor: { username: 'w1' },
      });
    const rejected = await start();
    ids.rejected = rejected.instanceId;
    await runtime.execute(
      ids.rejected,
      { type: 'complete', taskId: rejected.tasks[0]!, outcome: 'reject', comment: '超出标准' },
      { username: 'sec' },
    );
    ids.cancelled = (await start()).instanceId;
    await runtime.execute(ids.cancelled, { type: 'cancel', reason: '重复' }, { username: 'admin' });
    ids.running = (await start()).instanceId;
  });
  afterAll(async () => {
    await open.close();
  });

  it('given cases rejected, cancelled and running, then each row carries its outcome as the command wrote it', async () => {
    const found = await outcomes();
    expect([found[ids.rejected], found[ids.cancelled], found[ids.running]]).toEqual([
      'rejected',
      'cancelled',
      null,
    ]);
  });

  it('given rows written before the column existed, when the migration runs, then ended cases are backfilled from their definition', async () => {
    await sql`update instances set outcome = null`.execute(open.db);
    await rerunMigration(open.db as Kysely<unknown>, '2026_12_03_500_case_outcome');
    const found = await outcomes();
    expect([found[ids.rejected], found[ids.cancelled], found[ids.running]]).toEqual([
      'rejected',
      'cancelled',
      null,
    ]);
  });
});
