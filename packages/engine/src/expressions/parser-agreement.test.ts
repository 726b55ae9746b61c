import { describe, expect, it } from 'vitest';
import { createCelEnvironment } from './cel-environment';

const env = createCelEnvironment({
  caseSchema: {
    type: 'object',
    required: ['n', 'm', 'k', 'b', 'c', 'l', 'r'],
    properties: {
      n: { type: 'integer' },
      m: { type: 'integer' },
      k: { type: 'integer' },
      b: { type: 'boolean' },
      c: { type: 'boolean' },
      l: { type: 'array', items: { type: 'integer' } },
      r: { type: 'object', required: ['x'], properties: { x: { type: 'integer' } } },
    },
  },
});
const data = { n: 1, m: 2, k: 3, b: true, c: false, l: [1, 2, 3], r: { x: 4 } };
const now = '2024-05-01T08:00:00Z';
const codeOf = (source: string) => {
  const result = env.check(source);
  return result.ok ? 'ok' : result.code;
};

describe('the checker and the evaluator read the same tree', () => {
  describe('given relational operators that CEL groups at one precedence, left to right', () => {
    it.each([
      ['data.b != data.n > data.m', "'data.b != (data.n > data.m)'"],
      ['true == data.n in data.l', "'true == (data.n in data.l)'"],
      ['data.n + 1 != 2 in [true]', "'(data.n + 1) != (2 in [true])'"],
      ['data.l.all(v, false != size(data.l.map(w, w)) > 0)', "'false != (size(data.l.map(w, w)) > 0)'"],
      ['data.b ? data.c == data.n < 2 : false', "'data.c == (data.n < 2)'"],
    ])(
      'when %s is checked, then it is refused as cel-ambiguous naming the part and its reading',
      (source, reading) => {
        const result = env.check(source);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.code).toBe('cel-ambiguous');
        expect(result.message).toContain(reading);
        expect(result.message).toContain('add parentheses');
      },
    );

    it('when the author adds the parentheses they mean, then it is accepted and runs', () => {
      expect(env.compile('data.b != (data.n > data.m)').evaluate({ data, now })).toBe(true);
      expect(env.compile('(data.n == 1) in [true]').evaluate({ data, now })).toBe(true);
    });
  });

  describe('given mixes both parsers group alike', () => {
    it.each([
      ['data.n == data.m == false', true],
      ['data.n in data.l == true', true],
      ['!data.b == data.c', true],
      ['-data.r.x', -4],
      ['-5 + -(5) + - 5 + --5', -10],
      ['data.n - -1', 2],
      ['data.b ? 1 : data.c ? 2 : 3', 1],
      ['data.b ? (data.c ? 1 : 2) : 3', 2],
      ['data.c || data.b && data.c', false],
      ['data.c || data.c || data.c || data.b', true],
      ['data.b && data.b && (data.b && data.c)', false],
      ['!!data.b', true],
      ['data.l.exists(v, v > 2 == true)', true],
      ['data.l.map(v, v * 2 + 1).filter(v, v % 3 == 0)', [3]],
      ['cel.bind(x, data.n + 1, x * x) == 4', true],
      ['"\\U0001F600é" + "x" == "😀éx"', true],
      ["b'\\xff' + b'ÿ' != b''", true],
      ['1u + 0x10u == 17u', true],
      ['1e3 + 5.0 > 1000.0', true],
    ])('when %s is checked and evaluated, then it is accepted and yields %j', (source, expected) => {
      expect(codeOf(source)).toBe('ok');
      expect(env.compile(source).evaluate({ data, now })).toEqual(expected);
    });
  });

  describe('given mixes that are type errors in both readings', () => {
    it.each(['data.n < data.m < data.k', '(data.b != data.n) > data.m'])(
      'when %s is checked, then it is a cel-type error, not an ambiguity',
      (source) => {
        expect(codeOf(source)).toBe('cel-type');
      },
    );
  });

  it('given a ternary in the middle branch without parentheses (not CEL syntax), when checked, then it is refused as unsupported', () => {
    expect(codeOf('data.b ? data.c ? 1 : 2 : 3')).toBe('cel-unsupported');
  });

  it('given a minus before a selection on a number (-5.e), when checked, then the differing reading is refused', () => {
    expect(codeOf('-5.e')).toBe('cel-ambiguous');
  });
});
