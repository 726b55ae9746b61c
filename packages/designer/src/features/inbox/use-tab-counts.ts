import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/endpoints';

export type InboxTab = 'todo' | 'done' | 'cc' | 'started';

/** A count shown on a tab: exact up to the page size, then "100+". */
export interface TabCount {
  count: number;
  more: boolean;
}

const PAGE = 100;

/**
 * Counts for the four tabs. The API has no count endpoint, so each is one page of up to 100
 * rows (keyset paging keeps that cheap); beyond it the tab says "100+".
 */
export function useTabCounts() {
  const [counts, setCounts] = useState<Partial<Record<InboxTab, TabCount>>>({});
  const refresh = useCallback(() => {
    const take = (tab: InboxTab, p: Promise<{ items: unknown[]; nextCursor?: string }>) =>
      p.then(
        (page) => setCounts((c) => ({ ...c, [tab]: { count: page.items.length, more: !!page.nextCursor } })),
        () => undefined,
      );
    void take('todo', api.tasks({ scope: 'todo', limit: PAGE }));
    void take('done', api.tasks({ scope: 'done', limit: PAGE }));
    void take('cc', api.tasks({ scope: 'cc', limit: PAGE }));
    void take('started', api.cases('started', undefined, PAGE));
  }, []);
  useEffect(() => refresh(), [refresh]);
  return { counts, refresh };
}
