import { designerContract as contract, type DesignerDefinition } from '@flowform/api';
import { adminOnly } from '../http/require-admin';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { designerDefinition, designerDefinitions, directorySeed } from '../services/designer-catalog';

/** What the visual designer reads besides the definition routes: administrators only. */
export function designerRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(adminOnly(contract.list), async (c) => c.json({ items: await designerDefinitions(ctx) }, 200))
    .openapi(adminOnly(contract.detail), async (c) => {
      // The catalogue reads bundles back from JSON columns, untyped: they are the engine's bundles.
      const found = await designerDefinition(ctx, c.req.valid('param').key);
      return c.json(found as DesignerDefinition, 200);
    })
    .openapi(adminOnly(contract.directory), async (c) => c.json(await directorySeed(ctx), 200));
}
