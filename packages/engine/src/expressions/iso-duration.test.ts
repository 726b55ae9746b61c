import { describe, expect, it } from 'vitest';
import { parseIsoDuration } from './iso-duration';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('parseIsoDuration', () => {
  describe('given exact-unit durations', () => {
    it.each([
      ['P3D', 3 * DAY],
      ['PT4H', 4 * HOUR],
      ['P1DT2H30M', DAY + 2 * HOUR + 30 * 60_000],
      ['P2W', 14 * DAY],
      ['PT45S', 45_000],
      ['PT1.5S', 1_500],
      ['P0D', 0],
      ['PT90M', 90 * 60_000],
    ])('when parsing %s, then it is %d ms', (text, ms) => {
      expect(parseIsoDuration(text)).toBe(ms);
    });
  });

  describe('given calendar units (years, months)', () => {
    it.each(['P1Y', 'P2M', 'P1Y2M3D', 'P1MT1H'])('when parsing %s, then it is rejected', (text) => {
      expect(parseIsoDuration(text)).toBeUndefined();
    });
  });

  describe('given malformed text', () => {
    it.each([
      '',
      'P',
      'PT',
      'P1DT',
      '3D',
      'p3d',
      'P-1D',
      'P1.5D',
      'P1W2D',
      'PT1H2H',
      ' P3D',
      'P3D ',
      'P1e3D',
    ])('when parsing %j, then it is undefined', (text) => {
      expect(parseIsoDuration(text)).toBeUndefined();
    });

    it('when the total exceeds safe integers, then it is undefined', () => {
      expect(parseIsoDuration('P99999999999999999D')).toBeUndefined();
    });

    it('when given a non-string, then it is undefined', () => {
      expect(parseIsoDuration(42 as unknown as string)).toBeUndefined();
    });
  });
});
