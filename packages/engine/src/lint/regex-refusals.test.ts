import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../definition/definition-types';
import { lintDefinition } from '../node-ports';
import { REGEX_HINT } from './lint-types';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as {
    definition: unknown;
    forms: Record<string, FormDefinition>;
  };

describe('regex refusals in lint', () => {
  it.each([
    ['regex-invalid.json', 'regex-invalid'],
    ['regex-too-large.json', 'regex-too-large'],
  ])(
    'given %s (a form pattern and a CEL matches() pattern), when linted, then both are refused with %s and the same hint',
    (name, code) => {
      const { definition, forms } = fixture(name);
      const problems = lintDefinition(definition, { forms }).filter((p) => p.code.startsWith('regex-'));
      expect(problems.map((p) => [p.code, p.path])).toEqual([
        [code, '/forms/lint-base.note/properties/note/pattern'],
        [code, '/machine/states/review/on/approve/0/guard/params/expr'],
      ]);
      for (const p of problems) expect(p.hint).toBe(REGEX_HINT);
    },
  );
});
