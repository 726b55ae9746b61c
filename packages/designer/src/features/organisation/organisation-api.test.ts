import { organisationContract } from '@flowform/api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { organisationApi } from './organisation-api';

type Route = (typeof organisationContract)[keyof typeof organisationContract];

const sent: { method: string; url: string; body: unknown; headers: Record<string, string> }[] = [];

beforeEach(() => {
  sent.length = 0;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({
      method: init.method ?? 'GET',
      url,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      headers: init.headers as Record<string, string>,
    });
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => vi.unstubAllGlobals());

/** The organisation route a request reaches (path parameters match one segment). */
function routeOf(method: string, url: string): Route[] {
  const path = new URL(url, 'http://app.test').pathname;
  return Object.values(organisationContract).filter(
    (r) =>
      r.method.toUpperCase() === method &&
      new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
}

const OPS = [{ op: 'deactivatePerson' as const, username: 'w001' }];

describe('the organisation screens call the contract', () => {
  it.each([
    ['get', () => organisationApi.get(), organisationContract.get],
    ['preview', () => organisationApi.preview(OPS, '7'), organisationContract.preview],
    ['change', () => organisationApi.change(OPS, '7'), organisationContract.change],
    ['versions', () => organisationApi.versions('12'), organisationContract.versions],
    ['version', () => organisationApi.version('12'), organisationContract.version],
    ['import', () => organisationApi.import(new File(['a'], 'o.csv'), true), organisationContract.import],
  ] as const)('given organisationApi.%s, when called, then it reaches its route', async (_, call, route) => {
    await call();
    expect(sent).toHaveLength(1);
    expect(routeOf(sent[0]!.method, sent[0]!.url)).toEqual([route]);
  });

  it('given a change, when previewed and when saved, then both carry the expected version; the save alone an idempotency key and no dry run', async () => {
    await organisationApi.preview(OPS, '7');
    await organisationApi.change(OPS, '7');
    expect(
      organisationContract.preview.request.body.content['application/json'].schema.parse(sent[0]!.body),
    ).toMatchObject({
      ops: OPS,
      expectedVersion: '7',
      dryRun: true,
    });
    expect(
      organisationContract.change.request.body.content['application/json'].schema.parse(sent[1]!.body),
    ).toMatchObject({
      ops: OPS,
      expectedVersion: '7',
      dryRun: false,
    });
    expect(sent[0]!.headers['Idempotency-Key']).toBeUndefined();
    expect(sent[1]!.headers['Idempotency-Key']).toMatch(/.{8,}/);
  });

  it('given an export, when linked, then the URL is the export route with its format', () => {
    const url = organisationApi.exportUrl('csv');
    expect(routeOf('GET', url)).toEqual([organisationContract.export]);
    expect(new URL(url, 'http://app.test').searchParams.get('format')).toBe('csv');
  });
});
