import { ApiError, newIdempotencyKey, request } from './http';
import type {
  CaseListItem,
  CaseView,
  CommandResult,
  DefinitionVersion,
  DemoInfo,
  DirectoryUnit,
  DirectoryUser,
  DueFilter,
  History,
  InboxItem,
  InboxScope,
  Me,
  NotificationPage,
  Page,
  Startable,
  StartedCase,
  TaskView,
} from './types';

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

export const api = {
  login: (username: string, password: string) =>
    request<{ token: string; user: Me }>('POST', '/api/auth/login', {
      body: { username, password },
      quiet401: true,
    }),
  logout: () => request<void>('POST', '/api/auth/logout', { quiet401: true }),
  me: () => request<Me>('GET', '/api/me', { quiet401: true }),
  demo: () => optional(request<DemoInfo>('GET', '/api/auth/demo', { quiet401: true })),

  startables: () => request<{ items: Startable[] }>('GET', '/api/definitions'),
  definitionVersion: (key: string, version: number) =>
    request<DefinitionVersion>('GET', `/api/definitions/${enc(key)}/versions/${version}`),
  latestDefinition: (key: string) => request<DefinitionVersion>('GET', `/api/definitions/${enc(key)}`),

  startCase: (definitionKey: string, data: Record<string, unknown>, key = newIdempotencyKey()) =>
    request<StartedCase>('POST', '/api/instances', { body: { definitionKey, data }, idempotencyKey: key }),
  cases: (scope: 'started' | 'involved' | 'all', cursor?: string, limit = 20) =>
    request<Page<CaseListItem>>('GET', `/api/instances${query({ scope, cursor, limit })}`),
  caseView: (id: string) => request<CaseView>('GET', `/api/instances/${enc(id)}`),
  history: (id: string) => request<History>('GET', `/api/instances/${enc(id)}/history`),
  withdraw: (id: string) =>
    request<CommandResult>('POST', `/api/instances/${enc(id)}/withdraw`, {
      body: {},
      idempotencyKey: newIdempotencyKey(),
    }),
  upload: (instanceId: string, file: File) => {
    const form = new FormData();
    form.set('file', file);
    return request<{ id: string; filename: string }>(
      'POST',
      `/api/instances/${enc(instanceId)}/attachments`,
      {
        form,
      },
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
  }) => request<Page<InboxItem>>('GET', `/api/tasks${query({ limit: 20, ...p })}`),
  task: (id: string) => request<TaskView>('GET', `/api/tasks/${enc(id)}`),
  taskCommand: (id: string, command: string, body?: unknown, key = newIdempotencyKey()) =>
    request<CommandResult>('POST', `/api/tasks/${enc(id)}/${command}`, { body, idempotencyKey: key }),

  notifications: (cursor?: string) =>
    request<NotificationPage>('GET', `/api/notifications${query({ cursor, limit: 20 })}`),
  unreadCount: () => request<NotificationPage>('GET', '/api/notifications?limit=1&unread=true'),
  markRead: (id: string) => request<void>('POST', `/api/notifications/${enc(id)}/read`),
  readAll: () => request<{ updated: number }>('POST', '/api/notifications/read-all'),

  directoryUsers: (p: { q?: string; role?: string; unit?: string }) =>
    optional(request<{ items: DirectoryUser[] }>('GET', `/api/directory/users${query({ ...p, limit: 20 })}`)),
  directoryUnits: (p: { kind?: string; q?: string }) =>
    optional(request<{ items: DirectoryUnit[] }>('GET', `/api/directory/units${query(p)}`)),

  savedFilters: () => optional(request<{ items: unknown[] }>('GET', '/api/me/saved-filters')),
  putSavedFilters: (items: unknown[]) =>
    optional(request<{ items: unknown[] }>('PUT', '/api/me/saved-filters', { body: { items } })),
};
