import { describe, expect, it } from 'vitest';
import { allRoutes } from './all-routes';
import { caseContract } from './case-contract';
import { taskCommandContract } from './task-command-contract';

const key = (route: { method: string; path: string }) => `${route.method.toUpperCase()} ${route.path}`;

/** The path parameters a route declares in `request.params`. */
const declared = (route: (typeof allRoutes)[number]) => {
  const params = route.request?.params as { shape?: Record<string, unknown> } | undefined;
  return Object.keys(params?.shape ?? {}).sort();
};

describe('the contract', () => {
  it('given every route, when listed, then each method and path is declared once, under /api/', () => {
    const keys = allRoutes.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(allRoutes.filter((r) => !r.path.startsWith('/api/')).map(key)).toEqual([]);
    expect(keys).toContain('GET /api/instances/{id}');
  });

  it('given every route, when its path names parameters, then its request declares exactly those', () => {
    const mismatched = allRoutes
      .map((route) => ({
        route: key(route),
        inPath: [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).sort(),
        declared: declared(route),
      }))
      .filter((r) => r.inPath.join() !== r.declared.join());
    expect(mismatched).toEqual([]);
  });

  it('given every route, when described, then it has a tag, a summary and a success response (a redirect for browser navigations)', () => {
    const navigation = (r: (typeof allRoutes)[number]) => r.path.startsWith('/api/auth/oidc/');
    const incomplete = allRoutes.filter(
      (r) =>
        !r.tags?.length ||
        !r.summary ||
        !Object.keys(r.responses).some((s) => (navigation(r) ? /^30[23]$/ : /^2\d\d$/).test(s)),
    );
    expect(incomplete.map(key)).toEqual([]);
  });

  it('given the task commands, when listed, then each is a POST under /api/tasks/{id}/ with one segment more', () => {
    for (const route of Object.values(taskCommandContract)) {
      expect(route.method).toBe('post');
      expect(route.path).toMatch(/^\/api\/tasks\/\{id\}\/[a-z-]+$/);
    }
    expect(taskCommandContract.addSigner.path).toBe('/api/tasks/{id}/add-signer');
  });

  it('given a request the contract refuses, when validated, then the schema says so', () => {
    const body = caseContract.start.request.body.content['application/json'].schema;
    expect(body.safeParse({ definitionKey: 'x' }).data).toEqual({ definitionKey: 'x', data: {} });
    expect(body.safeParse({ definitionKey: 'x', extra: 1 }).success).toBe(false);
  });
});
