import { describe, expect, it } from 'vitest';
import { allRoutes } from './all-routes';
import { middlewareStatuses } from './api-route';

describe('apiRoute: the middleware problems declared once', () => {
  it('given a signed-in unsafe route, then it declares 400, 401, 403, 409, 413, 415 and 422', () => {
    expect(middlewareStatuses('post', 'signed-in').sort()).toEqual([400, 401, 403, 409, 413, 415, 422]);
  });

  it('given a signed-in read, then 400, 401 and 403 (a one-time password not yet changed)', () => {
    expect(middlewareStatuses('get', 'signed-in').sort()).toEqual([400, 401, 403]);
  });

  it('given a public read, then only 400; a public write adds 413 and 415 but no session problems', () => {
    expect(middlewareStatuses('get', 'public')).toEqual([400]);
    expect(middlewareStatuses('post', 'public').sort()).toEqual([400, 413, 415]);
  });

  it('given every route of the API, then each documents the problems its middleware can answer', () => {
    const isPublic = (path: string) =>
      ['/api/auth/login', '/api/auth/demo', '/api/auth/options'].includes(path) ||
      path.startsWith('/api/auth/oidc/');
    for (const route of allRoutes) {
      const expected = middlewareStatuses(route.method, isPublic(route.path) ? 'public' : 'signed-in');
      for (const status of expected)
        expect(Object.keys(route.responses), `${route.method} ${route.path}`).toContain(String(status));
    }
  });
});
