import type { CaseListItem } from '@flowform/api';
import { useRef, useState } from 'react';
import { api } from '../../api/endpoints';
import { formatDateTime, pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { useLiveEvents } from '../../state/live-context';
import { Link } from '../../state/navigation';
import { paths } from '../../state/routes';
import { CaseStatus } from '../../ui/case-status';
import { Empty, ErrorState, Loading } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';
import { InboxTabs } from '../inbox/inbox-tabs';
import { moveFocus } from '../inbox/list-keys';
import { useProcessNames } from '../inbox/use-process-names';
import { useTabCounts } from '../inbox/use-tab-counts';

/** "Started by me": my cases newest first, keyset-paged. */
export function CaseListPage() {
  const { t, locale } = useI18n();
  const { counts, refresh } = useTabCounts();
  const [extra, setExtra] = useState<CaseListItem[]>([]);
  const [cursor, setCursor] = useState<string>();
  const first = useAsync(
    () =>
      api.cases('started').then((p) => {
        setExtra([]);
        setCursor(p.nextCursor);
        return p.items;
      }),
    'started',
  );
  useLiveEvents((e) => {
    if (e.type === 'case.changed' || e.type === 'resync') {
      first.reload();
      refresh();
    }
  });
  const items = [...(first.data ?? []), ...extra];
  const names = useProcessNames(items.map((i) => i.definitionKey));
  const listRef = useRef<HTMLUListElement>(null);
  async function more() {
    const page = await api.cases('started', cursor);
    setExtra((x) => [...x, ...page.items]);
    setCursor(page.nextCursor);
  }
  return (
    <div className="page page-inbox">
      <h1 className="sr-only">{t('case.list')}</h1>
      <InboxTabs tab="started" counts={counts} />
      {first.loading && !first.data && <Loading />}
      {first.error !== undefined && <ErrorState error={first.error} onRetry={first.reload} />}
      {first.data && items.length === 0 && <Empty>{t('case.list.empty')}</Empty>}
      <ul className="rows" ref={listRef} onKeyDown={(e) => moveFocus(e, listRef.current)}>
        {items.map((c) => (
          <li key={c.id} className="row">
            <Link to={paths.case(c.id)} className="row-link" data-row="">
              <span className="row-main">
                <span className="row-title">{pick(names.get(c.definitionKey), locale, c.definitionKey)}</span>
                <span className="row-process muted">{c.caseNumber ?? c.id}</span>
              </span>
              <span className="row-flags">
                <CaseStatus status={c.status} outcome={c.outcome} />
              </span>
              <span className="row-meta muted">
                {t('inbox.startedAt', { date: formatDateTime(locale, c.startedAt) })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {cursor && (
        <button type="button" className="btn btn-block" onClick={() => void more()}>
          {t('inbox.more')}
        </button>
      )}
    </div>
  );
}
