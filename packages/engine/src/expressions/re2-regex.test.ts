import { describe, expect, it } from 'vitest';
import { createCelEnvironment } from './cel-environment';
import { MAX_REGEX_LENGTH, re2RegExp, regexIssue } from './re2-regex';

const CLASSICS: Array<[string, string]> = [
  ['(a+)+$', `${'a'.repeat(100_000)}!`],
  ['(a|aa)*b', 'a'.repeat(100_000)],
  ['.*.*.*.*.*.*=', 'x'.repeat(100_000)],
  ['(a*)*b', 'a'.repeat(100_000)],
  ['(x+x+)+y', 'x'.repeat(100_000)],
  ['^(\\w+\\s?)*$', `${'word '.repeat(20_000)}!`],
];

describe('re2-regex', () => {
  describe('given patterns that backtrack catastrophically in JS engines', () => {
    it.each(CLASSICS)(
      'when %s runs through CEL matches() on 100 KB, then it finishes in well under 500 ms',
      (pattern, input) => {
        const env = createCelEnvironment({
          caseSchema: { type: 'object', properties: { text: { type: 'string' } } },
        });
        const guard = env.compile(`data.text.matches(${JSON.stringify(pattern)})`);
        const started = performance.now();
        const result = guard.evaluate({ data: { text: input }, now: '2024-05-01T08:00:00Z' });
        const elapsed = performance.now() - started;
        expect(typeof result).toBe('boolean');
        expect(elapsed).toBeLessThan(500);
      },
    );
  });

  describe('given the screening rule', () => {
    it('when a pattern is RE2, then there is no issue and it matches anywhere in the text', () => {
      expect(regexIssue('^[A-Z]{2}-\\d{4}$')).toBeUndefined();
      expect(re2RegExp('b+').test('abbc')).toBe(true);
      expect(re2RegExp('^b').test('abbc')).toBe(false);
    });

    it('when a pattern uses backreferences or lookaround, then it is invalid', () => {
      expect(regexIssue('(a)\\1')).toBe('invalid');
      expect(regexIssue('a(?=b)')).toBe('invalid');
      expect(regexIssue('(a')).toBe('invalid');
    });

    it('when a pattern is longer than the cap, then it is too long', () => {
      expect(regexIssue('a'.repeat(MAX_REGEX_LENGTH + 1))).toBe('too-long');
    });

    it('when used as an ajv regex engine with flags, then i, m, s and u work and others are refused', () => {
      expect(re2RegExp('^abc$', 'i').test('ABC')).toBe(true);
      expect(re2RegExp('^b$', 'm').test('a\nb')).toBe(true);
      expect(re2RegExp('a.b', 's').test('a\nb')).toBe(true);
      expect(re2RegExp('é', 'u').test('café')).toBe(true);
      expect(() => re2RegExp('a', 'g')).toThrow(/not supported/);
    });
  });
});
