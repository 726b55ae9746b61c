import { api } from '../../api/endpoints';
import { useI18n } from '../../i18n/i18n-context';
import { useLiveEvents } from '../../state/live-context';
import { Link } from '../../state/navigation';
import { paths } from '../../state/routes';
import { useAsync } from '../../ui/use-async';

/** A bell with the unread count, kept current by live events. */
export function NotificationBell({ current }: { current: boolean }) {
  const { t } = useI18n();
  const unread = useAsync(() => api.unreadCount().then((p) => p.unread), 'unread');
  useLiveEvents((event) => {
    if (event.type !== 'case.changed') unread.reload();
  });
  const count = unread.data ?? 0;
  return (
    <Link
      to={paths.notifications()}
      className="bell"
      aria-current={current ? 'page' : undefined}
      aria-label={count > 0 ? t('notifications.bell', { count }) : t('notifications.bellNone')}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
        <path
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          fill="currentColor"
        />
      </svg>
      {count > 0 && (
        <span className="bell-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
