import { describe, expect, it } from 'vitest';
import { createCompileCache } from './compile-cache';

describe('createCompileCache', () => {
  it('given the same schema object, when asked twice, then it builds once', () => {
    const cache = createCompileCache<number>();
    const schema = { type: 'string' };
    let builds = 0;
    expect(cache.get(schema, () => ++builds)).toBe(1);
    expect(cache.get(schema, () => ++builds)).toBe(1);
    expect(builds).toBe(1);
  });

  it('given an equal schema in a new object, when asked, then the content key finds it', () => {
    const cache = createCompileCache<string>();
    cache.get({ type: 'string', title: '名称' }, () => 'first');
    expect(cache.get({ type: 'string', title: '名称' }, () => 'second')).toBe('first');
    expect(cache.get({ type: 'string', title: '别的' }, () => 'third')).toBe('third');
  });

  it('given a build that throws, when asked again, then the same error is rethrown without rebuilding', () => {
    const cache = createCompileCache<number>();
    const schema = { bad: true };
    let builds = 0;
    const build = () => {
      builds++;
      throw new Error('nope');
    };
    expect(() => cache.get(schema, build)).toThrow('nope');
    expect(() => cache.get({ bad: true }, build)).toThrow('nope');
    expect(builds).toBe(1);
  });

  it('given more distinct contents than the bound, when asked, then the least recently used is rebuilt', () => {
    const cache = createCompileCache<number>(2);
    let builds = 0;
    const build = () => ++builds;
    cache.get({ n: 1 }, build);
    cache.get({ n: 2 }, build);
    cache.get({ n: 1 }, build); // refreshes n: 1
    cache.get({ n: 3 }, build); // evicts n: 2
    expect(cache.get({ n: 1 }, build)).toBe(1);
    expect(cache.get({ n: 2 }, build)).toBe(4);
  });

  it('given a schema that cannot be serialised, when asked, then identity caching still works', () => {
    const cache = createCompileCache<number>();
    const schema: Record<string, unknown> = {};
    schema.self = schema;
    let builds = 0;
    cache.get(schema, () => ++builds);
    cache.get(schema, () => ++builds);
    expect(builds).toBe(1);
  });
});
