import { definitionContract as contract } from '@flowform/api';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { definitionDetail, definitionVersion, startableDefinitions } from '../services/definition-catalog';

/** Reading definitions: any signed-in user (definitions are the organisation's published rules). */
export function definitionRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(contract.list, async (c) =>
      c.json({ items: await startableDefinitions(ctx, c.get('user')) }, 200),
    )
    .openapi(contract.detail, async (c) =>
      c.json(await definitionDetail(ctx, c.req.valid('param').key, c.get('user')), 200),
    )
    .openapi(contract.version, async (c) => {
      const { key, version } = c.req.valid('param');
      return c.json(await definitionVersion(ctx, key, version), 200);
    });
}
