import { execFileSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bin folder is plain JavaScript, without declarations
import { buildBundle, freshBundle } from '../../bin/server-bundle.js';

const root = join(import.meta.dirname, '../../../..');
const bin = join(root, 'packages/server/bin/flowform.js');

describe('the flowform command as one prebuilt bundle', () => {
  it('given a bundle just built, when checked, then it is fresh; when older than its sources, then not', async () => {
    const bundle = (await buildBundle()) as string;
    expect(freshBundle()).toBe(bundle);
    const built = statSync(bundle).mtime;
    utimesSync(bundle, new Date(0), new Date(0));
    expect(freshBundle()).toBeUndefined();
    utimesSync(bundle, built, built);
    expect(freshBundle()).toBe(bundle);
  });

  it('given the bundle, when a shipped process is linted against the default (demo) directory, then the seed files are found beside the sources', () => {
    const out = execFileSync(bin, ['lint', join(root, 'workflows/admonition-talk.json')], {
      encoding: 'utf8',
    });
    expect(out).toContain('1 file(s) checked: 0 error(s)');
  });

  it('given the bundle and the tsx fallback, when asked for help, then both print the same commands', () => {
    const bundled = execFileSync(bin, ['--help'], { encoding: 'utf8' });
    const sources = execFileSync(bin, ['--help'], {
      encoding: 'utf8',
      env: { ...process.env, FLOWFORM_NO_BUNDLE: '1' },
    });
    expect(bundled).toContain('Usage: flowform <command>');
    expect(bundled).toBe(sources);
  });
});
