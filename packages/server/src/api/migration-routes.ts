import { migrationContract as contract } from '@flowform/api';
import { adminOnly } from '../http/require-admin';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { dryRun, migrate, migrationProposal, whatIf } from '../services/definition-migration';

/** What-if and migration of running cases: administrators only (403 for everyone else). */
export function migrationRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(adminOnly(contract.proposal), async (c) => {
      const { key } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      return c.json(await migrationProposal(ctx, key, from, to), 200);
    })
    .openapi(adminOnly(contract.whatIf), async (c) => {
      const { key } = c.req.valid('param');
      return c.json(await whatIf(ctx, key, c.req.valid('json'), c.get('user')), 200);
    })
    .openapi(adminOnly(contract.dryRun), async (c) => {
      const { key } = c.req.valid('param');
      return c.json(await dryRun(ctx, key, c.req.valid('json'), c.get('user')), 200);
    })
    .openapi(adminOnly(contract.migrate), async (c) => {
      const { key } = c.req.valid('param');
      return c.json(await migrate(ctx, key, c.req.valid('json'), c.get('user')), 200);
    });
}
