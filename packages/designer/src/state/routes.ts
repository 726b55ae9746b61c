/** The app's screens and their paths. */
export type Route =
  | { name: 'login' }
  | { name: 'inbox'; tab: 'todo' | 'done' | 'cc' | 'started' }
  | { name: 'task'; id: string }
  | { name: 'case'; id: string }
  | { name: 'casePrint'; id: string }
  | { name: 'start' }
  | { name: 'startProcess'; key: string }
  | { name: 'notifications' }
  | { name: 'designer'; key?: string }
  | { name: 'organisation'; tab: OrgTab }
  | { name: 'reports' }
  | { name: 'allCases' }
  | { name: 'calendar' }
  | { name: 'notFound' };

/** The sections of the organisation administration. */
export type OrgTab = 'units' | 'people' | 'transfer' | 'history';

const ORG_TABS = new Set(['units', 'people', 'transfer', 'history']);

const TABS = new Set(['todo', 'done', 'cc', 'started']);

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/** The route a path names; unknown paths are `notFound`. */
export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  const [head, arg, extra] = parts;
  if (head === 'cases' && extra === 'print' && parts.length === 3) {
    const printed = arg === undefined ? undefined : decode(arg);
    return printed ? { name: 'casePrint', id: printed } : { name: 'notFound' };
  }
  if (extra !== undefined) return { name: 'notFound' };
  const id = arg === undefined ? undefined : decode(arg);
  switch (head) {
    case undefined:
      return { name: 'inbox', tab: 'todo' };
    case 'login':
      return arg === undefined ? { name: 'login' } : { name: 'notFound' };
    case 'inbox':
      if (arg === undefined) return { name: 'inbox', tab: 'todo' };
      return TABS.has(arg) ? { name: 'inbox', tab: arg as 'todo' } : { name: 'notFound' };
    case 'tasks':
      return id ? { name: 'task', id } : { name: 'notFound' };
    case 'cases':
      return id ? { name: 'case', id } : { name: 'notFound' };
    case 'start':
      return id ? { name: 'startProcess', key: id } : { name: 'start' };
    case 'notifications':
      return arg === undefined ? { name: 'notifications' } : { name: 'notFound' };
    case 'reports':
      return arg === undefined ? { name: 'reports' } : { name: 'notFound' };
    case 'admin':
      return arg === 'cases' ? { name: 'allCases' } : { name: 'notFound' };
    case 'calendar':
      return arg === undefined ? { name: 'calendar' } : { name: 'notFound' };
    case 'designer':
      return arg === undefined
        ? { name: 'designer' }
        : id
          ? { name: 'designer', key: id }
          : { name: 'notFound' };
    case 'organisation':
      if (arg === undefined) return { name: 'organisation', tab: 'units' };
      return ORG_TABS.has(arg) ? { name: 'organisation', tab: arg as OrgTab } : { name: 'notFound' };
    default:
      return { name: 'notFound' };
  }
}

/** Paths to screens, with ids encoded. */
/** The query parameter naming the case a new one is copied from. */
export const START_AGAIN = 'again';

export const paths = {
  inbox: (tab: 'todo' | 'done' | 'cc' | 'started' = 'todo') => (tab === 'todo' ? '/inbox' : `/inbox/${tab}`),
  task: (id: string) => `/tasks/${encodeURIComponent(id)}`,
  case: (id: string) => `/cases/${encodeURIComponent(id)}`,
  casePrint: (id: string) => `/cases/${encodeURIComponent(id)}/print`,
  start: (key?: string) => (key ? `/start/${encodeURIComponent(key)}` : '/start'),
  /** 再次提交: the start form filled from an ended case (`?again=<case id>`, read by the start page). */
  startAgain: (key: string, caseId: string) =>
    `/start/${encodeURIComponent(key)}?${START_AGAIN}=${encodeURIComponent(caseId)}`,
  notifications: () => '/notifications',
  reports: () => '/reports',
  allCases: () => '/admin/cases',
  calendar: () => '/calendar',
  designer: (key?: string) => (key ? `/designer/${encodeURIComponent(key)}` : '/designer'),
  login: () => '/login',
  organisation: (tab: OrgTab = 'units') => (tab === 'units' ? '/organisation' : `/organisation/${tab}`),
};
