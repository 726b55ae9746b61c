/**
 * The web app's CSP has no 'unsafe-eval', so its bundle must never turn strings into code. Builds
 * the app as `npm run build -w @flowform/designer` does and searches every script for `eval(`,
 * `new Function(` and a bare `Function(` call (how ajv compiles schemas).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from './browser/support/app-server';

/**
 * Code built from a string: `eval(…)`, `new Function(…)` or `Function(…)`; not a call of a method
 * like `x.eval(`, nor a method of that name defined in a class or object literal (`eval(e){…}`, as
 * the CEL evaluator's nodes have).
 */
const CODE_FROM_STRING = /(?<![\w$.])(?:eval|(?:new\s+)?Function)\s*\((?![^()]*\)\s*\{)/g;

let build: Awaited<ReturnType<typeof buildWebApp>>;
let scripts: [string, string][];

beforeAll(async () => {
  build = await buildWebApp();
  const assets = join(build.dir, 'assets');
  scripts = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => [f, readFileSync(join(assets, f), 'utf8')]);
}, 120_000);
afterAll(() => build?.remove());

describe('the web app bundle', () => {
  it('given the search, when it reads code that builds code, then it finds each form', () => {
    const samples = ['eval("1")', 'new Function("a", "return a")', 'let v=Function(`x`,`y`)'];
    expect(samples.map((s) => s.match(CODE_FROM_STRING)?.length)).toEqual([1, 1, 1]);
    expect('r.findFunction(t) x.eval(y) evaluate(z)'.match(CODE_FROM_STRING)).toBeNull();
    expect(
      'class N{eval(e){return e}} const o={id:1,eval(n,m){return n}}'.match(CODE_FROM_STRING),
    ).toBeNull();
    expect('class N{run(e){return eval(e)}}'.match(CODE_FROM_STRING)?.length).toBe(1);
  });

  it('given the production build, when every script is searched, then none builds code from a string', () => {
    expect(scripts.length).toBeGreaterThan(0);
    const found = scripts.flatMap(([file, code]) =>
      [...code.matchAll(CODE_FROM_STRING)].map((m) => `${file}: …${code.slice(m.index - 40, m.index + 40)}…`),
    );
    expect(found).toEqual([]);
  });

  it('given the production build, then form validation is in it (the engine interpreter, not ajv)', () => {
    const all = scripts.map(([, code]) => code).join('\n');
    expect(all).toContain('must have required property');
    expect(all).not.toContain('use allowUnionTypes to allow union type keyword');
  });

  it('given the production build, then every chunk the page loads is under 500 KB; only the ELK worker file (run in a Web Worker) is larger', () => {
    const big = scripts.filter(([, code]) => Buffer.byteLength(code) >= 500_000).map(([file]) => file);
    expect(big).toHaveLength(1);
    expect(big[0]).toMatch(/^elk-worker\.min-[\w-]+\.js$/);
    const imported = scripts.filter(([, code]) => code.includes(big[0]!)).map(([file]) => file);
    expect(imported.length).toBeGreaterThan(0);
    for (const [file, code] of scripts) if (file !== big[0]) expect(code, file).not.toMatch(/gwtOnLoad\(/);
  });
});
