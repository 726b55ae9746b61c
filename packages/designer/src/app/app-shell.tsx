import { type ReactNode, useEffect, useRef } from 'react';
import { designerText } from '../features/designer/i18n/use-designer-text';
import { reportsText } from '../features/reports/reports-text';
import { lifecycleText } from '../features/lifecycle/lifecycle-messages';
import { NotificationBell } from '../features/notifications/notification-bell';
import { calendarText } from '../features/calendar/calendar-messages';
import { orgText } from '../features/organisation/use-org-text';
import { pick } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../state/navigation';
import { paths, type Route } from '../state/routes';
import { useMe, useSession } from '../state/session';
import { LanguageSwitch } from '../ui/language-switch';

/** Header with navigation, the bell, the language switch and the user; then the screen. */
export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const { signOut } = useSession();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  const where = JSON.stringify(route);
  // after a navigation, screen readers and keyboards start at the new screen, not on a vanished link
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (where) mainRef.current?.focus({ preventScroll: true });
  }, [where]);
  const current = (name: Route['name'], tabStarted = false) =>
    route.name === name && (route.name !== 'inbox' || (route.tab === 'started') === tabStarted)
      ? ('page' as const)
      : undefined;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <Link to={paths.inbox()} className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.main')} className="main-nav">
          <Link to={paths.inbox()} aria-current={current('inbox') ?? current('task')}>
            {t('nav.inbox')}
          </Link>
          <Link to={paths.start()} aria-current={current('start') ?? current('startProcess')}>
            {t('nav.start')}
          </Link>
          <Link to={paths.inbox('started')} aria-current={current('inbox', true) ?? current('case')}>
            {t('nav.cases')}
          </Link>
          {me.roles.some((r) => r.role === 'administrator' || r.role === 'districtLeader') && (
            <Link to={paths.reports()} aria-current={current('reports')}>
              {reportsText(locale, 'nav')}
            </Link>
          )}
          {me.isAdmin && (
            <Link to={paths.allCases()} aria-current={current('allCases')}>
              {lifecycleText(locale, 'nav')}
            </Link>
          )}
          {me.isAdmin && (
            <Link to={paths.designer()} aria-current={current('designer')}>
              {designerText(locale, 'nav')}
            </Link>
          )}
          {me.isAdmin && (
            <Link to={paths.organisation()} aria-current={current('organisation')}>
              {orgText(locale, 'nav')}
            </Link>
          )}
          {me.isAdmin && (
            <Link to={paths.calendar()} aria-current={current('calendar')}>
              {calendarText(locale, 'nav')}
            </Link>
          )}
        </nav>
        <div className="header-tools">
          <NotificationBell current={route.name === 'notifications'} />
          <LanguageSwitch />
          <span className="user-name" title={me.username}>
            {pick(me.displayName, locale, me.username)}
            {me.isAdmin && <span className="tag">{t('user.admin')}</span>}
          </span>
          <button
            type="button"
            className="btn btn-quiet"
            title={pick(me.displayName, locale, me.username)}
            onClick={() => void signOut()}
          >
            {t('user.logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={mainRef}>
        {children}
      </main>
    </>
  );
}
