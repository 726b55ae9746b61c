import { describe, expect, it } from 'vitest';
import { findUnstorableText, unstorableReason } from './storable-text';

describe('findUnstorableText', () => {
  it.each([
    ['a\u0000b', 'nul'],
    ['\u0000', 'nul'],
    ['\ud800', 'lone-surrogate'],
    ['x\udfffy', 'lone-surrogate'],
    ['\udc00\ud800', 'lone-surrogate'],
    ['ab\ud83d', 'lone-surrogate'],
  ] as const)('given the string %j, then it cannot be stored (%s)', (text, reason) => {
    expect(unstorableReason(text)).toBe(reason);
    expect(findUnstorableText(text, '/comment')).toEqual({ path: '/comment', reason });
  });

  it.each(['', '并发意见', '😀 emoji pair', '\ufffd', '\u0001\u001f tab\t', 'a~b/c'])(
    'given the storable string %j, then nothing is found',
    (text) => {
      expect(unstorableReason(text)).toBeUndefined();
      expect(findUnstorableText({ [text]: [text, { k: text }] })).toBeUndefined();
    },
  );

  it('given nested data, then the path names the field as a JSON pointer below the base path', () => {
    const command = { type: 'complete', data: { items: [{ ok: 'x' }, { 'a/b': 'y\u0000' }] }, comment: 'ok' };
    expect(findUnstorableText(command)).toEqual({ path: '/data/items/1/a~1b', reason: 'nul' });
    expect(findUnstorableText(command.data, '/data')).toEqual({ path: '/data/items/1/a~1b', reason: 'nul' });
  });

  it('given a bad key, then its path shows the bad characters as U+FFFD', () => {
    expect(findUnstorableText({ data: { 'k\u0000': 1 } })).toEqual({ path: '/data/k\ufffd', reason: 'nul' });
    expect(findUnstorableText({ '\ud800x': 1 }, '/data')).toEqual({
      path: '/data/\ufffdx',
      reason: 'lone-surrogate',
    });
  });

  it('given several bad strings, then the first in document order is named', () => {
    expect(findUnstorableText({ a: 'fine', b: 'x\ud800', 'c\u0000': 'y\u0000' })?.path).toBe('/b');
    expect(findUnstorableText({ 'a\u0000': 'x', b: '\u0000' })?.path).toBe('/a\ufffd');
  });

  it('given text that spells an escape (a backslash, then u0000 or ud800), then it is storable', () => {
    expect(findUnstorableText({ a: '\\u0000', b: '\\ud800', c: '\\\\u0000' })).toBeUndefined();
  });

  it('given a value JSON cannot write (a BigInt beside), then the walk still finds the bad string', () => {
    expect(findUnstorableText({ n: 1n, s: 'a\u0000' })).toEqual({ path: '/s', reason: 'nul' });
  });

  it('given numbers, booleans, null and a cycle, then nothing is found and the walk ends', () => {
    const cyclic: Record<string, unknown> = { n: 1, b: true, z: null };
    cyclic.self = cyclic;
    expect(findUnstorableText(cyclic)).toBeUndefined();
  });

  it('given nesting far deeper than the stack, then it still finds the string', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(findUnstorableText(deep)?.reason).toBe('nul');
  });
});
