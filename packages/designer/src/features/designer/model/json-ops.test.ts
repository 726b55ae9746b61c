import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOp, type Op } from './json-ops';

describe('json ops', () => {
  it('given any object, when a key is deleted and the inverse applied, then key order is restored', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (keys, n) => {
          const doc = { o: Object.fromEntries(keys.map((k, i) => [k, i])) };
          const key = keys[n % keys.length]!;
          const { doc: removed, inverse } = applyOp(doc, { op: 'delete', path: ['o', key] });
          expect(JSON.stringify(applyOp(removed, inverse).doc)).toBe(JSON.stringify(doc));
        },
      ),
    );
  });

  it('given a key renamed, when reverted, then it is back in its place', () => {
    const doc = { a: 1, b: 2, c: 3 };
    const { doc: next, inverse } = applyOp(doc, { op: 'rename', path: ['b'], to: 'x' });
    expect(Object.keys(next as object)).toEqual(['a', 'x', 'c']);
    expect(JSON.stringify(applyOp(next, inverse).doc)).toBe(JSON.stringify(doc));
  });

  it('given array ops, when each inverse is applied, then the array is as before', () => {
    const doc = { list: [1, 2, 3] };
    const ops: Op[] = [
      { op: 'insert', path: ['list', 1], value: 9 },
      { op: 'delete', path: ['list', 0] },
      { op: 'put', path: ['list', 2], value: 7 },
    ];
    for (const op of ops) {
      const { doc: next, inverse } = applyOp(doc, op);
      expect(applyOp(next, inverse).doc).toEqual(doc);
    }
  });

  it('given the input, when an op is applied, then the input is not mutated', () => {
    const doc = { a: { b: [1] } };
    applyOp(doc, { op: 'insert', path: ['a', 'b', 0], value: 0 });
    expect(doc).toEqual({ a: { b: [1] } });
  });
});
