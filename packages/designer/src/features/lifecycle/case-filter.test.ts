import { describe, expect, it } from 'vitest';
import { caseFilterFromSearch, caseFilterToSearch, caseQuery, NO_FILTER } from './case-filter';

describe('all-cases filter in the address', () => {
  it('given a filter, when written to the address and read back, then it is the same', () => {
    const f = {
      definitionKey: 'hardship-assistance',
      status: 'suspended',
      unit: 'b1',
      from: '2026-01-01',
      to: '2026-12-31',
    } as const;
    expect(caseFilterToSearch(f)).toBe(
      '?process=hardship-assistance&status=suspended&unit=b1&from=2026-01-01&to=2026-12-31',
    );
    expect(caseFilterFromSearch(caseFilterToSearch(f))).toEqual(f);
  });

  it('given a malformed status or date, when read, then it is left out', () => {
    expect(caseFilterFromSearch('?status=paused&from=yesterday&to=2026-02-30x')).toEqual(NO_FILTER);
    expect(caseFilterToSearch(NO_FILTER)).toBe('');
  });

  it('given an empty filter, when turned into a query, then only the page size is sent', () => {
    expect(caseQuery(NO_FILTER)).toEqual({ limit: 20 });
    expect(caseQuery({ ...NO_FILTER, status: 'running' }, 'c1')).toEqual({
      status: 'running',
      cursor: 'c1',
      limit: 20,
    });
  });
});
