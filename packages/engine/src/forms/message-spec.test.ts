import { describe, expect, it } from 'vitest';
import { decimalPlaces, formatNumber } from './message-spec';

describe('decimalPlaces', () => {
  it('given powers of ten below one, when asked, then the number of decimals is given', () => {
    expect(decimalPlaces(0.1)).toBe(1);
    expect(decimalPlaces(0.01)).toBe(2);
    expect(decimalPlaces(0.001)).toBe(3);
  });

  it('given other factors, when asked, then there is no decimal reading', () => {
    expect(decimalPlaces(0.05)).toBeUndefined();
    expect(decimalPlaces(1)).toBeUndefined();
    expect(decimalPlaces(5)).toBeUndefined();
  });
});

describe('formatNumber', () => {
  it('given floating-point noise, when formatted, then people see the intended number', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(5000)).toBe('5000');
  });
});
