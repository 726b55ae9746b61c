import { describe, expect, it } from 'vitest';
import { nameSyllables, normaliseQuery, syllableMatch } from './name-keys';

const finds = (name: string, typed: string) => syllableMatch(normaliseQuery(typed), nameSyllables(name));

describe('finding a Chinese name by its pinyin', () => {
  it('given 刘永刚, when read, then each character gives its reading', () => {
    expect(nameSyllables('刘永刚').map((s) => s[0])).toEqual(['liu', 'yong', 'gang']);
  });

  it.each([
    ['liu', 0],
    ['lyg', 0],
    ['liuyonggang', 0],
    ['liuyg', 0],
    ['Liu Yonggang', 0],
    ['ly', 0],
    ['yonggang', 1],
    ['yg', 1],
  ] as const)('given 刘永刚, when "%s" is typed, then it matches (from syllable rank %s)', (typed, rank) => {
    expect(finds('刘永刚', typed)).toBe(rank);
  });

  it.each(['lyy', 'liuyonggangg', 'wang', 'gyl', '刘'])(
    'given 刘永刚, when "%s" is typed, then the pinyin does not match',
    (typed) => {
      expect(finds('刘永刚', typed)).toBeUndefined();
    },
  );

  it('given the polyphonic surname 曾, when typed by its surname reading or its other one, then both find 曾丽华', () => {
    expect(nameSyllables('曾丽华')[0]![0]).toBe('zeng');
    expect(finds('曾丽华', 'zlh')).toBe(0);
    expect(finds('曾丽华', 'zenglihua')).toBe(0);
    expect(finds('曾丽华', 'clh')).toBe(0);
  });

  it('given 单 as a surname, when typed as shan, then it matches (the surname reading, not only dan)', () => {
    expect(finds('单雄信', 'shanxx')).toBe(0);
    expect(finds('单雄信', 'dxx')).toBe(0);
  });

  it('given ü in 吕, when typed as v on a keyboard, then it matches', () => {
    expect(finds('吕长江', 'lvcj')).toBe(0);
  });

  it('given a unit name with digits and brackets, when typed by pinyin from a later syllable, then it matches', () => {
    expect(nameSyllables('101计量站（东区）').map((s) => s[0])).toEqual([
      '101',
      'ji',
      'liang',
      'zhan',
      'dong',
      'qu',
    ]);
    expect(finds('101计量站（东区）', 'jlz')).toBe(1);
    expect(finds('101计量站（东区）', '101jl')).toBe(0);
  });

  it('given a long query of one letter repeated and a long name of one syllable repeated, when matched, then it is found exactly when the name is long enough', () => {
    const name = '张'.repeat(40);
    expect(finds(name, 'z'.repeat(40))).toBe(0);
    expect(finds(name, 'z'.repeat(41))).toBeUndefined();
    expect(finds(name, 'zhangz'.repeat(5))).toBe(0);
  });
});
