import { definitionAdminContract as contract } from '@flowform/api';
import type { DefinitionBundle } from '@flowform/engine';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import { requireAdmin } from '../http/require-admin';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { lintBundle, loadDraft, publishDraft, saveDraft } from '../services/definition-publishing';

const admin: [MiddlewareHandler<AppEnv>] = [requireAdmin()];

/** Drafting, linting and publishing definitions: administrators only (403 for everyone else). */
export function definitionAdminRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi({ ...contract.putDraft, middleware: admin }, async (c) => {
      const { key } = c.req.valid('param');
      return c.json(await saveDraft(ctx, key, c.req.valid('json'), c.get('user')), 200);
    })
    .openapi({ ...contract.lint, middleware: admin }, async (c) => {
      const { key } = c.req.valid('param');
      const given = c.req.valid('json') as DefinitionBundle | undefined;
      const bundle = given ?? (await loadDraft(ctx, key));
      return c.json({ problems: await lintBundle(ctx, bundle, c.get('user')) }, 200);
    })
    .openapi({ ...contract.publish, middleware: admin }, async (c) => {
      const result = await publishDraft(ctx, c.req.valid('param').key, c.get('user'));
      return c.json(result, 201);
    });
}
