import { describe, expect, it } from 'vitest';
import { isInternalPath, safeHref } from './safe-url';

describe('safe links', () => {
  it.each([
    ['javascript:alert(1)'],
    [' JavaScript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['java\tscript:alert(1)'],
    ['//evil.example/x'],
    ['not a url'],
  ])('given %j, when made an href, then it is refused', (value) => {
    expect(safeHref(value)).toBeUndefined();
  });

  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['mailto:sec1@example.com', 'mailto:sec1@example.com'],
    ['/cases/abc', '/cases/abc'],
  ])('given %j, when made an href, then it is kept', (value, href) => {
    expect(safeHref(value)).toBe(href);
  });

  it('given paths, when checked as internal, then only same-origin paths pass', () => {
    expect(isInternalPath('/inbox')).toBe(true);
    expect(isInternalPath('//evil.example')).toBe(false);
    expect(isInternalPath('/\\evil.example')).toBe(false);
    expect(isInternalPath('https://evil.example')).toBe(false);
  });
});
