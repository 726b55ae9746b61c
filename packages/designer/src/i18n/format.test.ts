import { describe, expect, it } from 'vitest';
import { formatNumber } from './format';

describe('number formats', () => {
  it('given a four-digit number such as a year, when shown, then it is not grouped (2026, not 2,026)', () => {
    expect(formatNumber('zh-CN', 2026)).toBe('2026');
    expect(formatNumber('en', 2026)).toBe('2026');
  });

  it('given five digits or more, when shown, then they are grouped', () => {
    expect(formatNumber('zh-CN', 12345.678)).toBe('12,345.68');
  });
});
