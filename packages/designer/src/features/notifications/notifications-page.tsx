import type { Notification } from '@flowform/api';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { formatDateTime, pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';
import { useLiveEvents } from '../../state/live-context';
import { Link } from '../../state/navigation';
import { paths } from '../../state/routes';
import { Empty, ErrorState, Loading } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';

const KINDS = new Set(['task-assigned', 'urged', 'returned', 'message', 'cc', 'withdrawn', 'case-ended']);

/** My notifications, newest first; opening one marks it read. */
export function NotificationsPage() {
  const { t, locale } = useI18n();
  const [extra, setExtra] = useState<Notification[]>([]);
  const [cursor, setCursor] = useState<string>();
  const first = useAsync(
    () =>
      api.notifications().then((p) => {
        setExtra([]);
        setCursor(p.nextCursor);
        return p;
      }),
    'notifications',
  );
  useLiveEvents((e) => e.type === 'notification' && first.reload());
  const items = [...(first.data?.items ?? []), ...extra];

  async function more() {
    const page = await api.notifications(cursor);
    setExtra((x) => [...x, ...page.items]);
    setCursor(page.nextCursor);
  }

  const kindLabel = (kind: string) =>
    t((KINDS.has(kind) ? `notifications.kind.${kind}` : 'notifications.kind.other') as MessageKey);
  const target = (n: Notification) =>
    n.taskId ? paths.task(n.taskId) : n.instanceId ? paths.case(n.instanceId) : undefined;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('notifications.title')}</h1>
        {(first.data?.unread ?? 0) > 0 && (
          <button type="button" className="btn" onClick={() => api.readAll().then(first.reload)}>
            {t('notifications.readAll')}
          </button>
        )}
      </div>
      {first.loading && !first.data && <Loading />}
      {first.error !== undefined && <ErrorState error={first.error} onRetry={first.reload} />}
      {first.data && items.length === 0 && <Empty>{t('notifications.empty')}</Empty>}
      <ul className="card-list">
        {items.map((n) => {
          const to = target(n);
          const body = (
            <>
              <span className="item-title">
                {!n.readAt && <span className="tag tag-strong">{t('notifications.unread')}</span>}
                {kindLabel(n.kind)}
              </span>
              {n.message && <span className="item-text">{pick(n.message, locale)}</span>}
              <span className="muted">{formatDateTime(locale, n.createdAt)}</span>
            </>
          );
          return (
            <li key={n.id} className={n.readAt ? 'card' : 'card card-unread'}>
              {to ? (
                <Link to={to} className="card-link" onClick={() => !n.readAt && void api.markRead(n.id)}>
                  {body}
                </Link>
              ) : (
                <div className="card-link">{body}</div>
              )}
            </li>
          );
        })}
      </ul>
      {cursor && (
        <button type="button" className="btn btn-block" onClick={() => void more()}>
          {t('inbox.more')}
        </button>
      )}
    </div>
  );
}
