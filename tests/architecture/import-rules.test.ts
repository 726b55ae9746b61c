/**
 * The house's shape is enforced by `npm run check`: Biome's restricted imports keep dependencies
 * pointing one way (engine ← runtime ← server; engine, api ← designer; the core, the HTTP contract
 * and the web app do no I/O) and its import-cycle rule forbids loops, type-only imports included.
 * These fixtures prove each rule bites: they are linted with the repository's own biome.json, laid
 * out at the paths the rules govern, in a scratch folder (so the real tree never holds a violation).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BIOME = join(ROOT, 'node_modules/.bin/biome');
const scratch = mkdtempSync(join(tmpdir(), 'ff-imports-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Lints the given files (path → source) with the repository's config; returns rule hits per file. */
function lint(files: Record<string, string>): Map<string, string[]> {
  const dir = mkdtempSync(join(scratch, 'case-'));
  copyFileSync(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  const run = spawnSync(BIOME, ['lint', '--max-diagnostics=200', '--colors=off', '.'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const hits = new Map<string, string[]>();
  for (const m of `${run.stdout}${run.stderr}`.matchAll(/^(\S+\.tsx?):\d+:\d+ lint\/\w+\/(\w+)/gm)) {
    hits.set(m[1]!, [...(hits.get(m[1]!) ?? []), m[2]!]);
  }
  return hits;
}

const use = (imports: string) => `${imports}\nexport const used = [a].length;\n`;

describe('forbidden imports', () => {
  const cases: [string, string][] = [
    ['packages/engine/src/forbidden.ts', "import a from 'pg';"],
    ['packages/engine/src/forbidden.ts', "import { Kysely as a } from 'kysely';"],
    ['packages/engine/src/forbidden.ts', "import { PGlite as a } from '@electric-sql/pglite';"],
    ['packages/engine/src/forbidden.ts', "import { readFileSync as a } from 'node:fs';"],
    ['packages/engine/src/forbidden.ts', "import { CaseRuntime as a } from '@flowform/runtime';"],
    ['packages/engine/src/forbidden.ts', "import { main as a } from '@flowform/server';"],
    ['packages/runtime/src/forbidden.ts', "import { main as a } from '@flowform/server';"],
    ['packages/runtime/src/forbidden.ts', "import { step as a } from '../../engine/src/stepping/step';"],
    ['packages/designer/src/forbidden.tsx', "import { CaseRuntime as a } from '@flowform/runtime';"],
    ['packages/designer/src/forbidden.tsx', "import { lintDefinition as a } from '@flowform/engine';"],
    ['packages/designer/src/x/forbidden.ts', "import type { LintProblem as a } from '@flowform/engine';"],
    ['packages/designer/src/forbidden.tsx', "import { main as a } from '@flowform/server';"],
    ['packages/designer/src/forbidden.tsx', "import a from 'pg';"],
    ['packages/designer/src/forbidden.tsx', "import { join as a } from 'node:path';"],
    [
      'packages/designer/src/x/forbidden.ts',
      "import { a } from '../../../../engine/src/forms/json-pointer';",
    ],
    ['packages/server/src/forbidden.ts', "import { App as a } from '@flowform/designer';"],
    ['packages/api/src/forbidden.ts', "import { CaseRuntime as a } from '@flowform/runtime';"],
    ['packages/api/src/forbidden.ts', "import { main as a } from '@flowform/server';"],
    ['packages/api/src/forbidden.ts', "import { App as a } from '@flowform/designer';"],
    ['packages/api/src/forbidden.ts', "import { readFileSync as a } from 'node:fs';"],
    ['packages/api/src/forbidden.ts', "import a from 'pg';"],
    ['packages/api/src/forbidden.ts', "import { Kysely as a } from 'kysely';"],
    ['packages/api/src/forbidden.ts', "import { PGlite as a } from '@electric-sql/pglite';"],
    ['packages/api/src/forbidden.ts', "import { step as a } from '../../engine/src/stepping/step';"],
    ['packages/bpmn/src/forbidden.ts', "import { lintDefinition as a } from '@flowform/engine';"],
    ['packages/bpmn/src/forbidden.ts', "import { readFileSync as a } from 'node:fs';"],
    ['packages/bpmn/src/forbidden.ts', "import { CaseRuntime as a } from '@flowform/runtime';"],
    ['packages/bpmn/src/forbidden.ts', "import { main as a } from '@flowform/server';"],
  ];
  it.each(cases)(
    'given %s importing «%s», when linted, then noRestrictedImports refuses it',
    (path, source) => {
      expect(lint({ [path]: use(source) }).get(path)).toContain('noRestrictedImports');
    },
  );

  it('given the imports each package may use, when linted, then nothing is refused', () => {
    const hits = lint({
      'packages/engine/src/allowed.ts': use("import { createActor as a } from 'xstate';"),
      'packages/engine/src/allowed.test.ts': use("import { readFileSync as a } from 'node:fs';"),
      'packages/runtime/src/allowed.ts': use(
        "import { step as a } from '@flowform/engine';\nimport pg from 'pg';\nexport const db = pg;",
      ),
      'packages/server/src/allowed.ts': use(
        "import { CaseRuntime as a } from '@flowform/runtime';\nimport { caseContract } from '@flowform/api';\nexport const c = caseContract;",
      ),
      'packages/api/src/allowed.ts': use(
        "import { createRoute as a } from '@hono/zod-openapi';\nimport type { ProcessDefinition } from '@flowform/engine';\nexport type P = ProcessDefinition;",
      ),
      'packages/bpmn/src/allowed.ts': use(
        "import { BpmnModdle as a } from 'bpmn-moddle';\nimport { lintDefinition } from '@flowform/engine/browser';\nexport const lint = lintDefinition;",
      ),
      'packages/designer/src/allowed.tsx': use(
        "import { useState as a } from 'react';\nimport type { CaseView } from '@flowform/api';\nimport { lintDefinition } from '@flowform/engine/browser';\nexport type C = CaseView;\nexport const lint = lintDefinition;",
      ),
    });
    expect([...hits.entries()].filter(([, rules]) => rules.includes('noRestrictedImports'))).toEqual([]);
  });
});

describe('import cycles', () => {
  it('given two modules that import each other (one only for a type), when linted, then noImportCycles refuses both', () => {
    const hits = lint({
      'packages/engine/src/cycle/a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
      'packages/engine/src/cycle/b.ts':
        "import type { A } from './a';\nexport const make = (a: A) => a;\nexport type B = ReturnType<typeof make>;\n",
    });
    expect(hits.get('packages/engine/src/cycle/a.ts')).toContain('noImportCycles');
    expect(hits.get('packages/engine/src/cycle/b.ts')).toContain('noImportCycles');
  });

  it('given a type moved to its own module, when linted, then there is no cycle', () => {
    const hits = lint({
      'packages/engine/src/cycle/types.ts': 'export interface A { n: number }\n',
      'packages/engine/src/cycle/a.ts':
        "import type { A } from './types';\nexport const one = (a: A) => a.n;\n",
      'packages/engine/src/cycle/b.ts':
        "import type { A } from './types';\nimport { one } from './a';\nexport const two = (a: A) => one(a) * 2;\n",
    });
    expect([...hits.values()].flat()).not.toContain('noImportCycles');
  });
});
