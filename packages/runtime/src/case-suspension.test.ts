import { smallDirectory } from '@flowform/engine/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import { checkConsistency } from './consistency-check';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { childBundle, parentBundle } from './testing/parent-child-bundles';
import { openTestDatabase, testBackends } from './testing/test-database';
import { VirtualClock } from './testing/virtual-clock';
import { TimerWorker } from './timer-worker';

describe.each(testBackends())('a suspended case on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;
  let clock: VirtualClock;
  let timers: TimerWorker;

  beforeEach(async () => {
    open = await openTestDatabase(backend);
    clock = new VirtualClock();
    runtime = new CaseRuntime({ db: open.db, clock: clock.now });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(parentBundle, 'admin');
    await runtime.definitions.publish(childBundle, 'admin');
    timers = new TimerWorker({ runtime, workerId: 'w-a', clock: clock.now });
  });
  afterEach(async () => {
    await open.close();
  });

  it('given a case waiting on a timer, when suspended, then the timer does not fire; when resumed, the overdue timer fires', async () => {
    const { instanceId } = await runtime.start({
      definitionKey: 'parent-flow',
      data: { amount: 5 },
      actor: { username: 'w1' },
    });
    await runtime.execute(instanceId, { type: 'suspend', reason: '核查' }, { username: 'admin' });
    expect(await open.db.selectFrom('timers').selectAll().execute()).toEqual([]);
    expect(await checkConsistency(open.db)).toEqual([]);
    clock.advance('PT2H');
    expect(await timers.runOnce()).toBe(0);
    expect((await runtime.snapshot(instanceId))!.machine.value).not.toBe('wait');
    await runtime.execute(instanceId, { type: 'resume', reason: '核查完毕' }, { username: 'admin' });
    expect(await open.db.selectFrom('timers').selectAll().execute()).toHaveLength(1);
    expect(await timers.runOnce()).toBe(1);
    expect((await runtime.snapshot(instanceId))!.machine.value).toBe('wait');
    const audit = await open.db
      .selectFrom('audit_log')
      .select('action')
      .where('instance_id', '=', instanceId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['start', 'suspend', 'resume', 'timerFired']);
    expect(await checkConsistency(open.db)).toEqual([]);
  });
});
