import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';

const root = join(import.meta.dirname, '../../../..');
const fixtureDir = join(root, 'packages/engine/src/lint/fixtures');
const directory = join(root, 'packages/engine/src/lint/lint-test-directory.json');

async function runCli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('flowform lint', () => {
  const fixtures = readdirSync(fixtureDir).filter((f) => f.endsWith('.json'));

  it.each(fixtures)(
    'given fixture %s, when linted with --json, then the exit code and codes match',
    async (file) => {
      const expected = (
        JSON.parse(readFileSync(join(fixtureDir, file), 'utf8')) as { expectedErrors: string[] }
      ).expectedErrors;
      const { code, out } = await runCli([
        'lint',
        join(fixtureDir, file),
        '--json',
        '--directory',
        directory,
      ]);
      const report = JSON.parse(out) as { files: { problems: { code: string; severity: string }[] }[] };
      const codes = new Set(
        report.files[0]!.problems.filter((p) => p.severity === 'error').map((p) => p.code),
      );
      expect(code).toBe(expected.length > 0 ? 1 : 0);
      for (const c of expected) expect(codes).toContain(c);
    },
  );

  it('given the shipped workflows, when linted, then there are no errors', async () => {
    const { code, out } = await runCli(['lint', join(root, 'workflows')]);
    expect(out).toMatch(/0 error\(s\)/);
    expect(code).toBe(0);
  });

  it('given a file that is not JSON, when linted, then json-invalid and exit 1', async () => {
    const { code, out } = await runCli(['lint', join(root, 'README.md')]);
    expect(code).toBe(1);
    expect(out).toContain('json-invalid');
  });

  it('given no paths or an unknown option, when run, then usage and exit 2', async () => {
    expect((await runCli(['lint'])).code).toBe(2);
    expect((await runCli(['lint', 'workflows', '--bogus'])).code).toBe(2);
    expect((await runCli(['nope'])).code).toBe(2);
    expect((await runCli(['lint', 'no/such/dir'])).code).toBe(2);
  });

  it('given the real binary, when a broken fixture is linted, then it prints the code with a hint and exits 1', () => {
    let status = 0;
    let stdout = '';
    try {
      execFileSync(
        join(root, 'packages/server/bin/flowform.js'),
        ['lint', join(fixtureDir, 'stuck-state.json'), '--directory', directory],
        { encoding: 'utf8' },
      );
    } catch (error) {
      const e = error as { status: number; stdout: string };
      status = e.status;
      stdout = e.stdout;
    }
    expect(status).toBe(1);
    expect(stdout).toContain('stuck-state');
    expect(stdout).toContain('hint:');
  });
});
