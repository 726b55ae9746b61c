import { describe, expect, it } from 'vitest';
import { checkDataLimits, DATA_LIMITS } from './data-limits';

describe('checkDataLimits', () => {
  it('given ordinary form data, when checked, then there are no issues', () => {
    expect(
      checkDataLimits({ name: '张三', amount: 12.5, tags: ['a'], nested: { ok: true, none: null } }),
    ).toEqual([]);
  });

  it('given the documented limits, when read, then they are 256 KiB and 16 levels', () => {
    expect(DATA_LIMITS).toMatchObject({ maxBytes: 256 * 1024, maxDepth: 16 });
    expect(DATA_LIMITS.maxKeys).toBeGreaterThan(1000);
  });

  it('given Chinese text near the size limit, when checked, then bytes are counted as UTF-8', () => {
    const limits = { maxBytes: 100, maxDepth: 16, maxKeys: 100 };
    expect(checkDataLimits({ t: '中'.repeat(25) }, limits)).toEqual([]);
    expect(checkDataLimits({ t: '中'.repeat(40) }, limits)).toEqual([
      { keyword: 'limit', path: '', limit: 'maxBytes', max: 100 },
    ]);
  });

  it('given a huge single string, when checked, then it is over the size limit', () => {
    expect(checkDataLimits('x'.repeat(DATA_LIMITS.maxBytes + 1))).toEqual([
      { keyword: 'limit', path: '', limit: 'maxBytes', max: DATA_LIMITS.maxBytes },
    ]);
  });

  it('given nesting one level too deep, when checked, then the deepest container is named', () => {
    const limits = { maxBytes: 1000, maxDepth: 2, maxKeys: 100 };
    expect(checkDataLimits({ a: { b: 1 } }, limits)).toEqual([]);
    expect(checkDataLimits({ a: { b: [] } }, limits)).toEqual([
      { keyword: 'limit', path: '/a/b', limit: 'maxDepth', max: 2 },
    ]);
  });

  it('given a cyclic object, when checked, then the walk stops at the depth limit', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(checkDataLimits(cyclic)).toEqual([
      expect.objectContaining({ keyword: 'limit', limit: 'maxDepth' }),
    ]);
  });

  it('given too many keys and items, when checked, then the key limit is reported', () => {
    const limits = { maxBytes: 100_000, maxDepth: 16, maxKeys: 10 };
    expect(checkDataLimits({ list: Array.from({ length: 20 }, () => 0) }, limits)).toEqual([
      { keyword: 'limit', path: '', limit: 'maxKeys', max: 10 },
    ]);
  });

  it('given prototype-reaching keys, when checked, then every one is reported with its path', () => {
    const data = JSON.parse('{"__proto__":{"x":1},"a":{"constructor":1,"b":[{"prototype":2}]}}') as unknown;
    expect(checkDataLimits(data)).toEqual([
      { keyword: 'forbiddenKey', path: '/__proto__', key: '__proto__' },
      { keyword: 'forbiddenKey', path: '/a/constructor', key: 'constructor' },
      { keyword: 'forbiddenKey', path: '/a/b/0/prototype', key: 'prototype' },
    ]);
  });

  it('given values JSON cannot hold, when checked, then they are reported as not JSON', () => {
    expect(checkDataLimits({ f: () => 1, d: new Date(0), n: 10n, u: undefined })).toEqual([
      { keyword: 'json', path: '/f' },
      { keyword: 'json', path: '/d' },
      { keyword: 'json', path: '/n' },
    ]);
  });

  it('given keys needing JSON-pointer escapes, when reported, then the path escapes them', () => {
    const data = JSON.parse('{"a/b":{"~":{"__proto__":1}}}') as unknown;
    expect(checkDataLimits(data)).toEqual([
      { keyword: 'forbiddenKey', path: '/a~1b/~0/__proto__', key: '__proto__' },
    ]);
  });
});
