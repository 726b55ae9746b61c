import type { AdminCaseQuery } from '@flowform/api';

/** The 所有案件 filters, as the page keeps them in its address. */
export interface CaseFilter {
  definitionKey: string;
  status: '' | 'running' | 'suspended' | 'completed' | 'cancelled';
  unit: string;
  from: string;
  to: string;
}

export const NO_FILTER: CaseFilter = { definitionKey: '', status: '', unit: '', from: '', to: '' };

const STATUSES = new Set(['running', 'suspended', 'completed', 'cancelled']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter an address names; anything malformed is left out, not guessed. */
export function caseFilterFromSearch(search: string): CaseFilter {
  const p = new URLSearchParams(search);
  const text = (name: string) => (p.get(name) ?? '').slice(0, 64);
  const day = (name: string) => (DAY.test(p.get(name) ?? '') ? p.get(name)! : '');
  const status = p.get('status') ?? '';
  return {
    definitionKey: text('process'),
    status: STATUSES.has(status) ? (status as CaseFilter['status']) : '',
    unit: text('unit'),
    from: day('from'),
    to: day('to'),
  };
}

/** `?process=…&status=…`: only the filters set, in a fixed order. */
export function caseFilterToSearch(f: CaseFilter): string {
  const p = new URLSearchParams();
  if (f.definitionKey) p.set('process', f.definitionKey);
  if (f.status) p.set('status', f.status);
  if (f.unit) p.set('unit', f.unit);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The API query of a filter (empty filters left out). */
export function caseQuery(f: CaseFilter, cursor?: string): AdminCaseQuery {
  return {
    ...(f.definitionKey ? { definitionKey: f.definitionKey } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(cursor ? { cursor } : {}),
    limit: 20,
  };
}
