import { describe, expect, it } from 'vitest';
import { createCelEnvironment } from './cel-environment';
import { ExpressionError } from './expression-error';
import { assertSourceSize, utf8ByteLength } from './expression-limits';
import { REGEX_LIMITS } from './re2-regex';
import { claimSchema } from './test-fixtures';

const env = createCelEnvironment({ caseSchema: claimSchema });

function codeOf(source: string): string {
  const result = env.check(source);
  return result.ok ? 'ok' : result.code;
}

describe('expression limits', () => {
  describe('given source length in UTF-8 bytes', () => {
    it('when counting, then multi-byte characters and surrogate pairs are weighed correctly', () => {
      expect(utf8ByteLength('abc')).toBe(3);
      expect(utf8ByteLength('é')).toBe(2);
      expect(utf8ByteLength('审批')).toBe(6);
      expect(utf8ByteLength('😀')).toBe(4);
    });

    it('when 2048 ASCII bytes, then it passes; when 2049, then cel-too-large', () => {
      expect(() => assertSourceSize('1'.repeat(2048))).not.toThrow();
      expect(() => assertSourceSize('1'.repeat(2049))).toThrow(ExpressionError);
    });

    it('when 700 Chinese characters (2100 bytes), then it is too large despite 700 UTF-16 units', () => {
      expect(codeOf(`"${'审'.repeat(700)}" == ""`)).toBe('cel-too-large');
    });
  });

  describe('given parser caps', () => {
    it('when nesting exceeds depth 32, then cel-too-large', () => {
      expect(codeOf(`${'('.repeat(40)}1${')'.repeat(40)} == 1`)).toBe('cel-too-large');
      expect(codeOf(`${'('.repeat(10)}1${')'.repeat(10)} == 1`)).toBe('ok');
    });

    it('when there are more than 500 AST nodes, then cel-too-large', () => {
      expect(codeOf(Array.from({ length: 300 }, () => '1').join(' + '))).toBe('cel-too-large');
    });

    it('when a list literal has more than 100 elements, then cel-too-large', () => {
      const list = (n: number) => `[${Array.from({ length: n }, (_, i) => i).join(',')}]`;
      expect(codeOf(`1 in ${list(100)}`)).toBe('ok');
      expect(codeOf(`1 in ${list(101)}`)).toBe('cel-too-large');
    });

    it('when a map literal has more than 100 entries, then cel-too-large', () => {
      const map = `{${Array.from({ length: 101 }, (_, i) => `"k${i}": ${i}`).join(',')}}`;
      expect(codeOf(`size(${map}) > 0`)).toBe('cel-too-large');
    });
  });

  describe('given structural caps', () => {
    it('when comprehensions nest three deep, then cel-too-large; two deep is fine', () => {
      expect(codeOf('data.tags.map(a, data.tags.map(b, a + b))')).toBe('ok');
      expect(codeOf('data.tags.map(a, data.tags.map(b, data.tags.map(c, a + b + c)))')).toBe('cel-too-large');
    });

    it('when there are more than 10 comprehensions, then cel-too-large', () => {
      const many = Array.from({ length: 11 }, () => 'data.tags.exists(t, t == "x")').join(' || ');
      expect(codeOf(many)).toBe('cel-too-large');
    });

    it('when cel.bind is used more than 4 times, then cel-too-large', () => {
      let source = 's';
      for (let i = 0; i < 5; i++) source = `cel.bind(s, s + s, ${source})`;
      expect(codeOf(`cel.bind(s, "ab", ${source}) == ""`)).toBe('cel-too-large');
    });
  });

  describe('given matches() patterns', () => {
    it('when the pattern is a safe literal, then it is accepted and runs', () => {
      expect(codeOf('data.title.matches("^[A-Z]{2}-\\\\d+$")')).toBe('ok');
    });

    it('when the pattern is not a literal, then cel-too-large', () => {
      expect(codeOf('data.title.matches(data.category)')).toBe('cel-too-large');
    });

    it('when the pattern would backtrack catastrophically in JS, then RE2 accepts it (linear time)', () => {
      expect(codeOf('data.title.matches("(a+)+$")')).toBe('ok');
    });

    it('when the pattern is not RE2 (a backreference), then regex-invalid, as for a form pattern', () => {
      expect(codeOf('data.title.matches("(a)\\\\1")')).toBe('regex-invalid');
    });

    it('when the pattern is too long, then regex-too-large, as for a form pattern', () => {
      const long = 'a'.repeat(REGEX_LIMITS.maxLength + 1);
      expect(codeOf(`data.title.matches("${long}")`)).toBe('regex-too-large');
    });

    it('when the pattern compiles to too large a program, then regex-too-large', () => {
      expect(codeOf('data.title.matches(".{0,999}[0-9]")')).toBe('regex-too-large');
    });

    it('when the pattern does not compile, then regex-invalid', () => {
      expect(codeOf('data.title.matches("(a")')).toBe('regex-invalid');
    });
  });
});
