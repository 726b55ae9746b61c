import { describe, expect, it } from 'vitest';
import { appendPointer, escapePointerSegment, parsePointer, pointer } from './json-pointer';
import { utf8Length } from './utf8-length';

describe('JSON pointers', () => {
  it('given keys with / and ~, when appended and split, then they round-trip', () => {
    const pointer = appendPointer(appendPointer('', 'a/b'), '~c');
    expect(pointer).toBe('/a~1b/~0c');
    expect(parsePointer(pointer)).toEqual(['a/b', '~c']);
    expect(escapePointerSegment('~1')).toBe('~01');
    expect(parsePointer('')).toEqual([]);
  });

  it('given segments, when written as one pointer and parsed, then they come back unchanged', () => {
    expect(pointer(['items', 0, 'a/b~'])).toBe('/items/0/a~1b~0');
    expect(parsePointer(pointer(['items', 0, 'a/b~']))).toEqual(['items', '0', 'a/b~']);
    expect(pointer([])).toBe('');
  });
});

describe('utf8Length', () => {
  it('given ASCII, Chinese and emoji, when measured, then it matches the encoder', () => {
    for (const text of ['abc', '申请金额', '😀 ok', 'é']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
