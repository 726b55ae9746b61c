import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { smallDirectory } from '@flowform/engine/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { childBundle, parentBundle } from './testing/parent-child-bundles';
import { openTestDatabase } from './testing/test-database';

const script = join(import.meta.dirname, 'testing/timer-worker-process.ts');

function worker(
  url: string,
  id: string,
  delayMs = 0,
  lockSeconds = 30,
): { child: ChildProcess; done: Promise<{ fired: number; code: number | null }> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, url, id, String(delayMs), String(lockSeconds)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout!.on('data', (chunk) => {
    out += String(chunk);
  });
  const done = new Promise<{ fired: number; code: number | null }>((resolve) => {
    child.on('exit', (code) =>
      resolve({
        fired: out ? (JSON.parse(out.trim().split('\n').at(-1)!) as { fired: number }).fired : 0,
        code,
      }),
    );
  });
  return { child, done };
}

describe('timers across runtime processes on postgres', () => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;
  let url: string;

  beforeAll(async () => {
    open = await openTestDatabase('postgres', 20);
    const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(open.db);
    const target = new URL(process.env.DATABASE_URL!);
    target.pathname = `/${rows[0]!.db}`;
    url = target.toString();
    // Cases start two hours in the past, so their one-hour timers are due by the database's clock.
    const past = new Date(Date.now() - 2 * 3600_000).toISOString();
    runtime = new CaseRuntime({ db: open.db, clock: () => past });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(parentBundle, 'admin');
    await runtime.definitions.publish(childBundle, 'admin');
  });
  afterAll(async () => {
    await open.close();
  });

  async function startCases(n: number): Promise<void> {
    for (let i = 0; i < n; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, n - i) }, () =>
          runtime.start({ definitionKey: 'parent-flow', data: { amount: 1 }, actor: { username: 'w1' } }),
        ),
      );
    }
  }

  async function firedPerCase(): Promise<Map<number, number>> {
    const { rows } = await sql<{ n: number; cases: number }>`
      select n, count(*)::int as cases from (
        select i.id, count(a.seq) filter (where a.action = 'timerFired')::int as n
        from instances i left join audit_log a on a.instance_id = i.id group by i.id) x group by n`.execute(
      open.db,
    );
    return new Map(rows.map((r) => [r.n, r.cases]));
  }

  it('given 1,000 due timers and two runtime processes, then exactly 1,000 fire and none twice', async () => {
    await startCases(1000);
    const a = worker(url, 'proc-a');
    const b = worker(url, 'proc-b');
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code).toBe(0);
    expect(rb.code).toBe(0);
    expect(ra.fired + rb.fired).toBe(1000);
    expect(ra.fired).toBeGreaterThan(0);
    expect(rb.fired).toBeGreaterThan(0);
    expect(await firedPerCase()).toEqual(new Map([[1, 1000]]));
    expect(await open.db.selectFrom('timers').select('id').execute()).toEqual([]);
  }, 300_000);

  it('given a process killed (SIGKILL) while holding timers, then the other finishes them after the lease', async () => {
    await startCases(200);
    const a = worker(url, 'proc-slow', 40, 3);
    for (;;) {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from timers where locked_by = 'proc-slow'`.execute(open.db);
      const fired = (await firedPerCase()).get(1) ?? 0;
      if (rows[0]!.n > 0 && fired > 1005) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    a.child.kill('SIGKILL');
    await a.done;
    const b = worker(url, 'proc-rescue', 0, 3);
    expect((await b.done).code).toBe(0);
    expect(await firedPerCase()).toEqual(new Map([[1, 1200]]));
    expect(await open.db.selectFrom('timers').select('id').execute()).toEqual([]);
  }, 300_000);
});
