import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedToRows } from '../organisation/org-sheets';
import { writeCsv, writeXlsx } from '../organisation/sheet-files';
import { demoDirectory, REPO_ROOT } from '../seed/demo-seed';
import { main } from './main';

const SHIPPED = join(REPO_ROOT, 'packages/server/seed');
const REGENERATE =
  'regenerate: flowform seed --demo into an empty data directory, then flowform directory export --format csv|xlsx -o packages/server/seed/organisation.{csv,xlsx}';

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('the shipped demo organisation files', () => {
  it('given the demo directory, when written as sheets, then the shipped CSV and XLSX are exactly that', async () => {
    const rows = seedToRows(demoDirectory());
    expect(await readFile(join(SHIPPED, 'organisation.csv'), 'utf8'), REGENERATE).toBe(writeCsv(rows));
    const xlsx = await readFile(join(SHIPPED, 'organisation.xlsx'));
    expect(xlsx.equals(Buffer.from(await writeXlsx(rows))), REGENERATE).toBe(true);
  });
});

describe('flowform directory import | export', () => {
  let dataDir: string;
  const saved = process.env.FLOWFORM_DATA_DIR;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'flowform-directory-'));
    process.env.FLOWFORM_DATA_DIR = dataDir;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.FLOWFORM_DATA_DIR;
    else process.env.FLOWFORM_DATA_DIR = saved;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('given no action or no file, when run, then usage and exit 2', async () => {
    expect((await run('directory')).code).toBe(2);
    const missing = await run('directory', 'export', '--format', 'pdf');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--format is xlsx or csv');
  });

  it('given the shipped CSV, when dry-run, imported and exported as XLSX, then nothing changes first and the export is the shipped XLSX', async () => {
    const dry = await run('directory', 'import', join(SHIPPED, 'organisation.csv'), '--dry-run');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('Nothing changed (dry run).');
    const applied = await run('directory', 'import', join(SHIPPED, 'organisation.csv'));
    expect(applied.code, applied.err).toBe(0);
    expect(applied.out).toMatch(/Applied as directory version \d+\./);
    const target = join(dataDir, 'out.xlsx');
    const exported = await run('directory', 'export', '--format', 'xlsx', '-o', target);
    expect(exported.code, exported.err).toBe(0);
    const shipped = await readFile(join(SHIPPED, 'organisation.xlsx'));
    expect((await readFile(target)).equals(shipped)).toBe(true);
    const again = await run('directory', 'import', target);
    expect(again.out).toContain('0 operations');
    expect(again.out).toContain('Nothing to change.');
  }, 120_000);
});
