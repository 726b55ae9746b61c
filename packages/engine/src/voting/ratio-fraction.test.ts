import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratioToFraction, reachesFraction } from './ratio-fraction';

describe('ratioToFraction', () => {
  it('given decimal and computed ratios, when converted, then yields the intended simple fraction', () => {
    expect(ratioToFraction(0.1)).toEqual({ num: 1n, den: 10n });
    expect(ratioToFraction(0.7)).toEqual({ num: 7n, den: 10n });
    expect(ratioToFraction(2 / 3)).toEqual({ num: 2n, den: 3n });
    expect(ratioToFraction(0.67)).toEqual({ num: 67n, den: 100n });
    expect(ratioToFraction(1)).toEqual({ num: 1n, den: 1n });
    expect(ratioToFraction(0.5)).toEqual({ num: 1n, den: 2n });
  });

  it('given any small fraction, when its double is converted, then the same rational comes back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (a, b) => {
        const [num, den] = a <= b ? [a, b] : [b, a];
        const f = ratioToFraction(num / den);
        expect(f.num * BigInt(den)).toBe(BigInt(num) * f.den);
      }),
      { numRuns: 500 },
    );
  });

  it('given any double in (0, 1], when converted, then the fraction evaluates back to that double', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }), (p) => {
        const f = ratioToFraction(p);
        if (f.den <= 2n ** 53n) {
          // Both exact in doubles, so the division is correctly rounded: the fraction rounds to p.
          expect(Number(f.num) / Number(f.den)).toBe(p);
        } else {
          // The exact dyadic fallback: den is a power of two and num / den is exactly p.
          expect(f.den & (f.den - 1n)).toBe(0n);
          let scaled = p;
          for (let d = f.den; d > 1n; d /= 2n) scaled *= 2;
          expect(BigInt(scaled)).toBe(f.num);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('given the smallest subnormal, when converted, then the exact dyadic fraction is used', () => {
    expect(ratioToFraction(Number.MIN_VALUE)).toEqual({ num: 1n, den: 2n ** 1074n });
  });

  it('given a negative or non-finite ratio, when converted, then it throws', () => {
    expect(() => ratioToFraction(-0.5)).toThrow(RangeError);
    expect(() => ratioToFraction(Number.NaN)).toThrow(RangeError);
  });
});

describe('reachesFraction', () => {
  it('given thresholds where float products drift, when compared, then the integer comparison is exact', () => {
    // 0.1 * 3 === 0.30000000000000004 in floats; 3 of 10 must still reach 0.3.
    expect(reachesFraction(3, 10, ratioToFraction(0.3))).toBe(true);
    expect(reachesFraction(1, 10, ratioToFraction(0.1))).toBe(true);
    expect(reachesFraction(7, 10, ratioToFraction(0.7))).toBe(true);
    expect(reachesFraction(2, 3, ratioToFraction(2 / 3))).toBe(true);
    expect(reachesFraction(2, 3, ratioToFraction(0.67))).toBe(false);
    expect(reachesFraction(0, 5, ratioToFraction(0.1))).toBe(false);
  });
});
