/**
 * Beyond the client in `endpoints.ts`, screens reach the API directly too (the designer's calls,
 * the event stream, a keep-alive save). Every `/api/…` path written anywhere in the web app's
 * source must be a route of the contract, and every `request('METHOD', '/api/…')` its method too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { allRoutes } from '@flowform/api';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

/** The web app's source files, tests and fixtures left out. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|test-fixture\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Source text without comments (which may quote paths loosely). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/**
 * `/api/tasks/${enc(id)}/${command}?x=1` → `/api/tasks/{}/{}`: an interpolation that is a whole
 * segment is a parameter; one glued to a segment (`/api/tasks${query(p)}`) is a query, dropped.
 */
function template(literal: string): string {
  return literal
    .replace(/\/\$\{[^}]*\}/g, '/{}')
    .replace(/\$\{[^}]*\}.*$/, '')
    .replace(/\?.*$/, '');
}

/** Contract routes whose path the template fits (`{}` and `{param}` fit any one segment). */
function routesFor(path: string, method?: string) {
  const segments = path.split('/');
  return allRoutes.filter((route) => {
    const expected = route.path.split('/');
    return (
      (!method || route.method.toUpperCase() === method) &&
      expected.length === segments.length &&
      expected.every((s, i) => s === segments[i] || s.startsWith('{') || segments[i] === '{}')
    );
  });
}

const files = sources(SRC).map((path) => ({
  file: relative(SRC, path),
  text: code(readFileSync(path, 'utf8')),
}));
const paths = files.flatMap(({ file, text }) =>
  [...text.matchAll(/['"`](\/api\/[^'"`]*)['"`]/g)].map((m) => ({ file, path: template(m[1]!) })),
);
const calls = files.flatMap(({ file, text }) =>
  [...text.matchAll(/['"](GET|POST|PUT|PATCH|DELETE)['"]\s*,\s*['"`](\/api\/[^'"`]*)['"`]/g)].map((m) => ({
    file,
    method: m[1]!,
    path: template(m[2]!),
  })),
);

describe('every API path in the web app is in the contract', () => {
  it('given the web app source, when scanned, then it finds the calls of the client and of the screens', () => {
    expect(new Set(calls.map((c) => c.file)).size).toBeGreaterThan(1);
    expect(paths.map((p) => p.path)).toContain('/api/events');
  });

  it('given each /api path written in the web app, when matched, then a contract route has it', () => {
    expect(paths.filter(({ path }) => routesFor(path).length === 0)).toEqual([]);
  });

  it('given each request(method, path) in the web app, when matched, then a contract route has both', () => {
    expect(calls.filter(({ path, method }) => routesFor(path, method).length === 0)).toEqual([]);
  });

  it('given paths the contract lacks, when matched, then no route has them', () => {
    expect(routesFor('/api/tasks/{}/finish')).toEqual([]);
    expect(routesFor('/api/instances', 'DELETE')).toEqual([]);
  });
});
