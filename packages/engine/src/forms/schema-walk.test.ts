import { describe, expect, it } from 'vitest';
import type { SubschemaVisit } from './schema-walk';
import { walkSchema } from './schema-walk';

describe('walkSchema', () => {
  it('given applicators of every shape, when walked, then each object subschema is visited with its pointer', () => {
    const schema = {
      type: 'object',
      properties: { 'a/b': { type: 'string' }, list: { type: 'array', items: { type: 'number' } } },
      anyOf: [{ required: ['x'] }, true],
      if: { properties: {} },
      const: { properties: { notASchema: {} } },
    };
    const visits: Pick<SubschemaVisit, 'path' | 'depth'>[] = [];
    walkSchema(schema, ({ path, depth }) => visits.push({ path, depth }));
    expect(visits).toEqual([
      { path: '', depth: 1 },
      { path: '/properties/a~1b', depth: 2 },
      { path: '/properties/list', depth: 2 },
      { path: '/properties/list/items', depth: 3 },
      { path: '/anyOf/0', depth: 2 },
      { path: '/if', depth: 2 },
    ]);
  });

  it('given a visitor returning false, when walked, then that subtree is skipped', () => {
    const paths: string[] = [];
    walkSchema({ properties: { a: { properties: { b: {} } } } }, ({ path }) => {
      paths.push(path);
      return path !== '/properties/a';
    });
    expect(paths).toEqual(['', '/properties/a']);
  });
});
