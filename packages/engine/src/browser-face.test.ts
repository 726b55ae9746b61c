/**
 * The browser face must not load ajv: ajv compiles schemas with `new Function`, which the web
 * app's CSP forbids. This walks every static import (type-only ones included) reachable from
 * browser.ts and fails on any module that imports `ajv` or `ajv-formats`; the same walk from the
 * Node face does find ajv, so the walk itself is proven to see it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname;

/** Every module reachable from `entry`, with the packages each imports. */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (graph.has(file)) continue;
    const packages: string[] = [];
    graph.set(file, packages);
    if (!file.endsWith('.ts')) continue;
    for (const { fileName: spec } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles) {
      if (!spec.startsWith('.')) {
        packages.push(spec);
        continue;
      }
      const base = join(dirname(file), spec);
      const resolved = [base, `${base}.ts`, join(base, 'index.ts')].find(
        (p) => existsSync(p) && statSync(p).isFile(),
      );
      if (!resolved) throw new Error(`cannot resolve ${spec} from ${file}`);
      pending.push(resolved);
    }
  }
  return graph;
}

const importsAjv = (spec: string) => /^ajv(-formats)?(\/|$)/.test(spec);

/** The modules of a face that import ajv, as paths relative to src/. */
function ajvImporters(entry: string): string[] {
  return [...importGraph(join(SRC, entry))]
    .filter(([, packages]) => packages.some(importsAjv))
    .map(([file]) => relative(SRC, file))
    .sort();
}

describe('the browser face', () => {
  it('given browser.ts, when every import reachable from it is followed, then none imports ajv', () => {
    const reached = [...importGraph(join(SRC, 'browser.ts')).keys()].map((f) => relative(SRC, f));
    // What the web app needs is reached: lint, the interpreter, the pure step, simulation, voting.
    expect(reached).toEqual(
      expect.arrayContaining([
        'lint/lint-definition.ts',
        'forms/interpreter/schema-interpreter.ts',
        'stepping/step.ts',
        'simulation/simulate.ts',
        'voting/vote-tally.ts',
        '../schema/definition.schema.json',
      ]),
    );
    expect(ajvImporters('browser.ts')).toEqual([]);
  });

  it('given the Node face, when its imports are followed, then ajv is found (the walk sees it)', () => {
    expect(ajvImporters('index.ts')).toEqual(['forms/ajv-checker.ts', 'forms/ajv-setup.ts']);
  });
});
