import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import { checkConsistency } from './consistency-check';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { replayCases } from './replay-check';
import { openTestDatabase } from './testing/test-database';

describe('kill -9 of a runtime process under load on postgres', () => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;

  beforeAll(async () => {
    open = await openTestDatabase('postgres');
    runtime = new CaseRuntime({ db: open.db });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(expenseBundle, 'admin');
  });
  afterAll(async () => {
    await open.close();
  });

  it('given a process killed mid-load, then every case is wholly before or after each command and replays', async () => {
    const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(open.db);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${rows[0]!.db}`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'testing/load-process.ts'), url.toString()],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let progress = 0;
    child.stdout!.on('data', (chunk) => {
      progress += String(chunk).length;
    });
    while (progress < 40) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const cases = await open.db.selectFrom('instances').select('id').execute();
    expect(cases.length).toBeGreaterThan(40);
    expect(await checkConsistency(open.db)).toEqual([]);
    const reports = await replayCases(runtime);
    expect(reports.filter((r) => r.status !== 'same')).toEqual([]);
  }, 120_000);
});
