import type { StepError } from '@flowform/engine';
import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import { checkConsistency } from './consistency-check';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import type { RuntimeError } from './runtime-error';
import { concurrencyBackends, openTestDatabase } from './testing/test-database';

/** The expense process with the review urged at most once an hour (催办间隔). */
function hourlyUrge() {
  const definition = structuredClone(expenseBundle.definition);
  definition.key = 'expense-urge';
  definition.machine.states.review!.task!.urgeInterval = 'PT1H';
  return { ...expenseBundle, definition };
}

describe.each(concurrencyBackends())('催办 interval on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;

  beforeAll(async () => {
    open = await openTestDatabase(backend, 20);
    runtime = new CaseRuntime({ db: open.db });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(hourlyUrge(), 'admin');
  });
  afterAll(async () => {
    expect(await checkConsistency(open.db)).toEqual([]);
    await open.close();
  });

  it('given two urges of one task sent at once, then one lands and notifies once; the other is urge-too-soon or a conflict', async () => {
    const { instanceId, tasks } = await runtime.start({
      definitionKey: 'expense-urge',
      data: { amount: 300, reason: '差旅', unit: 's1' },
      actor: { username: 'w1' },
    });
    const urge = () => runtime.execute(instanceId, { type: 'urge', taskId: tasks[0]! }, { username: 'w1' });
    const results = await Promise.allSettled([urge(), urge()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as StepError | RuntimeError).code] : [],
    );
    expect(refused).toHaveLength(1);
    expect(['urge-too-soon', 'conflict']).toContain(refused[0]);
    const notices = await open.db
      .selectFrom('outbox')
      .select('payload')
      .where('instance_id', '=', instanceId)
      .where('kind', '=', 'notify')
      .execute();
    const urged = notices.filter((n) => (n.payload as { kind?: string } | null)?.kind === 'urged');
    expect(urged).toHaveLength(1);
  });

  it('given an urged task, when urged again a moment later, then urge-too-soon with when it is allowed again', async () => {
    const { instanceId, tasks } = await runtime.start({
      definitionKey: 'expense-urge',
      data: { amount: 300, reason: '差旅', unit: 's1' },
      actor: { username: 'w1' },
    });
    await runtime.execute(instanceId, { type: 'urge', taskId: tasks[0]! }, { username: 'w1' });
    const second = await runtime
      .execute(instanceId, { type: 'urge', taskId: tasks[0]! }, { username: 'w1' })
      .catch((error: StepError) => error);
    expect((second as StepError).code).toBe('urge-too-soon');
    const { allowedAt, retryAfter } = (second as StepError).details as {
      allowedAt: string;
      retryAfter: number;
    };
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(Date.parse(allowedAt) - Date.now()).toBeGreaterThan(3_500_000);
  });
});
