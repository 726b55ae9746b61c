import { describe, expect, it } from 'vitest';
import { isDueSoon, isOverdue, parseFilter, sortItems } from './inbox-filter';

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
      sort: 'due',
    });
    expect(parseFilter('nonsense')).toBeUndefined();
  });
});
