import { describe, expect, it } from 'vitest';
import { checkPattern, MAX_PATTERN_LENGTH } from './pattern-safety';

const SAFE = [
  '^1[3-9]\\d{9}$',
  '^\\d{17}[\\dXx]$',
  '^[\\u4e00-\\u9fa5]{2,20}$',
  '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$',
  '^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$',
  '^[a-z]+(\\.[a-z]+)*$',
  '^(\\d{3}-)?\\d{4}$',
  '^(?=.*\\d)(?=.*[a-z]).{8,}$',
  '^\\d+(\\.\\d{1,2})?$',
  '^(ab|cd)+$',
  '^([\\s]\\w+)+$',
  '\\S',
  '^[^<>]*$',
  '^\\p{Script=Han}+$',
  '^[A-Z]{2}-\\d{4,8}$',
  '^(?:[01]\\d|2[0-3]):[0-5]\\d$',
  '\\S+',
  '[\\u4e00-\\u9fa5]+',
  'a\\d+b',
  '@.+',
  'x\\d{3}y',
  '[a-z]\\d+$',
  '^\\d{1,3}\\.?\\d{0,2}$',
  '^\\d{4}-\\d{1,2}-\\d{1,2}( \\d{1,2}:\\d{1,2}(:\\d{1,2})?)?$',
  '^(a|a)(b|b)$',
  '^a?a?a?aaa$',
];

const UNSAFE = [
  '(a+)+',
  '^(a+)+$',
  '(a*)*',
  '(.*)*',
  '(a|a)*',
  '^(a|ab)+$',
  '^(\\w|\\d)+$',
  '^(\\w+\\s?)+$',
  '^(\\s?\\w+)+$',
  '^(a?){25}a{25}$',
  '^(x(a|a))+$',
  '^\\d+\\d+x$',
  '^.*a.*b$',
  '\\d+1\\d+x',
  '^[ab]+ab[ab]+x$',
  '^(\\.[a-z]+)*[a-z]+x$',
  '^(\\d+)\\d+x$',
  '^(a|b)\\1$',
  '^(?<q>a)\\k<q>$',
  '(?<=a)b',
  '(?<!a)b',
  '^([a-z]+\\.)+[a-z]+$',
  '\\d+x',
  '\\d+$',
  '.*\\S.*',
  '(\\d+)x',
  '^a+|b+c',
  '(?=.*\\d)',
  'a(?=.*\\d)',
  '\\d{100,}',
  '^a?a?a?a?a?a?a?aaaaaaa$',
  '^(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)b$',
  '^\\d{1,10}\\d{1,10}$',
  '^[^b]*(?=\\d+-)',
];

describe('checkPattern', () => {
  it.each(SAFE)('given the everyday pattern %s, when checked, then it is accepted', (pattern) => {
    expect(checkPattern(pattern)).toBeUndefined();
  });

  it.each(UNSAFE)('given the backtracking-prone pattern %s, when checked, then it is refused', (pattern) => {
    expect(checkPattern(pattern)).toMatchObject({ kind: 'unsafe' });
  });

  it('given a pattern longer than the cap, when checked, then it is refused for its length', () => {
    const verdict = checkPattern('a'.repeat(MAX_PATTERN_LENGTH + 1));
    expect(verdict).toMatchObject({ kind: 'unsafe' });
    expect(verdict?.message).toContain(String(MAX_PATTERN_LENGTH));
  });

  it('given a syntactically invalid pattern, when checked, then it is reported as invalid', () => {
    expect(checkPattern('(a')).toMatchObject({ kind: 'invalid' });
    expect(checkPattern('a{')).toMatchObject({ kind: 'invalid' });
    expect(checkPattern('^(?=a)*b$')).toMatchObject({ kind: 'invalid' });
  });

  it('given escapes and classes of every kind, when checked, then the parser copes', () => {
    for (const pattern of [
      '^\\x41\\u0042\\u{1F600}\\cA\\0\\n\\t$',
      '^[\\b\\-\\]a-c\\d]$',
      '^[^]$',
      '^\\P{L}$',
    ]) {
      expect(checkPattern(pattern)).toBeUndefined();
    }
  });
});
