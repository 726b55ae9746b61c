/**
 * Layers: every package root in LAYER_TABLES keeps its declared order (no import goes up, siblings
 * only as allowed, every file placed). The fixtures prove the check bites: small trees in a scratch
 * folder, one with each kind of violation, one clean.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayers, formatViolation, type LayerTable } from './layer-check';
import { LAYER_TABLES } from './layer-tables';

const ROOT = join(import.meta.dirname, '../..');

describe('declared layers', () => {
  it.each(LAYER_TABLES.map((t) => [t.root, t] as const))(
    'given the layer table of %s, when every import is checked, then none goes up or sideways',
    (_root, table) => {
      expect(checkLayers(ROOT, table).map(formatViolation)).toEqual([]);
    },
  );
});

const scratch = mkdtempSync(join(tmpdir(), 'ff-layers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a tree (path → source) into a fresh folder; answers the folder. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'case-'));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  return dir;
}

const TABLE: LayerTable = {
  root: 'src',
  layers: [['main.ts'], ['app'], ['features/*'], ['ui', 'forms'], ['api']],
  allow: [['features/case', 'features/inbox']],
};

/** A tree whose imports all follow TABLE. */
const CLEAN = {
  'src/main.ts': "import { app } from './app/app';\nexport const main = app;\n",
  'src/app/app.ts':
    "import { inbox } from '../features/inbox/inbox-page';\nimport { CasePage } from '../features/case/case-page';\n" +
    "export const app = () => [inbox, CasePage, import('../features/case/case-page')];\n",
  'src/features/inbox/inbox-page.ts':
    "import { Button } from '../../ui/button';\nexport const inbox = Button;\n",
  'src/features/case/case-page.ts':
    "import { inbox } from '../inbox/inbox-page';\nimport type { Case } from '../../api/types';\nimport './case.css';\n" +
    'export const CasePage = (c: Case) => [inbox, c];\n',
  'src/features/case/case.css': '.case {}\n',
  'src/ui/button.ts': "import { get } from '../api/http.js';\nexport const Button = get;\n",
  'src/forms/form.ts': "export * from '../api/types';\n",
  'src/api/http.ts': 'export const get = () => 1;\n',
  'src/api/types.ts': 'export interface Case { id: string }\n',
};

describe('the layer check', () => {
  it('given a tree whose imports all go down or stay in their module, when checked, then nothing is reported', () => {
    expect(checkLayers(tree(CLEAN), TABLE)).toEqual([]);
  });

  it.each([
    ['a value import', "import { app } from '../app/app';\nexport const x = app;\n"],
    ['a type-only import', "import type { app } from '../app/app';\nexport type X = typeof app;\n"],
    ['a re-export', "export { app } from '../app/app';\n"],
    ['a dynamic import', "export const later = () => import('../app/app');\n"],
  ])('given %s from ui/ up to app/, when checked, then it is reported as upward', (_kind, source) => {
    const found = checkLayers(tree({ ...CLEAN, 'src/ui/up.ts': source }), TABLE);
    expect(found.map(formatViolation)).toEqual([
      expect.stringMatching(/^upward: ui\/up\.ts:\d+ imports '\.\.\/app\/app' \(ui → app goes up a layer\)$/),
    ]);
  });

  it('given an import up from the foot to a feature and to main, when checked, then both are listed with their lines', () => {
    const found = checkLayers(
      tree({
        ...CLEAN,
        'src/api/http.ts':
          "import { main } from '../main';\n\nimport { inbox } from '../features/inbox/inbox-page';\nexport const get = () => [main, inbox];\n",
      }),
      TABLE,
    );
    expect(found.map((v) => [v.kind, v.file, v.line, v.specifier])).toEqual([
      ['upward', 'api/http.ts', 1, '../main'],
      ['upward', 'api/http.ts', 3, '../features/inbox/inbox-page'],
    ]);
  });

  it('given sibling imports, when checked, then only the ones the table does not allow are reported', () => {
    const found = checkLayers(
      tree({
        ...CLEAN,
        'src/features/inbox/inbox-page.ts':
          "import { CasePage } from '../case/case-page';\nexport const inbox = CasePage;\n",
        'src/ui/input.ts': "import '../forms/form';\n",
      }),
      TABLE,
    );
    expect(found.map((v) => `${v.kind} ${v.detail}`)).toEqual([
      'sibling features/inbox → features/case: siblings the table does not allow',
      'sibling ui → forms: siblings the table does not allow',
    ]);
  });

  it('given a file no layer holds and an import of nothing, when checked, then both are reported', () => {
    const found = checkLayers(
      tree({
        ...CLEAN,
        'src/misc/util.ts': 'export const u = 1;\n',
        'src/ui/typo.ts': "import '../api/htp';\n",
      }),
      TABLE,
    );
    expect(found.map((v) => `${v.kind} ${v.file}`)).toEqual([
      'unplaced misc/util.ts',
      'unresolved ui/typo.ts',
    ]);
  });

  it('given a test beside a foot module importing up from it, when checked, then the test is not held to the layers', () => {
    const found = checkLayers(
      tree({
        ...CLEAN,
        'src/api/client.test.ts': "import { App } from '../app/app';\nexport const t = App;\n",
        'src/api/client-helper.ts': "import { App } from '../app/app';\nexport const h = App;\n",
      }),
      TABLE,
    );
    expect(found.map((v) => `${v.kind} ${v.file}`)).toEqual(['upward api/client-helper.ts']);
  });

  it('given a table for an inner root, when its files import outside it, then those imports are left to the outer table', () => {
    const dir = tree({
      ...CLEAN,
      'src/features/inbox/model/filter.ts':
        "import { Button } from '../../../ui/button';\nexport const f = Button;\n",
      'src/features/inbox/page/page.ts': "import { f } from '../model/filter';\nexport const p = f;\n",
    });
    const inner: LayerTable = { root: 'src/features/inbox', layers: [['page'], ['model']] };
    expect(checkLayers(dir, { ...inner, layers: [...inner.layers, ['inbox-page.ts']] })).toEqual([]);
    expect(checkLayers(dir, { ...inner, layers: [['model'], ['page'], ['inbox-page.ts']] })).toEqual([
      expect.objectContaining({ kind: 'upward', file: 'page/page.ts', specifier: '../model/filter' }),
    ]);
  });
});
