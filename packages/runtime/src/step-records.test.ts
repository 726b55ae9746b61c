import { canActOn } from '@flowform/engine';
import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { replayCases } from './replay-check';
import { openTestDatabase, testBackends } from './testing/test-database';
import { VirtualClock } from './testing/virtual-clock';
import { backfillStepRecords } from './database/step-record-backfill';
import { checkStepRecords } from './step-record-check';

const claim = { amount: 1200, reason: '购买劳保用品', unit: 's1' };
const as = (username: string) => ({ username });

describe.each(testBackends())('step records on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;

  beforeEach(async () => {
    open = await openTestDatabase(backend);
    runtime = new CaseRuntime({ db: open.db, clock: new VirtualClock().now });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(expenseBundle, 'admin');
  });
  afterEach(async () => {
    await open.close();
  });

  async function caseWithTwoSubmissions(): Promise<string> {
    const { instanceId } = await runtime.start({ definitionKey: 'expense', data: claim, actor: as('w1') });
    const snapshot = (await runtime.snapshot(instanceId))!;
    const directory = await runtime.directoryAt();
    const task = snapshot.tasks.find((t) => canActOn('sec', t.candidates, directory))!;
    await runtime.execute(
      instanceId,
      {
        type: 'complete',
        taskId: task.id,
        outcome: 'approve',
        data: { opinion: '同意报销' },
        comment: '可以',
      },
      as('sec'),
    );
    return instanceId;
  }

  const recordsOf = (instanceId: string) =>
    open.db
      .selectFrom('step_records')
      .selectAll()
      .where('instance_id', '=', instanceId)
      .orderBy('seq')
      .execute();

  it('given a start and a completion, when committed, then each has its own record beside its audit row', async () => {
    const instanceId = await caseWithTwoSubmissions();
    const records = await recordsOf(instanceId);
    expect(records.map((r) => [r.seq, r.action, r.actor, r.state_id, r.data, r.comment, r.outcome])).toEqual([
      [1, 'start', 'w1', null, claim, null, null],
      [2, 'complete', 'sec', 'review', { opinion: '同意报销' }, '可以', 'approve'],
    ]);
    const audit = await open.db
      .selectFrom('audit_log')
      .select(['seq', 'task_id'])
      .where('instance_id', '=', instanceId)
      .orderBy('seq')
      .execute();
    expect(records.map((r) => r.task_id)).toEqual(audit.map((a) => a.task_id));
    expect(await checkStepRecords(open.db)).toEqual([]);
  });

  it('given a record, when updated or deleted, then the database refuses', async () => {
    const instanceId = await caseWithTwoSubmissions();
    await expect(
      sql`update step_records set data = '{"opinion":"改了"}' where instance_id = ${instanceId}`.execute(
        open.db,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from step_records where instance_id = ${instanceId}`.execute(open.db),
    ).rejects.toThrow(/append-only/);
  });

  it('given an owner edits a record with the trigger off, when checked and replayed, then the record is named as altered', async () => {
    const instanceId = await caseWithTwoSubmissions();
    await sql`alter table step_records disable trigger step_records_no_update`.execute(open.db);
    await sql`update step_records set data = '{"opinion":"不同意"}' where instance_id = ${instanceId} and seq = 2`.execute(
      open.db,
    );
    const findings = await checkStepRecords(open.db, instanceId);
    expect(findings.map((f) => [f.kind, f.seq])).toEqual([['record-altered', 2]]);
    expect(findings[0]!.detail).toContain('digest');
    const [report] = await replayCases(runtime, instanceId);
    expect(report).toMatchObject({ status: 'different' });
    expect(report!.message).toContain('record-altered');
  });

  it('given records deleted (a database from before the table), when backfilled, then each comes back from its audit row and checks clean', async () => {
    const instanceId = await caseWithTwoSubmissions();
    const before = await recordsOf(instanceId);
    await sql`alter table step_records disable trigger step_records_no_update`.execute(open.db);
    await sql`delete from step_records`.execute(open.db);
    expect((await checkStepRecords(open.db)).map((f) => f.kind)).toEqual([
      'record-missing',
      'record-missing',
    ]);
    expect(await backfillStepRecords(open.db as never)).toBe(2);
    expect(await backfillStepRecords(open.db as never)).toBe(0);
    expect(await recordsOf(instanceId)).toEqual(before);
    expect(await checkStepRecords(open.db)).toEqual([]);
  });
});
