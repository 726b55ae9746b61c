import type { DueFilter } from '@flowform/api';

/** What the inbox shows: a search, a process, a due window, a date range (days) and an order. */
export interface InboxFilter {
  q: string;
  definitionKey: string;
  due: DueFilter | '';
  /** First day (YYYY-MM-DD) a row was received or started, or ''. */
  from: string;
  /** Last day (YYYY-MM-DD), inclusive, or ''. */
  to: string;
  sort: 'newest' | 'oldest' | 'due';
}

export const EMPTY_FILTER: InboxFilter = {
  q: '',
  definitionKey: '',
  due: '',
  from: '',
  to: '',
  sort: 'newest',
};

/** Whether anything narrows the list. */
export const isFiltered = (f: InboxFilter) =>
  f.q.trim() !== '' || f.definitionKey !== '' || f.due !== '' || f.from !== '' || f.to !== '';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (x: unknown) => (typeof x === 'string' && DAY.test(x) && !Number.isNaN(Date.parse(x)) ? x : '');

/** A filter read back from storage or the server, with anything unknown dropped. */
export function parseFilter(value: unknown): InboxFilter | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const str = (x: unknown, max: number) => (typeof x === 'string' ? x.slice(0, max) : '');
  const due = v.due === 'soon' || v.due === 'overdue' ? v.due : '';
  const sort = v.sort === 'oldest' || v.sort === 'due' ? v.sort : 'newest';
  return {
    q: str(v.q, 100),
    definitionKey: str(v.definitionKey, 64),
    due,
    from: day(v.from),
    to: day(v.to),
    sort,
  };
}

/** The filter kept in the address (`?q=…&process=…&from=…`), so a link or a reload shows the same list. */
export function filterFromSearch(search: string): InboxFilter {
  const p = new URLSearchParams(search);
  return (
    parseFilter({
      q: p.get('q') ?? '',
      definitionKey: p.get('process') ?? '',
      due: p.get('due') ?? '',
      from: p.get('from') ?? '',
      to: p.get('to') ?? '',
      sort: p.get('sort') ?? '',
    }) ?? EMPTY_FILTER
  );
}

/** The address query for a filter: only what differs from the default, `''` when nothing does. */
export function filterToSearch(f: InboxFilter): string {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.definitionKey) p.set('process', f.definitionKey);
  if (f.due) p.set('due', f.due);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.sort !== 'newest') p.set('sort', f.sort);
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** The server's date range for the filter's days: `to` is inclusive here, exclusive there. */
export function dateRange(f: Pick<InboxFilter, 'from' | 'to'>): { from?: string; to?: string } {
  const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: next(f.to) } : {}) };
}

const SOON_MS = 24 * 3600 * 1000;

/** Overdue: open and past its due time. */
export function isOverdue(dueAt: string | null, status: string, now = Date.now()): boolean {
  return !!dueAt && status === 'open' && Date.parse(dueAt) < now;
}

/** Due soon: open and due within a day (the server's "soon"). */
export function isDueSoon(dueAt: string | null, status: string, now = Date.now()): boolean {
  if (!dueAt || status !== 'open') return false;
  const at = Date.parse(dueAt);
  return at >= now && at < now + SOON_MS;
}

/** Orders loaded rows: the server's order (newest), reversed, or by due date (undated last). */
export function sortItems<T extends { sortAt: string; dueAt: string | null }>(
  items: T[],
  sort: InboxFilter['sort'],
): T[] {
  if (sort === 'newest') return items;
  if (sort === 'oldest') return [...items].reverse();
  const due = (x: T) => (x.dueAt ? Date.parse(x.dueAt) : Number.POSITIVE_INFINITY);
  return [...items].sort((a, b) => due(a) - due(b));
}
