import { describe, expect, it } from 'vitest';
import { appendPointer, escapePointerSegment, splitPointer } from './json-pointer';
import { utf8Length } from './utf8-length';

describe('JSON pointers', () => {
  it('given keys with / and ~, when appended and split, then they round-trip', () => {
    const pointer = appendPointer(appendPointer('', 'a/b'), '~c');
    expect(pointer).toBe('/a~1b/~0c');
    expect(splitPointer(pointer)).toEqual(['a/b', '~c']);
    expect(escapePointerSegment('~1')).toBe('~01');
    expect(splitPointer('')).toEqual([]);
  });
});

describe('utf8Length', () => {
  it('given ASCII, Chinese and emoji, when measured, then it matches the encoder', () => {
    for (const text of ['abc', '申请金额', '😀 ok', 'é']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
