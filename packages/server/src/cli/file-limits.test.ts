import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSON_LIMITS } from '@flowform/api';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main';

const root = join(import.meta.dirname, '../../../..');
const valid = JSON.parse(
  readFileSync(join(root, 'packages/engine/src/lint/fixtures/valid.json'), 'utf8'),
) as { definition: Record<string, unknown> };
const dir = mkdtempSync(join(tmpdir(), 'flowform-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file in the temporary folder. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The valid definition with final states nested `levels` deep: what lint's recursion would choke on. */
function nestedStates(levels: number): string {
  const nest = `${'{"initial":"a","states":{"a":'.repeat(levels)}{"type":"final"}${'}}'.repeat(levels)}`;
  return JSON.stringify(valid.definition).replace(
    '"done":{"type":"final","outcome":"completed"}',
    `"done":${nest}`,
  );
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const deep = file('deep.json', nestedStates(20_000));
const huge = file(
  'huge.json',
  JSON.stringify({ ...valid.definition, filler: 'x'.repeat(JSON_LIMITS.maxBytes) }),
);
const bundle = file('deep-bundle.json', `{"definition":${nestedStates(20_000)},"forms":{}}`);

describe('the CLI on files beyond the API limits', () => {
  it('given the deep file, then it really is nested beyond the limit', () => {
    expect(readFileSync(deep, 'utf8').split('{"initial"').length - 1).toBeGreaterThan(JSON_LIMITS.maxDepth);
  });

  it.each([
    ['nested 20,000 levels deep', deep, /nested too deeply \(at most 32 levels/],
    ['a bundle nested 20,000 levels deep', bundle, /nested too deeply/],
    ['over 1 MiB', huge, /too large \(\d+ KiB, at most 1024 KiB/],
  ])(
    'given a definition %s, when linted, then json-too-large with a hint and exit 1',
    async (_what, path, message) => {
      const { code, out } = await run(['lint', path, '--json']);
      const report = JSON.parse(out) as {
        files: { problems: { code: string; message: string; hint: string }[] }[];
      };
      const [problem] = report.files[0]!.problems;
      expect(code).toBe(1);
      expect(problem!.code).toBe('json-too-large');
      expect(problem!.message).toMatch(message);
      expect(problem!.hint).toContain('32 levels');
    },
  );

  it.each([
    ['nested 20,000 levels deep', deep, /nested too deeply/],
    ['over 1 MiB', huge, /too large/],
  ])(
    'given a bundle %s, when imported, then a clear error and exit 1 before the database is opened',
    async (_what, path, message) => {
      const { code, err } = await run(['import', path]);
      expect(code).toBe(1);
      expect(err).toMatch(message);
    },
  );

  it('given a definition within the limits, when linted, then it is checked as usual', async () => {
    const { code, out } = await run(['lint', file('ok.json', JSON.stringify(valid.definition)), '--json']);
    const report = JSON.parse(out) as { files: { problems: { code: string }[] }[] };
    expect(report.files[0]!.problems).toEqual([]);
    expect(code).toBe(0);
  });

  it('given a --directory file that is not JSON, when linted, then usage error 2 naming the option', async () => {
    const { code, err } = await run(['lint', deep, '--directory', file('dir.json', '{')]);
    expect(code).toBe(2);
    expect(err).toContain('--directory');
  });
});
