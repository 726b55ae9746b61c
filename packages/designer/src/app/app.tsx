import { lazy, Suspense } from 'react';
import { CaseListPage } from '../features/case/case-list-page';
import { CasePage } from '../features/case/case-page';
import { CasePrintPage } from '../features/case/case-print-page';
import { InboxPage } from '../features/inbox/inbox-page';
import { AllCasesPage } from '../features/lifecycle/all-cases-page';
import { LoginPage } from '../features/login/login-page';
import { PasswordChangePage } from '../features/login/password-change-page';
import { NotificationsPage } from '../features/notifications/notifications-page';
import { StartPage } from '../features/start/start-page';
import { StartProcessPage } from '../features/start/start-process-page';
import { TaskPage } from '../features/task/task-page';
import { I18nProvider, useI18n } from '../i18n/i18n-context';
import { LiveProvider } from '../state/live-context';
import { usePathname } from '../state/navigation';
import { matchRoute, type Route } from '../state/routes';
import { SessionProvider, useSession } from '../state/session';
import { Loading } from '../ui/status-views';
import { AppShell } from './app-shell';

const DesignerRoute = lazy(() => import('../features/designer/page/designer-route'));
const OrganisationPage = lazy(() =>
  import('../features/organisation/organisation-page').then((m) => ({ default: m.OrganisationPage })),
);
const ReportsPage = lazy(() => import('../features/reports/reports-page'));
const CalendarPage = lazy(() =>
  import('../features/calendar/calendar-page').then((m) => ({ default: m.CalendarPage })),
);

/** The web app: language, session, then either the login page or the signed-in shell. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Gate />
      </SessionProvider>
    </I18nProvider>
  );
}

function Gate() {
  const { state } = useSession();
  const pathname = usePathname();
  if (state.status === 'checking') return <Loading />;
  if (state.status === 'signedOut') return <LoginPage expired={state.expired} />;
  if (state.me.mustChangePassword) return <PasswordChangePage />;
  const route = matchRoute(pathname);
  return (
    <LiveProvider>
      <AppShell route={route}>
        <Screen route={route} />
      </AppShell>
    </LiveProvider>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'login':
      return <InboxPage tab="todo" />;
    case 'inbox':
      return route.tab === 'started' ? <CaseListPage /> : <InboxPage key={route.tab} tab={route.tab} />;
    case 'task':
      return <TaskPage key={route.id} id={route.id} />;
    case 'case':
      return <CasePage key={route.id} id={route.id} />;
    case 'casePrint':
      return <CasePrintPage key={route.id} id={route.id} />;
    case 'start':
      return <StartPage />;
    case 'startProcess':
      return <StartProcessPage key={route.key} definitionKey={route.key} />;
    case 'notifications':
      return <NotificationsPage />;
    case 'designer':
      return (
        <Suspense fallback={<Loading />}>
          <DesignerRoute definitionKey={route.key} />
        </Suspense>
      );
    case 'organisation':
      return (
        <Suspense fallback={<Loading />}>
          <OrganisationPage tab={route.tab} />
        </Suspense>
      );
    case 'reports':
      return (
        <Suspense fallback={<Loading />}>
          <ReportsPage />
        </Suspense>
      );
    case 'allCases':
      return <AllCasesPage />;
    case 'calendar':
      return (
        <Suspense fallback={<Loading />}>
          <CalendarPage />
        </Suspense>
      );
    case 'notFound':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page">
      <p role="alert">{t('state.notFound')}</p>
    </div>
  );
}
