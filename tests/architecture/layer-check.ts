/**
 * The layer check. A table lists a package root's modules in layers, highest first; an import may
 * only go to the same module or down. This reads every source file under the root (TypeScript's
 * `preProcessFile`: static imports, `import type`, re-exports, `import()` and `require`), resolves
 * the relative ones and reports each import that goes up, each import between two modules of one
 * layer that the table does not allow, each file no module places and each import that resolves
 * to nothing. Imports leaving the root are another table's business (or Biome's, across packages).
 *
 *   file ──preProcessFile──► specifiers ──resolve──► target file ──moduleOf──► layer index
 *                                                         compare with the importer's ──► Violation[]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface LayerTable {
  /** The folder checked, relative to the repository root (posix separators). */
  root: string;
  /**
   * Highest first. Each layer lists its modules: a folder or file under `root` (`app`, `main.tsx`),
   * or `dir/*` for each folder in `dir` as a module of its own (`features/*`).
   */
  layers: readonly (readonly string[])[];
  /** Imports allowed between two modules of the same layer, as `[from, to]`. */
  allow?: readonly (readonly [string, string])[];
}

export interface Violation {
  kind: 'upward' | 'sibling' | 'unplaced' | 'unresolved';
  /** The importing file, relative to the table's root. */
  file: string;
  line: number;
  specifier: string;
  detail: string;
}

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '/index.ts', '/index.tsx'];

/** Every violation of `table` in the tree under `base` (the repository root). */
export function checkLayers(base: string, table: LayerTable): Violation[] {
  const root = resolve(base, table.root);
  const allowed = new Set((table.allow ?? []).map(([from, to]) => `${from}\u0000${to}`));
  const violations: Violation[] = [];
  for (const path of sourceFiles(root)) {
    const file = posix(relative(root, path));
    // A test exercises its module from above: its own imports say nothing about the layers.
    if (TEST_FILE.test(file)) continue;
    const from = placeOf(table, file);
    if (!from) {
      violations.push({ kind: 'unplaced', file, line: 1, specifier: '', detail: 'no layer holds this file' });
      continue;
    }
    const text = readFileSync(path, 'utf8');
    for (const { fileName: specifier, pos } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const line = text.slice(0, pos).split('\n').length;
      const target = resolveImport(dirname(path), specifier);
      if (target === undefined) {
        violations.push({ kind: 'unresolved', file, line, specifier, detail: 'resolves to no file' });
        continue;
      }
      const targetFile = posix(relative(root, target));
      if (!SOURCE.test(target) || targetFile.startsWith('..')) continue;
      const to = placeOf(table, targetFile);
      if (!to || to.module === from.module || to.layer > from.layer) continue;
      const arrow = `${from.module} → ${to.module}`;
      if (to.layer < from.layer)
        violations.push({ kind: 'upward', file, line, specifier, detail: `${arrow} goes up a layer` });
      else if (!allowed.has(`${from.module}\u0000${to.module}`))
        violations.push({
          kind: 'sibling',
          file,
          line,
          specifier,
          detail: `${arrow}: siblings the table does not allow`,
        });
    }
  }
  return violations;
}

/** One line per violation, for a failing test's message. */
export const formatViolation = (v: Violation): string =>
  `${v.kind}: ${v.file}:${v.line}${v.specifier ? ` imports '${v.specifier}'` : ''} (${v.detail})`;

/** The module holding `file` (relative to the root) and its layer: the longest matching entry wins. */
function placeOf(table: LayerTable, file: string): { module: string; layer: number } | undefined {
  let best: { module: string; layer: number; length: number } | undefined;
  table.layers.forEach((modules, layer) => {
    for (const entry of modules) {
      const module = matchModule(entry, file);
      if (module && (!best || entry.length > best.length)) best = { module, layer, length: entry.length };
    }
  });
  return best && { module: best.module, layer: best.layer };
}

function matchModule(entry: string, file: string): string | undefined {
  if (entry.endsWith('/*')) {
    const dir = entry.slice(0, -2);
    const [name, ...rest] = file.startsWith(`${dir}/`) ? file.slice(dir.length + 1).split('/') : [];
    return name && rest.length > 0 ? `${dir}/${name}` : undefined;
  }
  return file === entry || file.startsWith(`${entry}/`) ? entry : undefined;
}

function resolveImport(fromDir: string, specifier: string): string | undefined {
  const path = resolve(fromDir, specifier);
  const candidates = [path, ...EXTENSIONS.map((e) => path + e), path.replace(/\.(m|c)?js$/, '.$1ts')];
  if (/\.jsx$/.test(path)) candidates.push(path.replace(/\.jsx$/, '.tsx'));
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

function sourceFiles(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** Tests (`*.test.ts[x]`) stand outside the layers. */
const TEST_FILE = /\.test\.tsx?$/;

const posix = (path: string) => path.split(sep).join('/');
