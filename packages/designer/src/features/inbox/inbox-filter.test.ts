import { describe, expect, it } from 'vitest';
import {
  dateRange,
  EMPTY_FILTER,
  filterFromSearch,
  filterToSearch,
  isDueSoon,
  isOverdue,
  parseFilter,
  sortItems,
} from './inbox-filter';

const NOW = Date.parse('2026-03-10T08:00:00Z');
const item = (sortAt: string, dueAt: string | null) => ({ sortAt, dueAt });

describe('inbox filters', () => {
  it('given due dates, when classified, then past is overdue and the next day is due soon', () => {
    expect(isOverdue('2026-03-10T07:59:00Z', 'open', NOW)).toBe(true);
    expect(isOverdue('2026-03-10T07:59:00Z', 'completed', NOW)).toBe(false);
    expect(isDueSoon('2026-03-11T07:00:00Z', 'open', NOW)).toBe(true);
    expect(isDueSoon('2026-03-12T09:00:00Z', 'open', NOW)).toBe(false);
    expect(isOverdue(null, 'open', NOW)).toBe(false);
  });

  it('given rows, when sorted by due date, then the soonest come first and undated last', () => {
    const rows = [item('3', null), item('2', '2026-03-12T00:00:00Z'), item('1', '2026-03-11T00:00:00Z')];
    expect(sortItems(rows, 'due').map((r) => r.sortAt)).toEqual(['1', '2', '3']);
    expect(sortItems(rows, 'oldest').map((r) => r.sortAt)).toEqual(['1', '2', '3']);
    expect(sortItems(rows, 'newest')).toBe(rows);
  });

  it('given stored filters, when parsed, then unknown values are dropped and strings capped', () => {
    expect(parseFilter({ q: 'x'.repeat(300), due: 'yesterday', sort: 'due', definitionKey: 7 })).toEqual({
      q: 'x'.repeat(100),
      definitionKey: '',
      due: '',
      from: '',
      to: '',
      sort: 'due',
    });
    expect(parseFilter('nonsense')).toBeUndefined();
  });

  it('given a filter, when written to the address and read back, then it is the same filter; defaults leave no query', () => {
    const f = {
      q: '王桂芳',
      definitionKey: 'hardship-assistance',
      due: 'soon' as const,
      from: '2026-03-01',
      to: '2026-03-31',
      sort: 'oldest' as const,
    };
    const search = filterToSearch(f);
    expect(search).toBe(
      '?q=%E7%8E%8B%E6%A1%82%E8%8A%B3&process=hardship-assistance&due=soon&from=2026-03-01&to=2026-03-31&sort=oldest',
    );
    expect(filterFromSearch(search)).toEqual(f);
    expect(filterToSearch(EMPTY_FILTER)).toBe('');
    expect(filterFromSearch('?from=yesterday&sort=sideways')).toEqual(EMPTY_FILTER);
  });

  it('given an inclusive last day, when sent to the server, then the range ends at the start of the next day', () => {
    expect(dateRange({ from: '2026-02-28', to: '2026-02-28' })).toEqual({
      from: '2026-02-28',
      to: '2026-03-01',
    });
    expect(dateRange({ from: '', to: '' })).toEqual({});
  });
});
