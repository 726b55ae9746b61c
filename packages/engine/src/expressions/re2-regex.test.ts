import { describe, expect, it } from 'vitest';
import { REGEX_LIMITS, re2RegExp, regexRefusal, toRe2Syntax } from './re2-regex';

describe('re2-regex', () => {
  describe('given the screening rule', () => {
    it('when a pattern is RE2, then it is not refused and it matches anywhere in the text', () => {
      expect(regexRefusal('^[A-Z]{2}-\\d{4}$')).toBeUndefined();
      expect(re2RegExp('b+').test('abbc')).toBe(true);
      expect(re2RegExp('^b').test('abbc')).toBe(false);
    });

    it.each(['(a)\\1', 'a(?=b)', '(?<=a)b', '(a', '[^]', 'a{1001}'])(
      'when the pattern is %s (not RE2), then it is regex-invalid',
      (pattern) => {
        expect(regexRefusal(pattern)?.code).toBe('regex-invalid');
        expect(() => re2RegExp(pattern)).toThrow(/not valid RE2/);
      },
    );

    it('when a pattern is longer than the cap, then it is regex-too-large naming the cap', () => {
      const refusal = regexRefusal('a'.repeat(REGEX_LIMITS.maxLength + 1));
      expect(refusal?.code).toBe('regex-too-large');
      expect(refusal?.message).toContain(String(REGEX_LIMITS.maxLength));
    });

    it('when a short pattern compiles to a program over the cap, then it is regex-too-large', () => {
      expect(regexRefusal('.{0,999}[0-9]')?.code).toBe('regex-too-large');
      expect(regexRefusal('\\pL{0,200}$')?.message).toMatch(/instructions, at most 250/);
      expect(regexRefusal('^[a-z][a-z0-9-]{0,63}$')).toBeUndefined();
    });

    it('when a pattern uses JavaScript \\u escapes, then they mean the code point, as RE2 \\x{…} does', () => {
      expect(toRe2Syntax('^[\\u4e00-\\u9fa5]+$')).toBe('^[\\x{4e00}-\\x{9fa5}]+$');
      expect(re2RegExp('^[\\u4e00-\\u9fa5]{2,4}$').test('张三')).toBe(true);
      expect(re2RegExp('^\\u{1F600}$').test('😀')).toBe(true);
      expect(re2RegExp('^\\ud83d\\ude00$').test('😀')).toBe(true);
      expect(re2RegExp('^\\\\u0041$').test('\\u0041')).toBe(true);
    });

    it('when used as an ajv regex engine with flags, then i, m, s and u work and others are refused', () => {
      expect(re2RegExp('^abc$', 'i').test('ABC')).toBe(true);
      expect(re2RegExp('^b$', 'm').test('a\nb')).toBe(true);
      expect(re2RegExp('a.b', 's').test('a\nb')).toBe(true);
      expect(re2RegExp('é', 'u').test('café')).toBe(true);
      expect(() => re2RegExp('a', 'g')).toThrow(/not supported/);
    });

    it('when ajv keys compiled patterns by their text, then different patterns have different keys', () => {
      expect(String(re2RegExp('^a$', 'u'))).not.toBe(String(re2RegExp('^b$', 'u')));
    });
  });
});
