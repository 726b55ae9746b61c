import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import { checkConsistency } from './consistency-check';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { InjectedFault, withFaults } from './testing/faulty-database';
import { openTestDatabase, testBackends } from './testing/test-database';

const claim = { amount: 1200, reason: '购买劳保用品', unit: 's1' };

describe.each(testBackends())('fault injection on %s', (backend) => {
  let open: OpenDatabase;
  let healthy: CaseRuntime;

  beforeAll(async () => {
    open = await openTestDatabase(backend);
    healthy = new CaseRuntime({ db: open.db });
    await replaceDirectory(open.db, smallDirectory);
    await healthy.definitions.publish(expenseBundle, 'admin');
  });
  afterAll(async () => {
    await open.close();
  });

  const plans = Array.from({ length: 9 }, (_, i) => i + 1).flatMap((at) => [
    { at, when: 'before' as const },
    { at, when: 'after' as const },
  ]);

  it.each(plans)(
    'given a fault $when statement $at of a completion, then the case is wholly before or after it and consistent',
    async (plan) => {
      const { instanceId } = await healthy.start({
        definitionKey: 'expense',
        data: claim,
        actor: { username: 'w1' },
      });
      const taskId = (await healthy.snapshot(instanceId))!.tasks[0]!.id;
      const faulty = new CaseRuntime({ db: withFaults(open.db, plan).db });
      const command = {
        type: 'complete' as const,
        taskId,
        outcome: 'approve',
        data: { opinion: '同意报销' },
      };
      const outcome = await faulty
        .execute(instanceId, command, { username: 'sec' }, { idempotencyKey: `fi-${plan.at}-${plan.when}` })
        .catch((e) => e);
      const version = (await healthy.snapshot(instanceId))!.version;
      if (outcome instanceof InjectedFault) {
        expect([1, 2]).toContain(version);
        const retried = await healthy.execute(
          instanceId,
          command,
          { username: 'sec' },
          { idempotencyKey: `fi-${plan.at}-${plan.when}` },
        );
        expect(retried.version).toBe(2);
        expect(retried.replayed).toBe(version === 2);
      } else {
        expect(outcome).toMatchObject({ version: 2 });
      }
      expect((await healthy.snapshot(instanceId))!.version).toBe(2);
      expect(await checkConsistency(open.db)).toEqual([]);
    },
  );

  it('given a tampered audit row (triggers disabled by the owner), when verified, then the first broken link is reported', async () => {
    const { instanceId } = await healthy.start({
      definitionKey: 'expense',
      data: claim,
      actor: { username: 'w1' },
    });
    const { verifyAudit } = await import('./audit-verifier');
    expect((await verifyAudit(open.db, instanceId)).broken).toEqual([]);
    const { sql } = await import('kysely');
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(open.db);
    await sql`update audit_log set actor = 'mallory' where instance_id = ${instanceId} and seq = 1`.execute(
      open.db,
    );
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(open.db);
    expect((await verifyAudit(open.db, instanceId)).broken).toEqual([
      { instanceId, seq: 1, reason: 'hash-mismatch' },
    ]);
  });
});
