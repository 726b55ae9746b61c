import type { InboxScope } from '@flowform/api';
import type { LocalizedText } from '@flowform/engine/browser';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/endpoints';
import { useI18n } from '../../i18n/i18n-context';
import { takeFlash } from '../../state/flash';
import { useLiveEvents } from '../../state/live-context';
import { Banner, Empty, ErrorState, Loading } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';
import {
  EMPTY_FILTER,
  filterFromSearch,
  filterToSearch,
  type InboxFilter,
  isFiltered,
  sortItems,
} from './inbox-filter';
import { InboxFilters } from './inbox-filters';
import { InboxRow } from './inbox-row';
import { InboxTabs } from './inbox-tabs';
import { moveFocus, useSearchShortcut } from './list-keys';
import { SavedFilterBar } from './saved-filter-bar';
import { useInbox } from './use-inbox';
import { rememberProcessName, useProcessNames } from './use-process-names';
import { useTabCounts } from './use-tab-counts';

const filters = new Map<InboxScope, InboxFilter>();

/** To do / done / CC'd: filters, saved filters, live updates, keyboard moves, keyset paging. */
export function InboxPage({ tab }: { tab: InboxScope }) {
  const { t } = useI18n();
  // The address holds the filter (a link or reload shows the same list); a bare tab keeps the last one.
  const [filter, setFilterState] = useState<InboxFilter>(() =>
    window.location.search ? filterFromSearch(window.location.search) : (filters.get(tab) ?? EMPTY_FILTER),
  );
  const setFilter = (f: InboxFilter) => {
    filters.set(tab, f);
    setFilterState(f);
    window.history.replaceState(null, '', `${window.location.pathname}${filterToSearch(f)}`);
  };
  useEffect(() => {
    if (filterToSearch(filter) !== window.location.search)
      window.history.replaceState(null, '', `${window.location.pathname}${filterToSearch(filter)}`);
  }, [filter]);
  const inbox = useInbox(tab, filter);
  const { counts, refresh: refreshCounts } = useTabCounts();
  const [arrived, setArrived] = useState(false);
  const [flash] = useState(takeFlash);
  const startables = useAsync(() => api.startables(), 'startables');
  for (const s of startables.data?.items ?? []) rememberProcessName(s.key, s.name);
  const names = useProcessNames(inbox.items.map((i) => i.definitionKey));
  const processes = [...names.entries()].sort(([a], [b]) => a.localeCompare(b)) as [string, LocalizedText][];
  const listRef = useRef<HTMLUListElement>(null);
  useSearchShortcut();

  useLiveEvents((event) => {
    if (event.type === 'notification') return;
    if (event.type === 'task.created' && tab === 'todo') setArrived(true);
    inbox.refresh(true);
    refreshCounts();
  });
  useEffect(() => {
    if (!arrived) return;
    const timer = setTimeout(() => setArrived(false), 8000);
    return () => clearTimeout(timer);
  }, [arrived]);

  const items = sortItems(inbox.items, filter.sort);
  const emptyText = isFiltered(filter)
    ? t('inbox.empty.filtered')
    : tab === 'todo'
      ? t('inbox.empty.todo')
      : t('inbox.empty.other');

  return (
    <div className="page page-inbox">
      <h1 className="sr-only">{t('inbox.title')}</h1>
      {flash && <Banner kind="success">{flash}</Banner>}
      <InboxTabs tab={tab} counts={counts} />
      <InboxFilters filter={filter} onChange={setFilter} processes={processes} showDue={tab === 'todo'} />
      <SavedFilterBar filter={filter} onApply={setFilter} />
      <div className="live-region" role="status" aria-live="polite">
        {arrived ? t('inbox.newArrived') : ''}
      </div>
      {inbox.loading && inbox.items.length === 0 && <Loading />}
      {inbox.error !== undefined && <ErrorState error={inbox.error} onRetry={() => inbox.refresh()} />}
      {!inbox.loading && inbox.error === undefined && items.length === 0 && <Empty>{emptyText}</Empty>}
      {items.length > 0 && (
        <>
          <p className="muted small keys-hint">{t('inbox.keys')}</p>
          <ul
            className="rows"
            ref={listRef}
            onKeyDown={(e) => moveFocus(e, listRef.current)}
            aria-busy={inbox.loading}
          >
            {items.map((item) => (
              <InboxRow
                key={`${item.taskId ?? ''}:${item.instanceId}`}
                item={item}
                scope={tab}
                process={names.get(item.definitionKey)}
              />
            ))}
          </ul>
        </>
      )}
      {inbox.nextCursor ? (
        <button type="button" className="btn btn-block" onClick={inbox.more} disabled={inbox.loadingMore}>
          {inbox.loadingMore ? t('inbox.loadingMore') : t('inbox.more')}
        </button>
      ) : (
        items.length > 0 && <p className="muted small center">{t('inbox.end')}</p>
      )}
    </div>
  );
}
