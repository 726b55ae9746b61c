import { describe, expect, it } from 'vitest';
import { fireText } from './fire-preview';

describe('fire times', () => {
  it('given a fire in UTC, when shown in Asia/Shanghai, then the local date, weekday and time are given in each language', () => {
    expect(fireText('2027-01-04T01:00:00.000Z', 'Asia/Shanghai', 'zh-CN')).toBe('2027-01-04 周一 09:00');
    expect(fireText('2027-01-04T01:00:00.000Z', 'Asia/Shanghai', 'en')).toBe('2027-01-04 Mon 09:00');
  });

  it('given an unknown zone, when shown, then the instant is given as is', () => {
    expect(fireText('2027-01-04T01:00:00.000Z', 'Mars/Olympus', 'en')).toBe('2027-01-04T01:00:00.000Z');
  });
});
