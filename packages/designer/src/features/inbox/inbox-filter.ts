import type { DueFilter } from '@flowform/api';

/** What the inbox shows: a search, a process, a due window and an order. */
export interface InboxFilter {
  q: string;
  definitionKey: string;
  due: DueFilter | '';
  sort: 'newest' | 'oldest' | 'due';
}

export const EMPTY_FILTER: InboxFilter = { q: '', definitionKey: '', due: '', sort: 'newest' };

/** Whether anything narrows the list. */
export const isFiltered = (f: InboxFilter) => f.q.trim() !== '' || f.definitionKey !== '' || f.due !== '';

/** A filter read back from storage or the server, with anything unknown dropped. */
export function parseFilter(value: unknown): InboxFilter | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const str = (x: unknown, max: number) => (typeof x === 'string' ? x.slice(0, max) : '');
  const due = v.due === 'soon' || v.due === 'overdue' ? v.due : '';
  const sort = v.sort === 'oldest' || v.sort === 'due' ? v.sort : 'newest';
  return { q: str(v.q, 100), definitionKey: str(v.definitionKey, 64), due, sort };
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
