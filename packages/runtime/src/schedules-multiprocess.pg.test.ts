import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DefinitionBundle, DirectorySeed } from '@flowform/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { openTestDatabase } from './testing/test-database';

const root = join(import.meta.dirname, '../../..');
const script = join(import.meta.dirname, 'testing/schedule-worker-process.ts');
const json = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;

/** The shipped weekly bulletin with its forms. */
function bulletin(): DefinitionBundle {
  const forms = Object.fromEntries(
    ['findings', 'compile', 'approval', 'rectification', 'verification'].map((f) => {
      const form = json<{ key: string }>(`forms/supervision-bulletin.${f}.json`);
      return [form.key, form];
    }),
  );
  return { definition: json('workflows/supervision-bulletin.json'), forms } as DefinitionBundle;
}

function run(url: string, id: string, now: string): Promise<{ started: number; code: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, url, id, now], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += String(chunk);
  });
  return new Promise((resolve) => {
    child.on('exit', (code) =>
      resolve({
        started: out ? (JSON.parse(out.trim().split('\n').at(-1)!) as { started: number }).started : 0,
        code,
      }),
    );
  });
}

describe('scheduled starts across runtime processes on postgres', () => {
  let open: OpenDatabase;
  let url: string;

  beforeAll(async () => {
    open = await openTestDatabase('postgres', 10);
    const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(open.db);
    const target = new URL(process.env.DATABASE_URL!);
    target.pathname = `/${rows[0]!.db}`;
    url = target.toString();
    await replaceDirectory(open.db, json<DirectorySeed>('packages/server/seed/demo-directory.json'));
    await new CaseRuntime({ db: open.db }).definitions.publish(bulletin(), 'admin');
  });
  afterAll(async () => {
    await open.close();
  });

  it('given the weekly bulletin, when two processes look at each Friday 17:00 for four weeks, then each Friday starts exactly one bulletin', async () => {
    // Planned from Monday 2026-11-30 by a first look; then both processes at once each Friday.
    expect((await run(url, 'plan', '2026-11-30T00:00:00.000Z')).started).toBe(0);
    const fridays = ['2026-12-04', '2026-12-11', '2026-12-18', '2026-12-25'];
    const perFriday: number[] = [];
    for (const friday of fridays) {
      const at = `${friday}T09:00:01.000Z`;
      const [a, b] = await Promise.all([run(url, 'proc-a', at), run(url, 'proc-b', at)]);
      expect([a.code, b.code]).toEqual([0, 0]);
      perFriday.push(a.started + b.started);
    }
    expect(perFriday).toEqual([1, 1, 1, 1]);
    const { rows } = await sql<{ fire: string; n: number }>`
      select a.detail -> 'command' -> 'schedule' ->> 'fireAt' as fire, count(*)::int as n
      from audit_log a where a.action = 'start' and a.actor = 'system' group by 1 order by 1`.execute(
      open.db,
    );
    expect(rows).toEqual(fridays.map((f) => ({ fire: `${f}T09:00:00.000Z`, n: 1 })));
  }, 300_000);
});
