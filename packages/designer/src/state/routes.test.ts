import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from './routes';

describe('routes', () => {
  it.each([
    ['/', { name: 'inbox', tab: 'todo' }],
    ['/inbox/cc', { name: 'inbox', tab: 'cc' }],
    ['/inbox/started', { name: 'inbox', tab: 'started' }],
    ['/tasks/a%3At5', { name: 'task', id: 'a:t5' }],
    ['/cases/123', { name: 'case', id: '123' }],
    ['/start', { name: 'start' }],
    ['/start/hardship-assistance', { name: 'startProcess', key: 'hardship-assistance' }],
    ['/notifications', { name: 'notifications' }],
    ['/inbox/elsewhere', { name: 'notFound' }],
    ['/tasks/%E0%A4%A', { name: 'notFound' }],
    ['/cases/1/2', { name: 'notFound' }],
    ['/organisation', { name: 'organisation', tab: 'units' }],
    ['/organisation/history', { name: 'organisation', tab: 'history' }],
    ['/organisation/elsewhere', { name: 'notFound' }],
    ['/calendar', { name: 'calendar' }],
    ['/calendar/2026', { name: 'notFound' }],
  ])('given the path %s, when matched, then it names %j', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it('given each organisation section, when made a path, then it round-trips', () => {
    for (const tab of ['units', 'people', 'transfer', 'history'] as const)
      expect(matchRoute(paths.organisation(tab))).toEqual({ name: 'organisation', tab });
  });

  it('given an id with a slash, when made a path, then it round-trips', () => {
    expect(matchRoute(paths.task('x/y:t1'))).toEqual({ name: 'task', id: 'x/y:t1' });
  });
});
