import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DirectorySeed, InMemoryDirectory } from '../assignment';
import type { FormDefinition } from '../definition/definition-types';
import { lintDefinition } from '../node-ports';
import seed from './lint-test-directory.json' with { type: 'json' };

interface Fixture {
  description: string;
  definition: unknown;
  forms: Record<string, FormDefinition>;
  expectedErrors: string[];
}

const dir = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture] as const);
const directory = new InMemoryDirectory(seed as DirectorySeed);

describe('lint fixtures', () => {
  it('given the fixture folder, then there is one fixture per check and a valid baseline', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });

  it.each(fixtures)(
    'given %s, when linted, then exactly the expected error codes are reported',
    (_name, fixture) => {
      const problems = lintDefinition(fixture.definition, {
        forms: fixture.forms,
        processes: new Set(['lint-base']),
        directory,
      });
      const codes = [...new Set(problems.filter((p) => p.severity === 'error').map((p) => p.code))].sort();
      expect(codes).toEqual([...new Set(fixture.expectedErrors)].sort());
      for (const p of problems) {
        expect(p.hint.length).toBeGreaterThan(0);
        expect(p.path.startsWith('/')).toBe(true);
      }
    },
  );
});
