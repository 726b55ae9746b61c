import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer } from '../testing/test-server';
import { DEMO_CASES, seedDemoCases } from './demo-cases';

describe('the demo cases in progress', () => {
  let s: Awaited<ReturnType<typeof openTestServer>>;
  beforeAll(async () => {
    s = await openTestServer();
  });
  afterAll(() => s.close());

  it('given the demo organisation and processes, when the demo cases are seeded, then every one starts and waits with its people', async () => {
    const { started, skipped } = await seedDemoCases(s.ctx);
    expect(skipped).toEqual([]);
    expect(started).toHaveLength(DEMO_CASES.length);
    const waiting = await Promise.all(
      started.map(async (id) => (await s.ctx.runtime.snapshot(id))?.tasks.map((t) => t.stateId) ?? []),
    );
    for (const states of waiting) expect(states.length).toBeGreaterThan(0);
    // The second hardship case had its home visit: it waits at a later step than the first.
    expect(waiting[1]).not.toEqual(waiting[0]);
  });

  it('given a process that is not published, when its demo case is seeded, then it is skipped by name and the rest start', async () => {
    const { started, skipped } = await seedDemoCases(s.ctx, [
      { definitionKey: 'no-such-process', starter: 'admin', data: {}, steps: [] },
      DEMO_CASES[0]!,
    ]);
    expect(started).toHaveLength(1);
    expect(skipped).toEqual([expect.stringContaining('no-such-process')]);
  });
});
