import { caseLifecycleContract as contract } from '@flowform/api';
import { commandOptions } from '../http/idempotency';
import { adminOnly } from '../http/require-admin';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { listAdminCases, runLifecycleCommand } from '../services/case-lifecycle';

/**
 * Administrators' case lifecycle: 所有案件, 挂起 and 恢复 (取消 is `instanceRoutes`' cancel). The
 * commands are not admin-gated at the edge: a case the caller may not open answers 404 like a
 * missing one, and one they may open but not hold answers the engine's 403.
 */
export function caseLifecycleRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(adminOnly(contract.list), async (c) =>
      c.json(await listAdminCases(ctx, c.get('user'), c.req.valid('query')), 200),
    )
    .openapi(contract.suspend, async (c) => {
      const command = { type: 'suspend' as const, reason: c.req.valid('json').reason };
      const id = c.req.valid('param').id;
      return c.json(await runLifecycleCommand(ctx, c.get('user'), id, command, commandOptions(c)), 200);
    })
    .openapi(contract.resume, async (c) => {
      const command = { type: 'resume' as const, reason: c.req.valid('json').reason };
      const id = c.req.valid('param').id;
      return c.json(await runLifecycleCommand(ctx, c.get('user'), id, command, commandOptions(c)), 200);
    });
}
