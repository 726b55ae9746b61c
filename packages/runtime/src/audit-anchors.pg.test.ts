import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAuditAnchors } from './audit-anchor-check';
import { writeCheckpoint } from './audit-checkpoint';
import { CaseRuntime } from './case-runtime';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { loopBundle, TEST_AUDIT_KEY } from './testing/audit-tamper';
import { openTestDatabase } from './testing/test-database';

const actor = { username: 'u1' };
const text = (s: string) => ({ 'zh-CN': s, en: s });

describe('audit chain heads under concurrent writers on postgres', () => {
  let open: OpenDatabase;
  beforeAll(async () => {
    open = await openTestDatabase('postgres', 16);
    await replaceDirectory(open.db, {
      users: [{ username: 'u1', displayName: text('u') }],
      units: [],
      memberships: [],
      contracts: [],
    });
    await new CaseRuntime({ db: open.db }).definitions.publish(loopBundle, 'u1');
  });
  afterAll(async () => {
    await open?.close();
  });

  it('given two runtimes racing on the same cases while checkpoints are written, then every head ends at its chain tail with a valid MAC and the checkpoints hold', async () => {
    // Two runtimes with their own caches and batchers: the second process's view of the cases.
    const runtimes = [0, 1].map(() => new CaseRuntime({ db: open.db, auditKey: TEST_AUDIT_KEY }));
    const cases: string[] = [];
    for (let i = 0; i < 8; i++)
      cases.push((await runtimes[i % 2]!.start({ definitionKey: 'loop', data: {}, actor })).instanceId);
    let won = 0;
    let lost = 0;
    const race = async (runtime: CaseRuntime, instanceId: string) => {
      for (let round = 0; round < 12; round++) {
        const task = (await runtime.snapshot(instanceId))!.tasks[0]!.id;
        try {
          await runtime.execute(instanceId, { type: 'complete', taskId: task, outcome: 'again' }, actor);
          won += 1;
        } catch {
          lost += 1; // the other runtime moved the case first (conflict, or the task is gone)
        }
      }
    };
    let racing = true;
    const checkpoints = (async () => {
      let written = 0;
      while (racing) {
        if (await writeCheckpoint(open.db, TEST_AUDIT_KEY)) written += 1;
        await new Promise((r) => setTimeout(r, 5));
      }
      return written;
    })();
    await Promise.all(cases.flatMap((id) => runtimes.map((runtime) => race(runtime, id))));
    racing = false;
    const written = await checkpoints;
    await writeCheckpoint(open.db, TEST_AUDIT_KEY);

    // A runtime loses a round only to a round the other won meanwhile: at least half of 24 per case.
    expect(won).toBeGreaterThanOrEqual(8 * 12);
    expect(lost).toBeGreaterThan(0);
    expect(written).toBeGreaterThan(0);
    const { rows } = await sql<{ instance_id: string; seq: number; tail: number; same: boolean }>`
      select h.instance_id, h.seq, max(a.seq) as tail,
        bool_or(a.seq = h.seq and a.hash = h.hash) as same
      from audit_heads h join audit_log a on a.instance_id = h.instance_id
      group by h.instance_id, h.seq`.execute(open.db);
    expect(rows).toHaveLength(8);
    for (const row of rows) expect(row).toMatchObject({ seq: row.tail, same: true });
    const report = await checkAuditAnchors(open.db, { keys: [TEST_AUDIT_KEY] });
    expect(report.broken).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(report.checked).toBe(8 + won);
  }, 120_000);
});
