import { smallDirectory } from '@flowform/engine/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseRuntime } from './case-runtime';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { OutboxWorker } from './outbox-worker';
import { childBundle, parentBundle } from './testing/parent-child-bundles';
import { openTestDatabase, testBackends } from './testing/test-database';
import { VirtualClock } from './testing/virtual-clock';
import { TimerWorker } from './timer-worker';

describe.each(testBackends())('timer and outbox workers on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;
  let clock: VirtualClock;
  let timers: TimerWorker;
  let outbox: OutboxWorker;
  const notified: string[] = [];

  beforeEach(async () => {
    open = await openTestDatabase(backend);
    clock = new VirtualClock();
    runtime = new CaseRuntime({ db: open.db, clock: clock.now });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(parentBundle, 'admin');
    await runtime.definitions.publish(childBundle, 'admin');
    timers = new TimerWorker({ runtime, workerId: 'w-a', clock: clock.now });
    outbox = new OutboxWorker({
      runtime,
      workerId: 'w-a',
      handlers: { notify: async (e) => void notified.push(...e.users) },
    });
  });
  afterEach(async () => {
    await open.close();
  });

  it('given a timer not yet due, when the worker runs, then nothing fires; when due, it fires once', async () => {
    const { instanceId } = await runtime.start({
      definitionKey: 'parent-flow',
      data: { amount: 5 },
      actor: { username: 'w1' },
    });
    expect(await timers.runOnce()).toBe(0);
    clock.advance('PT1H');
    expect(await timers.runOnce()).toBe(1);
    expect(await timers.runOnce()).toBe(0);
    const snap = (await runtime.snapshot(instanceId))!;
    expect(snap.machine.value).toBe('wait');
    expect(await open.db.selectFrom('timers').selectAll().execute()).toEqual([]);
  });

  it('given a parent waiting for a child, when the outbox runs and the child ends, then the parent finishes', async () => {
    const { instanceId } = await runtime.start({
      definitionKey: 'parent-flow',
      data: { amount: 5 },
      actor: { username: 'w1' },
    });
    clock.advance('PT1H');
    await timers.runOnce();
    expect(await outbox.runOnce()).toBeGreaterThan(0);
    const parent = (await runtime.snapshot(instanceId))!;
    const childId = parent.children[0]!.id;
    const child = (await runtime.snapshot(childId))!;
    expect(child.data).toEqual({ amount: 10 });
    expect(child.initiator).toBe('w1');
    await runtime.execute(
      childId,
      { type: 'complete', taskId: child.tasks[0]!.id, outcome: 'ok' },
      { username: 'head' },
    );
    await outbox.runOnce();
    const finished = (await runtime.snapshot(instanceId))!;
    expect(finished.status).toBe('completed');
    expect(finished.machine.value).toBe('done');
    expect(notified).toContain('head');
  });

  it('given an outbox effect delivered twice (a crash before marking it), when redelivered, then nothing changes', async () => {
    const { instanceId } = await runtime.start({
      definitionKey: 'parent-flow',
      data: { amount: 5 },
      actor: { username: 'w1' },
    });
    clock.advance('PT1H');
    await timers.runOnce();
    await outbox.runOnce();
    await open.db.updateTable('outbox').set({ delivered_at: null }).execute();
    await outbox.runOnce();
    expect(
      await open.db.selectFrom('instances').select('id').where('parent_id', '=', instanceId).execute(),
    ).toHaveLength(1);
  });

  it('given a parent cancelled by an administrator, when the outbox runs, then the running child is cancelled too', async () => {
    const { instanceId } = await runtime.start({
      definitionKey: 'parent-flow',
      data: { amount: 5 },
      actor: { username: 'w1' },
    });
    clock.advance('PT1H');
    await timers.runOnce();
    await outbox.runOnce();
    const childId = (await runtime.snapshot(instanceId))!.children[0]!.id;
    await runtime.execute(instanceId, { type: 'cancel' }, { username: 'admin' });
    await outbox.runOnce();
    expect((await runtime.snapshot(childId))!.status).toBe('cancelled');
  });

  it('given a running outbox worker polling hourly, when commits wake it, then their effects are delivered and marked at once, with no empty poll after a partial batch', async () => {
    const worker = new OutboxWorker({
      runtime,
      workerId: 'w-c',
      intervalMs: 3_600_000,
      handlers: { notify: async (e) => void notified.push(...e.users) },
    });
    const runs = vi.spyOn(worker, 'runOnce');
    worker.start();
    await vi.waitFor(() => expect(runs).toHaveBeenCalledTimes(1));
    await runs.mock.results[0]!.value;
    await runtime.start({ definitionKey: 'parent-flow', data: { amount: 5 }, actor: { username: 'w1' } });
    clock.advance('PT1H');
    await timers.runOnce();
    worker.wake();
    worker.wake();
    await vi.waitFor(async () => {
      const pending = await open.db
        .selectFrom('outbox')
        .select('id')
        .where('delivered_at', 'is', null)
        .execute();
      expect(pending).toEqual([]);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await worker.stop();
    // the wake's batch (the child's start), the child's notification at once; then no empty poll
    expect(runs).toHaveBeenCalledTimes(3);
    expect(await runs.mock.results.at(-1)!.value).toBeGreaterThan(0);
    const rows = await open.db.selectFrom('outbox').select(['delivered_at', 'locked_by']).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.delivered_at !== null && r.locked_by === null)).toBe(true);
  });

  it('given a failing notify handler, when delivered, then it is retried later with the error recorded', async () => {
    const failing = new OutboxWorker({
      runtime,
      workerId: 'w-b',
      handlers: { notify: async () => Promise.reject(new Error('receiver down')) },
    });
    await runtime.start({ definitionKey: 'parent-flow', data: { amount: 5 }, actor: { username: 'w1' } });
    clock.advance('PT1H');
    await timers.runOnce();
    await failing.runOnce();
    await failing.runOnce();
    const child = await runtime.db
      .selectFrom('instances')
      .select('id')
      .where('definition_key', '=', 'child-flow')
      .executeTakeFirstOrThrow();
    await runtime
      .execute(
        child.id,
        { type: 'urge', taskId: (await runtime.snapshot(child.id))!.tasks[0]!.id },
        { username: 'w1' },
      )
      .catch(() => undefined);
    const rows = await open.db.selectFrom('outbox').selectAll().where('kind', '=', 'notify').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.delivered_at === null && r.last_error === 'receiver down')).toBe(true);
  });
});
