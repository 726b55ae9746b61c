import { api } from '../../api/endpoints';
import { type InboxFilter, parseFilter } from './inbox-filter';

/** A filter the user named and kept. */
export interface SavedFilter {
  name: string;
  filter: InboxFilter;
}

const KEY = (username: string) => `flowform.savedFilters.${username}`;
const MAX = 20;

function clean(items: unknown): SavedFilter[] {
  if (!Array.isArray(items)) return [];
  return items
    .map((x) => {
      const name = x && typeof x === 'object' ? (x as { name?: unknown }).name : undefined;
      const filter = parseFilter(x && typeof x === 'object' ? (x as { filter?: unknown }).filter : undefined);
      return typeof name === 'string' && name.trim() && filter
        ? { name: name.trim().slice(0, 40), filter }
        : undefined;
    })
    .filter((x): x is SavedFilter => !!x)
    .slice(0, MAX);
}

/**
 * Saved filters live on the server per user (`GET/PUT /api/me/saved-filters`) when it offers
 * that; until then they stay in this browser's localStorage, per user. `where` tells which.
 */
export async function loadSavedFilters(
  username: string,
): Promise<{ items: SavedFilter[]; where: 'server' | 'device' }> {
  const remote = await api.savedFilters().catch(() => undefined);
  if (remote) return { items: clean(remote.items), where: 'server' };
  try {
    return { items: clean(JSON.parse(localStorage.getItem(KEY(username)) ?? '[]')), where: 'device' };
  } catch {
    return { items: [], where: 'device' };
  }
}

/** Stores the whole list where it was loaded from. */
export async function storeSavedFilters(username: string, items: SavedFilter[], where: 'server' | 'device') {
  const list = clean(items);
  if (where === 'server' && (await api.putSavedFilters(list).catch(() => undefined))) return;
  try {
    localStorage.setItem(KEY(username), JSON.stringify(list));
  } catch {
    // storage full or disabled: the list lasts for this page
  }
}
