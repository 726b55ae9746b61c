import type {
  AdminCaseQuery,
  attachmentContract,
  caseLifecycleContract,
  authContract,
  CaseScope,
  caseContract,
  DueFilter,
  definitionContract,
  demoContract,
  directoryContract,
  InboxScope,
  Json,
  JsonRequest,
  meContract,
  notificationContract,
  oidcContract,
  reportContract,
  savedFilterContract,
  TaskCommandPath,
  taskCommandContract,
  taskContract,
} from '@flowform/api';
import { ApiError, newIdempotencyKey, request } from './http';

const enc = encodeURIComponent;

const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

/** An optional endpoint: undefined when the server does not offer it (yet). */
async function optional<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return undefined;
    throw error;
  }
}

/**
 * Every call the web app makes, typed from the HTTP contract (`@flowform/api`, types only): each
 * answers `Json<route, status>` of the route it calls, and bodies satisfy the route's request.
 */
export const api = {
  login: (username: string, password: string) =>
    request<Json<typeof authContract.login, 200>>('POST', '/api/auth/login', {
      body: { username, password } satisfies JsonRequest<typeof authContract.login>,
      quiet401: true,
    }),
  logout: () => request<void>('POST', '/api/auth/logout', { quiet401: true }),
  me: () => request<Json<typeof meContract.me, 200>>('GET', '/api/me', { quiet401: true }),
  changePassword: (current: string, next: string) =>
    request<void>('POST', '/api/me/password', {
      body: { current, next } satisfies JsonRequest<typeof meContract.changePassword>,
    }),
  demo: () =>
    optional(request<Json<typeof demoContract.demo, 200>>('GET', '/api/auth/demo', { quiet401: true })),
  /** Where the organisation button navigates: the server redirects on to the provider. */
  oidcStartUrl: () => '/api/auth/oidc/start',
  signInOptions: () =>
    optional(request<Json<typeof oidcContract.options, 200>>('GET', '/api/auth/options', { quiet401: true })),

  startables: () => request<Json<typeof definitionContract.list, 200>>('GET', '/api/definitions'),
  definitionVersion: (key: string, version: number) =>
    request<Json<typeof definitionContract.version, 200>>(
      'GET',
      `/api/definitions/${enc(key)}/versions/${version}`,
    ),
  latestDefinition: (key: string) =>
    request<Json<typeof definitionContract.detail, 200>>('GET', `/api/definitions/${enc(key)}`),

  startCase: (definitionKey: string, data: Record<string, unknown>, key = newIdempotencyKey()) =>
    request<Json<typeof caseContract.start, 201>>('POST', '/api/instances', {
      body: { definitionKey, data } satisfies JsonRequest<typeof caseContract.start>,
      idempotencyKey: key,
    }),
  reportDashboard: (weeks: number) =>
    request<Json<typeof reportContract.dashboard, 200>>('GET', `/api/reports/dashboard${query({ weeks })}`),
  cases: (scope: CaseScope, cursor?: string, limit = 20) =>
    request<Json<typeof caseContract.list, 200>>('GET', `/api/instances${query({ scope, cursor, limit })}`),
  caseView: (id: string) =>
    request<Json<typeof caseContract.detail, 200>>('GET', `/api/instances/${enc(id)}`),
  history: (id: string) =>
    request<Json<typeof caseContract.history, 200>>('GET', `/api/instances/${enc(id)}/history`),
  withdraw: (id: string) =>
    request<Json<typeof caseContract.withdraw, 200>>('POST', `/api/instances/${enc(id)}/withdraw`, {
      body: {} satisfies JsonRequest<typeof caseContract.withdraw>,
      idempotencyKey: newIdempotencyKey(),
    }),
  adminCases: (filter: AdminCaseQuery) =>
    request<Json<typeof caseLifecycleContract.list, 200>>(
      'GET',
      `/api/admin/cases${query({ ...filter } as Record<string, string | number | undefined>)}`,
    ),
  suspend: (id: string, reason: string) =>
    request<Json<typeof caseLifecycleContract.suspend, 200>>('POST', `/api/instances/${enc(id)}/suspend`, {
      body: { reason } satisfies JsonRequest<typeof caseLifecycleContract.suspend>,
      idempotencyKey: newIdempotencyKey(),
    }),
  resume: (id: string, reason: string) =>
    request<Json<typeof caseLifecycleContract.resume, 200>>('POST', `/api/instances/${enc(id)}/resume`, {
      body: { reason } satisfies JsonRequest<typeof caseLifecycleContract.resume>,
      idempotencyKey: newIdempotencyKey(),
    }),
  cancel: (id: string, reason: string) =>
    request<Json<typeof caseContract.cancel, 200>>('POST', `/api/instances/${enc(id)}/cancel`, {
      body: { reason } satisfies JsonRequest<typeof caseContract.cancel>,
      idempotencyKey: newIdempotencyKey(),
    }),
  upload: (instanceId: string, file: File) => {
    const form = new FormData();
    form.set('file', file);
    return request<Json<typeof attachmentContract.upload, 201>>(
      'POST',
      `/api/instances/${enc(instanceId)}/attachments`,
      { form },
    );
  },
  attachmentUrl: (instanceId: string, attachmentId: string) =>
    `/api/instances/${enc(instanceId)}/attachments/${enc(attachmentId)}`,

  tasks: (p: {
    scope: InboxScope;
    cursor?: string;
    q?: string;
    definitionKey?: string;
    due?: DueFilter;
    limit?: number;
  }) => request<Json<typeof taskContract.list, 200>>('GET', `/api/tasks${query({ limit: 20, ...p })}`),
  task: (id: string) => request<Json<typeof taskContract.detail, 200>>('GET', `/api/tasks/${enc(id)}`),
  taskCommand: (id: string, command: TaskCommandPath, body?: unknown, key = newIdempotencyKey()) =>
    request<Json<(typeof taskCommandContract)[keyof typeof taskCommandContract], 200>>(
      'POST',
      `/api/tasks/${enc(id)}/${command}`,
      { body, idempotencyKey: key },
    ),

  notifications: (cursor?: string) =>
    request<Json<typeof notificationContract.list, 200>>(
      'GET',
      `/api/notifications${query({ cursor, limit: 20 })}`,
    ),
  unreadCount: () =>
    request<Json<typeof notificationContract.list, 200>>('GET', '/api/notifications?limit=1&unread=true'),
  markRead: (id: string) => request<void>('POST', `/api/notifications/${enc(id)}/read`),
  readAll: () =>
    request<Json<typeof notificationContract.readAll, 200>>('POST', '/api/notifications/read-all'),

  directoryUsers: (p: { q?: string; role?: string; unit?: string }) =>
    optional(
      request<Json<typeof directoryContract.users, 200>>(
        'GET',
        `/api/directory/users${query({ ...p, limit: 20 })}`,
      ),
    ),
  directoryUnits: (p: { kind?: string; q?: string }) =>
    optional(request<Json<typeof directoryContract.units, 200>>('GET', `/api/directory/units${query(p)}`)),

  savedFilters: () =>
    optional(request<Json<typeof savedFilterContract.read, 200>>('GET', '/api/me/saved-filters')),
  putSavedFilters: (items: JsonRequest<typeof savedFilterContract.write>['items']) =>
    optional(
      request<Json<typeof savedFilterContract.write, 200>>('PUT', '/api/me/saved-filters', {
        body: { items } satisfies JsonRequest<typeof savedFilterContract.write>,
      }),
    ),
};
