import type { InboxItem, InboxScope } from '@flowform/api';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/endpoints';
import { dateRange, type InboxFilter } from './inbox-filter';

interface InboxState {
  items: InboxItem[];
  nextCursor?: string;
  loading: boolean;
  loadingMore: boolean;
  error?: unknown;
}

/**
 * One inbox section with keyset paging: the first page for the scope and filter, then
 * `more()` appends the next page by cursor. `refresh()` re-reads the first page (live events).
 */
export function useInbox(scope: InboxScope, filter: InboxFilter) {
  const [state, setState] = useState<InboxState>({ items: [], loading: true, loadingMore: false });
  const run = useRef(0);
  const q = filter.q.trim() || undefined;
  const definitionKey = filter.definitionKey || undefined;
  const due = filter.due || undefined;
  const { from, to } = dateRange(filter);
  const params = useMemo(
    () => ({ scope, q, definitionKey, due, from, to }),
    [scope, q, definitionKey, due, from, to],
  );

  const refresh = useCallback(
    (quiet = false) => {
      const mine = ++run.current;
      if (!quiet) setState((s) => ({ ...s, loading: true, error: undefined }));
      api.tasks(params).then(
        (page) =>
          mine === run.current &&
          setState({ items: page.items, nextCursor: page.nextCursor, loading: false, loadingMore: false }),
        (error: unknown) => mine === run.current && setState((s) => ({ ...s, loading: false, error })),
      );
    },
    [params],
  );

  useEffect(() => refresh(), [refresh]);

  const more = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    const mine = run.current;
    setState((s) => ({ ...s, loadingMore: true }));
    api.tasks({ ...params, cursor }).then(
      (page) =>
        mine === run.current &&
        setState((s) => ({
          ...s,
          items: [...s.items, ...page.items.filter((i) => !s.items.some((x) => sameItem(x, i)))],
          nextCursor: page.nextCursor,
          loadingMore: false,
        })),
      (error: unknown) => mine === run.current && setState((s) => ({ ...s, loadingMore: false, error })),
    );
  }, [state.nextCursor, state.loadingMore, params]);

  return { ...state, refresh, more };
}

const sameItem = (a: InboxItem, b: InboxItem) => a.taskId === b.taskId && a.instanceId === b.instanceId;
