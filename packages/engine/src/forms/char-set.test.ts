import { describe, expect, it } from 'vitest';
import { ANY, charSet, chars, complement, DIGIT, EMPTY, intersects, SPACE, union, WORD } from './char-set';

describe('char sets', () => {
  it('given overlapping and adjacent ranges, when normalised, then they merge', () => {
    expect(
      charSet([
        [5, 9],
        [1, 3],
        [4, 4],
        [20, 30],
      ]),
    ).toEqual([
      [1, 9],
      [20, 30],
    ]);
  });

  it('given a set, when complemented twice, then it is unchanged', () => {
    expect(complement(complement(WORD))).toEqual(WORD);
    expect(complement(ANY)).toEqual(EMPTY);
  });

  it('given common classes, when intersected, then overlaps are found', () => {
    expect(intersects(DIGIT, WORD)).toBe(true);
    expect(intersects(DIGIT, SPACE)).toBe(false);
    expect(intersects(chars('.'), complement(chars('.')))).toBe(false);
    expect(intersects(union(chars('a'), chars('z')), chars('xyz'))).toBe(true);
    expect(intersects(chars('中'), charSet([[0x4e00, 0x9fa5]]))).toBe(true);
  });
});
