import { type CelInput, celMap, celUint } from '@bufbuild/cel';
import { create } from '@bufbuild/protobuf';
import { DurationSchema, TimestampSchema } from '@bufbuild/protobuf/wkt';
import { describe, expect, it } from 'vitest';
import { celToJs, jsonToCel } from './cel-values';

describe('jsonToCel', () => {
  describe('given untyped JSON', () => {
    it('when converting, then numbers stay doubles and objects become maps', () => {
      const out = jsonToCel({ n: 3, list: [1, 'a', null], nested: { ok: true } }) as Map<string, unknown>;
      expect(out).toBeInstanceOf(Map);
      expect(out.get('n')).toBe(3);
      expect(out.get('list')).toEqual([1, 'a', null]);
      expect(out.get('nested')).toEqual(new Map([['ok', true]]));
    });

    it('when keys are __proto__, constructor or prototype, then they are dropped', () => {
      const out = jsonToCel(JSON.parse('{"__proto__":{"polluted":1},"constructor":1,"prototype":2,"a":1}'));
      expect([...(out as Map<string, unknown>).keys()]).toEqual(['a']);
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
      expect(celToJs(celUint(7n))).toBe(7);
      expect(celToJs(create(TimestampSchema, { seconds: 1704164645n }))).toBe('2024-01-02T03:04:05.000Z');
      expect(celToJs(create(TimestampSchema, { seconds: 1704164645n, nanos: 5 }))).toBe(
        '2024-01-02T03:04:05.000000005Z',
      );
      expect(celToJs(create(DurationSchema, { seconds: 90n }))).toBe(90_000);
      expect(celToJs([1n, [2n]])).toEqual([1, [2]]);
      expect(celToJs(null)).toBeNull();
    });

    it('when an int is beyond 2^53, then it is a RangeError rather than a rounded number', () => {
      expect(() => celToJs(9007199254740993n)).toThrow(RangeError);
      expect(() => celToJs(celUint(18446744073709551615n))).toThrow(RangeError);
    });

    it('when a map carries an own __proto__ key, then the result keeps a normal prototype', () => {
      const map = celMap(
        new Map<string, CelInput>([
          ['__proto__', new Map([['polluted', 1]])],
          ['a', 1n],
        ]),
      );
      const out = celToJs(map) as object;
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      expect(out).toEqual({ a: 1 });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});
