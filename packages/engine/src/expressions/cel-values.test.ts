import { Duration } from '@marcbachmann/cel-js/evaluator';
import { describe, expect, it } from 'vitest';
import { celToJs, jsonToCel } from './cel-values';

describe('jsonToCel', () => {
  describe('given untyped JSON', () => {
    it('when converting, then numbers stay doubles and maps lose their prototype', () => {
      const out = jsonToCel({ n: 3, list: [1, 'a', null], nested: { ok: true } }) as Record<string, unknown>;
      expect(Object.getPrototypeOf(out)).toBeNull();
      expect(out.n).toBe(3);
      expect(out.list).toEqual([1, 'a', null]);
      expect(Object.getPrototypeOf(out.nested)).toBeNull();
    });

    it('when keys are __proto__, constructor or prototype, then they are dropped', () => {
      const out = jsonToCel(JSON.parse('{"__proto__":{"polluted":1},"constructor":1,"prototype":2,"a":1}'));
      expect(Object.keys(out as object)).toEqual(['a']);
    });

    it('when nesting is deeper than 64 levels, then it throws a RangeError', () => {
      let value: unknown = 1;
      for (let i = 0; i < 100; i++) value = [value];
      expect(() => jsonToCel(value)).toThrow(RangeError);
    });
  });
});

describe('celToJs', () => {
  describe('given CEL runtime values', () => {
    it('when converting, then ints are numbers, timestamps ISO strings and durations milliseconds', () => {
      expect(celToJs(42n)).toBe(42);
      expect(celToJs(new Date('2024-01-02T03:04:05Z'))).toBe('2024-01-02T03:04:05.000Z');
      expect(celToJs(Duration.fromMilliseconds(90_000))).toBe(90_000);
      expect(celToJs([1n, [2n]])).toEqual([1, [2]]);
      expect(celToJs(new Map([['a', 1n]]))).toEqual({ a: 1 });
      expect(celToJs(null)).toBeNull();
    });

    it('when a map carries an own __proto__ key, then the result keeps a normal prototype', () => {
      const out = celToJs(JSON.parse('{"__proto__":{"polluted":1},"a":1}')) as object;
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      expect(out).toEqual({ a: 1 });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});
