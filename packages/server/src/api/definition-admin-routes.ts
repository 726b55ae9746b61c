import { definitionAdminContract as contract } from '@flowform/api';
import type { DefinitionBundle } from '@flowform/engine';
import { adminOnly } from '../http/require-admin';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { lintBundle, loadDraft, publishDraft, saveDraft } from '../services/definition-publishing';

/** Drafting, linting and publishing definitions: administrators only (403 for everyone else). */
export function definitionAdminRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(adminOnly(contract.putDraft), async (c) => {
      const { key } = c.req.valid('param');
      return c.json(await saveDraft(ctx, key, c.req.valid('json'), c.get('user')), 200);
    })
    .openapi(adminOnly(contract.lint), async (c) => {
      const { key } = c.req.valid('param');
      const given = c.req.valid('json') as DefinitionBundle | undefined;
      const bundle = given ?? (await loadDraft(ctx, key));
      return c.json({ problems: await lintBundle(ctx, bundle, c.get('user')) }, 200);
    })
    .openapi(adminOnly(contract.publish), async (c) => {
      const result = await publishDraft(ctx, c.req.valid('param').key, c.get('user'));
      return c.json(result, 201);
    });
}
