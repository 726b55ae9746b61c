import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database/open-database';

const dataDir = mkdtempSync(join(tmpdir(), 'ff-pglite-'));

describe('PGlite durability across a process crash', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given a writer killed with SIGKILL mid-stream, when the data directory reopens, then every acknowledged commit is there', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'testing/pglite-writer-process.ts'), dataDir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let acknowledged = 0;
    let buffer = '';
    child.stdout!.on('data', (chunk) => {
      buffer += String(chunk);
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) acknowledged = Math.max(acknowledged, Number(line));
    });
    while (acknowledged < 200) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const open = await openDatabase({ dataDir });
    const { rows } = await sql<{
      n: number;
      max: number;
    }>`select count(*)::int as n, max(id) as max from durability_probe`.execute(open.db);
    await open.close();
    expect(rows[0]!.max).toBeGreaterThanOrEqual(acknowledged);
    expect(rows[0]!.n).toBe(rows[0]!.max);
  }, 120_000);
});
