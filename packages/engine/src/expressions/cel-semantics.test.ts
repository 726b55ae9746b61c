import { describe, expect, it } from 'vitest';
import { createCelEnvironment } from './cel-environment';
import { ExpressionError } from './expression-error';

const schema = {
  type: 'object',
  properties: {
    count: { type: 'integer' },
    tags: { type: 'array' },
    either: { type: ['number', 'string'] },
    people: { type: 'array', items: { type: 'object', properties: { unit: { type: 'string' } } } },
  },
};
const env = createCelEnvironment({ caseSchema: schema });
const now = '2024-05-01T08:00:00Z';
const run = (source: string, data: Record<string, unknown> = {}) =>
  env.compile(source).evaluate({ data, now });

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ExpressionError) return `${error.code}/${error.reason}`;
    throw error;
  }
  return undefined;
}

describe('CEL semantics at the edges', () => {
  describe('given membership where a type is known only at run time (the expression-failed reports)', () => {
    it.each([
      ['data.count in data.tags', { count: 3, tags: ['a', 3] }, true],
      ['data.count in data.tags', { count: 3, tags: ['a', 'b'] }, false],
      ['data.either in [1, 2]', { either: 'x' }, false],
      ['data.either in [1, 2]', { either: 2 }, true],
      ['7 in []', {}, false],
      ['dyn(3u) in [5, 4, 3, 2, 1]', {}, true],
    ])(
      'when %s is linted and evaluated on %j, then lint is clean and it yields %s',
      (source, data, expected) => {
        expect(env.check(source).ok).toBe(true);
        expect(run(source, data)).toBe(expected);
      },
    );

    it('when item is tested inside forEach, then lint is clean and it runs on every element', () => {
      const items = env.forEachItem('data.tags');
      expect(items.check('item in [1, 2]').ok).toBe(true);
      for (const item of [1, 'one', null, [2]]) {
        expect(items.compile('item in [1, 2]').evaluate({ data: {}, now, item })).toBe(item === 1);
      }
      expect(
        env
          .forEachItem('data.people')
          .compile('item.unit')
          .evaluate({ data: {}, now, item: { unit: 'ops' } }),
      ).toBe('ops');
    });
  });

  describe('given 64-bit integers', () => {
    it('when an int overflows or a conversion is out of range, then it is a cel-runtime overflow', () => {
      expect(reasonOf(() => run('-(-9223372036854775807 - 1)'))).toBe('cel-runtime/overflow');
      expect(reasonOf(() => run('9223372036854775807 + 1'))).toBe('cel-runtime/overflow');
      expect(reasonOf(() => run('int(1e99)'))).toBe('cel-runtime/overflow');
      expect(reasonOf(() => run('uint(-1)'))).toBe('cel-runtime/overflow');
    });

    it('when an exact int does not fit a JSON number, then evaluate refuses it and evaluateTyped keeps it', () => {
      const big = env.compile('9007199254740993');
      expect(reasonOf(() => big.evaluate({ data: {}, now }))).toBe('cel-runtime/overflow');
      expect(big.evaluateTyped({ data: {}, now })).toEqual({ type: 'int', value: 9007199254740993n });
      expect(env.compile('3u').evaluateTyped({ data: {}, now })).toEqual({ type: 'uint', value: 3n });
    });
  });

  describe('given timestamps, durations and bytes', () => {
    it('when a fixed-offset zone is given, then it is honoured', () => {
      expect(run('timestamp("2024-05-01T20:30:00Z").getHours("+08:00")')).toBe(4);
      expect(run('timestamp("2024-05-01T20:30:00Z").getHours("Asia/Shanghai")')).toBe(4);
    });

    it('when nanoseconds are given, then they are kept', () => {
      const t = env
        .compile('timestamp("2024-05-01T08:00:00.123456789Z") + duration("1ns")')
        .evaluateTyped({ data: {}, now });
      expect(t).toEqual({ type: 'timestamp', seconds: 1714550400n, nanos: 123456790 });
      expect(run('timestamp("2024-05-01T08:00:00.123456789Z")')).toBe('2024-05-01T08:00:00.123456789Z');
    });

    it('when a timestamp or duration leaves its range, then it is a cel-runtime overflow', () => {
      expect(reasonOf(() => run('timestamp("9999-12-31T23:59:59Z") + duration("1s")'))).toBe(
        'cel-runtime/overflow',
      );
      expect(reasonOf(() => run('duration("320000000000s")'))).toBe('cel-runtime/overflow');
    });

    it('when a bytes literal has a non-ASCII character, then it is its UTF-8 encoding', () => {
      expect(run("b'ÿ' == b'\\303\\277'")).toBe(true);
      expect(run("size(b'ÿ')")).toBe(2);
    });
  });
});
