/**
 * The web app's client against the HTTP contract (`@flowform/api`): every call reaches exactly the
 * contract route it claims (method and path template), and answers that route's JSON type. The
 * type checks run under `tsc -b`; the requests are recorded with a stubbed `fetch`.
 */

import {
  allRoutes,
  attachmentContract,
  authContract,
  type CaseListItem,
  type CaseScope,
  type CaseView,
  caseContract,
  caseLifecycleContract,
  type DefinitionDetail,
  type DefinitionVersion,
  type DemoInfo,
  type DirectoryUnit,
  type DirectoryUser,
  definitionContract,
  demoContract,
  directoryContract,
  type History,
  type InboxItem,
  type Json,
  type Me,
  meContract,
  type NotificationPage,
  notificationContract,
  oidcContract,
  reportContract,
  type Query,
  type SavedFilters,
  type Startable,
  type StartedCase,
  savedFilterContract,
  type TaskCommandPath,
  type TaskOperation,
  type TaskView,
  taskCommandContract,
  taskContract,
} from '@flowform/api';
import type { FormDefinition, ProcessDefinition } from '@flowform/engine/browser';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { OPERATIONS } from '../features/task/operation-spec';
import { api } from './endpoints';

type RouteConfig = (typeof allRoutes)[number];

const ID = '00000000-0000-4000-8000-000000000001';
const sent: { method: string; url: string }[] = [];

beforeEach(() => {
  sent.length = 0;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ method: init.method ?? 'GET', url });
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => vi.unstubAllGlobals());

/** The contract routes a request matches (path parameters match any one segment). */
function routesFor(method: string, url: string): RouteConfig[] {
  const path = new URL(url, 'http://app.test').pathname;
  return allRoutes.filter(
    (route) =>
      route.method.toUpperCase() === method &&
      new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
}

/** Each call of the client (but the two below), with the contract route it must reach. */
const CALLS: Record<
  Exclude<keyof typeof api, 'taskCommand' | 'attachmentUrl' | 'oidcStartUrl'>,
  [() => unknown, RouteConfig]
> = {
  login: [() => api.login('sec1', 'secret'), authContract.login],
  logout: [() => api.logout(), authContract.logout],
  me: [() => api.me(), meContract.me],
  changePassword: [() => api.changePassword('old-secret', 'Brand-New-Secret-1'), meContract.changePassword],
  demo: [() => api.demo(), demoContract.demo],
  signInOptions: [() => api.signInOptions(), oidcContract.options],
  startables: [() => api.startables(), definitionContract.list],
  definitionVersion: [() => api.definitionVersion('hardship-assistance', 2), definitionContract.version],
  latestDefinition: [() => api.latestDefinition('hardship-assistance'), definitionContract.detail],
  startCase: [() => api.startCase('hardship-assistance', {}), caseContract.start],
  reportDashboard: [() => api.reportDashboard(12), reportContract.dashboard],
  cases: [() => api.cases('started', 'c', 5), caseContract.list],
  caseView: [() => api.caseView(ID), caseContract.detail],
  history: [() => api.history(ID), caseContract.history],
  withdraw: [() => api.withdraw(ID), caseContract.withdraw],
  cancel: [() => api.cancel(ID, '重复申请'), caseContract.cancel],
  adminCases: [() => api.adminCases({ status: 'suspended' }), caseLifecycleContract.list],
  suspend: [() => api.suspend(ID, '核查'), caseLifecycleContract.suspend],
  resume: [() => api.resume(ID, '核查完毕'), caseLifecycleContract.resume],
  upload: [() => api.upload(ID, new File(['%PDF'], 'a.pdf')), attachmentContract.upload],
  tasks: [() => api.tasks({ scope: 'done', q: 'x', due: 'soon' }), taskContract.list],
  task: [() => api.task(ID), taskContract.detail],
  notifications: [() => api.notifications('12'), notificationContract.list],
  unreadCount: [() => api.unreadCount(), notificationContract.list],
  markRead: [() => api.markRead('12'), notificationContract.readOne],
  readAll: [() => api.readAll(), notificationContract.readAll],
  directoryUsers: [() => api.directoryUsers({ q: 'sec', role: 'secretary' }), directoryContract.users],
  directoryUnits: [() => api.directoryUnits({ kind: 'station' }), directoryContract.units],
  savedFilters: [() => api.savedFilters(), savedFilterContract.read],
  putSavedFilters: [() => api.putSavedFilters([]), savedFilterContract.write],
};

describe('the client calls the contract', () => {
  it.each(Object.entries(CALLS))(
    'given api.%s, when called, then its one request is the method and path of its contract route',
    async (_, [call, route]) => {
      await call();
      expect(sent).toHaveLength(1);
      expect(routesFor(sent[0]!.method, sent[0]!.url)).toEqual([route]);
    },
  );

  it.each(Object.entries(taskCommandContract))(
    'given the task command %s, when sent, then it reaches its contract route',
    async (_, route) => {
      const segment = route.path.split('/').at(-1) as TaskCommandPath;
      await api.taskCommand(ID, segment, {});
      expect(routesFor(sent[0]!.method, sent[0]!.url)).toEqual([route]);
    },
  );

  it('given every operation the task page offers, when sent, then each reaches a task command route', async () => {
    for (const spec of Object.values(OPERATIONS)) await api.taskCommand(ID, spec.path);
    expect(sent.map((s) => routesFor(s.method, s.url).length)).toEqual(
      Object.values(OPERATIONS).map(() => 1),
    );
  });

  it('given an attachment link, when followed, then it is the download route', () => {
    expect(routesFor('GET', api.attachmentUrl(ID, ID))).toEqual([attachmentContract.download]);
  });

  it('given the organisation button, when followed, then it is the OpenID Connect start route', () => {
    expect(routesFor('GET', api.oidcStartUrl())).toEqual([oidcContract.start]);
  });

  it('given a path the contract lacks, when matched, then no route answers it', () => {
    expect(routesFor('GET', '/api/instances/x/nothing')).toEqual([]);
    expect(routesFor('DELETE', `/api/instances/${ID}`)).toEqual([]);
  });
});

describe("the client's types are the contract's", () => {
  it('given each call, when typed, then it answers the JSON body of its contract route', () => {
    expectTypeOf(api.login).returns.resolves.toEqualTypeOf<{ token: string; user: Me }>();
    expectTypeOf(api.me).returns.resolves.toEqualTypeOf<Me>();
    expectTypeOf(api.demo).returns.resolves.toEqualTypeOf<DemoInfo | undefined>();
    expectTypeOf(api.startables).returns.resolves.toEqualTypeOf<{ items: Startable[] }>();
    expectTypeOf(api.definitionVersion).returns.resolves.toEqualTypeOf<DefinitionVersion>();
    expectTypeOf(api.latestDefinition).returns.resolves.toEqualTypeOf<DefinitionDetail>();
    expectTypeOf(api.startCase).returns.resolves.toEqualTypeOf<StartedCase>();
    expectTypeOf(api.cases).returns.resolves.toEqualTypeOf<{ items: CaseListItem[]; nextCursor?: string }>();
    expectTypeOf(api.caseView).returns.resolves.toEqualTypeOf<CaseView>();
    expectTypeOf(api.history).returns.resolves.toEqualTypeOf<History>();
    expectTypeOf(api.upload).returns.resolves.toEqualTypeOf<Json<typeof attachmentContract.upload, 201>>();
    expectTypeOf(api.tasks).returns.resolves.toEqualTypeOf<{ items: InboxItem[]; nextCursor?: string }>();
    expectTypeOf(api.task).returns.resolves.toEqualTypeOf<TaskView>();
    expectTypeOf(api.notifications).returns.resolves.toEqualTypeOf<NotificationPage>();
    expectTypeOf(api.directoryUsers).returns.resolves.toEqualTypeOf<{ items: DirectoryUser[] } | undefined>();
    expectTypeOf(api.directoryUnits).returns.resolves.toEqualTypeOf<{ items: DirectoryUnit[] } | undefined>();
    expectTypeOf(api.savedFilters).returns.resolves.toEqualTypeOf<SavedFilters | undefined>();
    expectTypeOf(api.withdraw).returns.resolves.toEqualTypeOf<Json<typeof caseContract.withdraw, 200>>();
  });

  it('given what the client sends, when typed, then the routes accept it', () => {
    expectTypeOf(api.cases).parameter(0).toEqualTypeOf<CaseScope>();
    expectTypeOf(api.tasks).parameter(0).toExtend<Query<typeof taskContract.list>>();
    expectTypeOf(api.directoryUsers).parameter(0).toExtend<Query<typeof directoryContract.users>>();
    expectTypeOf(api.directoryUnits).parameter(0).toExtend<Query<typeof directoryContract.units>>();
    expectTypeOf(api.taskCommand).parameter(1).toEqualTypeOf<TaskCommandPath>();
  });

  it('given definitions and forms, when typed, then they are the engine’s own types', () => {
    expectTypeOf<DefinitionVersion['definition']>().toEqualTypeOf<ProcessDefinition>();
    expectTypeOf<DefinitionVersion['forms']>().toEqualTypeOf<Record<string, FormDefinition>>();
    expectTypeOf<TaskView['operations']>().toEqualTypeOf<TaskOperation[]>();
    expectTypeOf<TaskOperation>().toEqualTypeOf<keyof typeof OPERATIONS | 'complete'>();
  });
});
