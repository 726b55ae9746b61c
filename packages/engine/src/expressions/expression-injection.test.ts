import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCelEnvironment } from './cel-environment';
import type { CelVariables } from './cel-environment-types';
import { ExpressionError } from './expression-error';
import { claimSchema } from './test-fixtures';

const env = createCelEnvironment({ caseSchema: claimSchema, parameters: { limit: 5000 } });
const vars: CelVariables = {
  data: { amount: 1, title: 'a', tags: ['x'], extra: { k: 1 } },
  now: '2024-05-01T08:00:00Z',
  item: { k: 1 },
};

type Outcome = { error: ExpressionError } | { value: unknown };

function attempt(source: string, variables: CelVariables = vars): Outcome {
  try {
    return { value: env.compile(source).evaluate(variables) };
  } catch (error) {
    if (error instanceof ExpressionError) return { error };
    throw error;
  }
}

/** JSON-like data only: no functions, no exotic prototypes, nothing that could carry behaviour. */
function isPlainData(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isPlainData);
}

const nested = (open: string, inner: string, close: string, n: number) =>
  open.repeat(n) + inner + close.repeat(n);

const REJECTED: Array<[string, string]> = [
  ['constructor chain call', 'constructor.constructor("return process")()'],
  ['__proto__ field', 'data.__proto__'],
  ['__proto__ index', 'data["__proto__"]'],
  ['constructor.prototype index', 'data["constructor"]["prototype"]'],
  ['string constructor', '"".constructor'],
  ['list constructor', '[].constructor'],
  ['map toString', '{}.toString'],
  ['map constructor index', '{}["constructor"]'],
  ['dyn record constructor', 'dyn(data).constructor'],
  ['dyn record __proto__', 'dyn(data)["__proto__"]'],
  ['dyn map __proto__', 'data.extra["__proto__"]'],
  ['dyn map constructor', 'data.extra.constructor'],
  ['item __proto__', 'item["__proto__"]["polluted"]'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the corpus is template-like on purpose
  ['template interpolation', '${process.exit()}'],
  ['ruby interpolation', '#{1}'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the corpus is template-like on purpose
  ['template literal', '`${1}`'],
  ['tagged template', 'String.raw`x`'],
  ['this', 'this'],
  ['globalThis', 'globalThis.process'],
  ['process', 'process.exit(1)'],
  ['require', 'require("fs")'],
  ['dynamic import', 'import("fs")'],
  ['function literal', 'function(){ return 1 }'],
  ['arrow function', '(() => 1)()'],
  ['assignment', 'data.amount = 1'],
  ['statement separator', '1; process.exit()'],
  ['__proto__ identifier', '__proto__'],
  ['10 KB source', `data.title == "${'a'.repeat(10 * 1024)}"`],
  ['huge string literal', `"${'x'.repeat(100_000)}"`],
  ['1000 nested parens', nested('(', '1', ')', 1000)],
  ['1000 nested lists', nested('[', '1', ']', 1000)],
  ['1000 nested maps', nested('{"a":', '1', '}', 1000)],
  ['1000 unary nots', `${'!'.repeat(1000)}true`],
  ['nested macro blow-up', '[1,2,3].map(x, [1,2,3].map(y, [1,2,3].map(z, [1,2,3].map(w, x + y + z + w))))'],
  ['many sequential macros', Array.from({ length: 12 }, () => '[1,2,3].exists(x, x > 2)').join(' && ')],
  ['bind doubling', `cel.bind(a, "xx", ${nested('cel.bind(a, a + a, ', 'size(a)', ')', 6)})`],
  ['non-literal regex', 'data.title.matches(data.title)'],
  ['integer overflow', '9223372036854775807 + 1'],
  ['division by zero', '1 / 0'],
  ['bad conversion', 'int("99999999999999999999999")'],
  ['bad timestamp', 'timestamp("not a time")'],
  ['mixed dyn addition', 'dyn(1) + dyn("a")'],
  ['unknown function', 'eval("1")'],
];

const HARMLESS: Array<[string, string, unknown]> = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the corpus is template-like on purpose
  ['interpolation inside a string literal', '"${process.exit()}"', '${process.exit()}'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the corpus is template-like on purpose
  ['template text inside a string literal', '"`${this}`"', '`${this}`'],
  ['__proto__ map literal', '{"__proto__": {"polluted": true}}', {}],
  ['constructor map literal', '{"constructor": {"prototype": {"polluted": true}}}', {}],
  ['nul escape', '"a\\u0000b"', 'a\u0000b'],
  [
    'ReDoS pattern (RE2 runs it in linear time)',
    '"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!".matches("(a+)+$")',
    false,
  ],
  [
    'two-level macro',
    '[1,2].map(x, [1,2].map(y, x * y))',
    [
      [1, 2],
      [2, 4],
    ],
  ],
];

let protoKeysBefore: string[];

beforeAll(() => {
  protoKeysBefore = Object.getOwnPropertyNames(Object.prototype);
});

afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(protoKeysBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('expression injection corpus', () => {
  describe('given hostile or runaway sources', () => {
    it.each(REJECTED)('when evaluating %s, then an ExpressionError is thrown', (_name, source) => {
      const outcome = attempt(source);
      expect('error' in outcome, JSON.stringify(outcome).slice(0, 200)).toBe(true);
    });
  });

  describe('given sources that look hostile but are plain CEL', () => {
    it.each(HARMLESS)('when evaluating %s, then it yields plain data', (_name, source, expected) => {
      const outcome = attempt(source);
      expect(outcome).toEqual({ value: expected });
      if ('value' in outcome) expect(isPlainData(outcome.value)).toBe(true);
    });
  });

  describe('given case data carrying __proto__ and constructor keys', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}},' +
        ' "extra": {"__proto__": {"polluted": 3}, "k": 1},' +
        ' "applicant": {"__proto__": {"polluted": 4}, "name": "Bo"},' +
        ' "lines": [{"__proto__": {"polluted": 5}, "cost": 1}]}',
    );
    const hostileVars: CelVariables = { data: hostile, now: vars.now, item: hostile.extra };

    it.each([
      ['data.extra', { k: 1 }],
      ['data.applicant', { name: 'Bo' }],
      ['data.lines', [{ cost: 1 }]],
      ['item', { k: 1 }],
      ['data.extra == {"k": 1}', true],
      ['[data.extra].exists(m, m == {"k": 1})', true],
    ])('when evaluating %s, then the result is clean', (source, expected) => {
      const outcome = attempt(source, hostileVars);
      expect(outcome).toEqual({ value: expected });
      if ('value' in outcome) expect(isPlainData(outcome.value)).toBe(true);
    });

    it('when returning the whole data, then no prototype was replaced and nothing leaked', () => {
      const outcome = attempt('data', hostileVars);
      expect('value' in outcome).toBe(true);
      const value = 'value' in outcome ? (outcome.value as Record<string, unknown>) : {};
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(value.polluted).toBeUndefined();
      expect((value.extra as Record<string, unknown>).polluted).toBeUndefined();
      expect(isPlainData(value)).toBe(true);
    });

    it('when reading hostile keys, then each is an error', () => {
      for (const source of [
        'data.extra["__proto__"]',
        'item["constructor"]',
        'dyn(data.applicant)["__proto__"]',
      ]) {
        expect('error' in attempt(source, hostileVars)).toBe(true);
      }
    });
  });
});
