import { existsSync } from 'node:fs';
import { authContract, demoContract, meContract, oidcContract, taskCommandContract } from '@flowform/api';
import { serveStatic } from '@hono/node-server/serve-static';
import { accountAdminRoutes } from './api/account-admin-routes';
import { calendarRoutes } from './api/calendar-routes';
import { attachmentRoutes } from './api/attachment-routes';
import { loginRoutes, logoutRoutes } from './api/auth-routes';
import { definitionAdminRoutes } from './api/definition-admin-routes';
import { migrationRoutes } from './api/migration-routes';
import { definitionRoutes } from './api/definition-routes';
import { demoRoutes } from './api/demo-routes';
import { designerRoutes } from './api/designer-routes';
import { directoryRoutes } from './api/directory-routes';
import { docsPage } from './api/docs-page';
import { eventRoutes } from './api/event-routes';
import { healthRoutes, type Lifecycle } from './api/health-routes';
import { instanceRoutes } from './api/instance-routes';
import { caseLifecycleRoutes } from './api/case-lifecycle-routes';
import { meRoutes } from './api/me-routes';
import { notificationRoutes } from './api/notification-routes';
import { oidcRoutes } from './api/oidc-routes';
import { organisationRoutes } from './api/organisation-routes';
import { reportRoutes } from './api/report-routes';
import { savedFilterRoutes } from './api/saved-filter-routes';
import { taskCommandRoutes } from './api/task-command-routes';
import { taskRoutes } from './api/task-routes';
import { authenticate } from './http/authenticate';
import { bodyLimits } from './http/body-limit';
import { toProblem } from './http/error-mapping';
import { idempotency } from './http/idempotency';
import { jsonGuard } from './http/json-guard';
import { localeMiddleware } from './http/locale';
import { problemResponse, problems } from './http/problem';
import { requestContext } from './http/request-context';
import { newRouter } from './http/router';
import { securityHeaders } from './http/security-headers';
import type { ServerContext } from './server-context';

/** Routes that take a file (multipart): attachments, and the organisation spreadsheet import. */
const isUploadPath = (path: string) =>
  /^\/api\/instances\/[^/]+\/attachments$/.test(path) || path === '/api/admin/organisation/import';

/** Options for tests: a short SSE heartbeat. */
export interface AppOptions {
  lifecycle?: Lifecycle;
  heartbeatMs?: number;
}

/** Routes reachable without a session. */
const PUBLIC_PATHS = new Set<string>([
  authContract.login.path,
  demoContract.demo.path,
  ...Object.values(oidcContract).map((route) => route.path),
]);

/** The task command routes, which answer with the runtime's recorded outcome (`commandResponse`). */
const TASK_COMMAND = new RegExp(
  `^/api/tasks/[^/]+/(${Object.values(taskCommandContract)
    .map((route) => route.path.split('/').pop())
    .join('|')})$`,
);

/** What a user with a one-time password may do before changing it. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(
  [meContract.me, meContract.changePassword, authContract.logout].map(
    (route) => `${route.method.toUpperCase()} ${route.path}`,
  ),
);

/**
 * The HTTP application: middleware (request id and log, security headers, locale, body limits,
 * input vetting, authentication with CSRF checks, idempotency), then the API grouped by resource
 * (handlers on the routes of `@flowform/api`), the OpenAPI document generated from those routes'
 * schemas, a docs page, and the web app.
 */
export function createApp(ctx: ServerContext, options: AppOptions = {}) {
  const app = newRouter();
  const lifecycle = options.lifecycle ?? { draining: false };
  app.use('*', requestContext(ctx.log, ctx.config.requestLog ?? true));
  app.use('*', securityHeaders());
  app.use('*', localeMiddleware());
  app.onError((error, c) => {
    const problem = toProblem(error, c.get('locale') ?? 'zh-CN');
    if (problem.status >= 500) c.get('log')?.error('unhandled error', { error });
    return problemResponse(c, problem);
  });
  app.notFound((c) => problemResponse(c, problems.notFound(`No route ${c.req.method} ${c.req.path}`)));

  app.route('/', healthRoutes(ctx, lifecycle));
  app.use('/api/*', bodyLimits(ctx.config.limits));
  app.use('/api/*', jsonGuard({ multipart: isUploadPath }));
  app.route('/', loginRoutes(ctx));
  app.route('/', demoRoutes(ctx));
  app.route('/', oidcRoutes(ctx));
  const auth = authenticate({
    sessions: ctx.sessions,
    runtime: ctx.runtime,
    allowedOrigins: ctx.config.allowedOrigins,
    whilePasswordMustChange: WHILE_PASSWORD_MUST_CHANGE,
  });
  app.use('/api/*', (c, next) => (PUBLIC_PATHS.has(c.req.path) ? next() : auth(c, next)));
  app.use(
    '/api/*',
    idempotency(ctx.db, ctx.config.housekeeping.idempotencyLeaseSeconds, (path) => TASK_COMMAND.test(path)),
  );

  app.route('/', logoutRoutes(ctx));
  app.route('/', meRoutes(ctx));
  app.route('/', accountAdminRoutes(ctx));
  app.route('/', calendarRoutes(ctx));
  app.route('/', organisationRoutes(ctx));
  app.route('/', savedFilterRoutes(ctx));
  app.route('/', definitionRoutes(ctx));
  app.route('/', definitionAdminRoutes(ctx));
  app.route('/', migrationRoutes(ctx));
  app.route('/', designerRoutes(ctx));
  app.route('/', directoryRoutes(ctx));
  app.route('/', instanceRoutes(ctx));
  app.route('/', caseLifecycleRoutes(ctx));
  app.route('/', attachmentRoutes(ctx));
  app.route('/', taskRoutes(ctx));
  app.route('/', taskCommandRoutes(ctx));
  app.route('/', notificationRoutes(ctx));
  app.route('/', reportRoutes(ctx));
  app.route('/', eventRoutes(ctx, { heartbeatMs: options.heartbeatMs }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'ff_session',
    description: 'Session cookie; unsafe methods must also send X-Requested-With',
  });
  const openapi = () =>
    app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Flowform',
        version: '0.1.0',
        description:
          'Workflow and forms engine API. Errors are RFC 9457 problem documents with a stable `code`.',
      },
      servers: [{ url: '/' }],
      security: [{ bearer: [] }, { cookie: [] }],
    });
  app.get('/openapi.json', (c) => c.json(openapi()));
  app.get('/docs', (c) => c.html(docsPage(openapi() as never)));

  if (existsSync(ctx.config.staticDir)) {
    app.use('/*', serveStatic({ root: ctx.config.staticDir }));
    app.get('/*', serveStatic({ root: ctx.config.staticDir, path: 'index.html' }));
  }
  return app;
}
