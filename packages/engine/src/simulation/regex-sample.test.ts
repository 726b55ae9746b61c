import { describe, expect, it } from 'vitest';
import { regexSample } from './regex-sample';

describe('regexSample', () => {
  it.each([
    ['^FW-[0-9]{4}-[0-9]{3}$', 'FW-0000-000'],
    ['^DCTB-[0-9]{4}-[0-9]{2}$', 'DCTB-0000-00'],
    ['^[0-9]{4}-(0[1-9]|1[0-2])$', '0000-01'],
    ['^([01][0-9]|2[0-3]):[0-5][0-9]$', '00:00'],
    ['^[0-9+-]{7,20}$', '0000000'],
    ['^[a-z][a-z0-9_.-]{0,31}$', 'a'],
    ['^RK-\\d{4}-\\d{4}$', 'RK-0000-0000'],
  ])('given %s, when sampled, then %s matches it', (pattern, sample) => {
    expect(regexSample(pattern)).toBe(sample);
  });

  it('given an index, when sampled, then the last class varies so samples differ', () => {
    expect(regexSample('^FW-[0-9]{4}-[0-9]{3}$', 1)).toBe('FW-0000-001');
    expect(regexSample('^FW-[0-9]{4}-[0-9]{3}$', 2)).toBe('FW-0000-002');
  });

  it('given a pattern it cannot read, when sampled, then undefined', () => {
    expect(regexSample('^\\w+$')).toBeUndefined();
    expect(regexSample('^[^a]$')).toBeUndefined();
    expect(regexSample('^a.b$')).toBeUndefined();
  });
});
