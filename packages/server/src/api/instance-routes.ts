import { caseContract as contract } from '@flowform/api';
import { compileBundle, viewCase } from '@flowform/engine';
import { commandOptions } from '../http/idempotency';
import { problems } from '../http/problem';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { visibleCase } from '../services/case-access';
import { runCaseCommand } from '../services/case-commands';
import { caseHistory } from '../services/case-history';
import { listCases } from '../services/case-list';
import { runLifecycleCommand } from '../services/case-lifecycle';
import { caseView, taskSummary } from '../services/case-view';

/** `/api/instances`: start, list and read cases; withdraw and cancel. */
export function instanceRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(contract.start, async (c) => {
      const user = c.get('user');
      const body = c.req.valid('json');
      const outcome = await ctx.runtime.start(
        { definitionKey: body.definitionKey, data: body.data, actor: { username: user.username } },
        commandOptions(c),
      );
      const snapshot = await ctx.runtime.snapshot(outcome.instanceId);
      if (!snapshot) throw problems.notFound('No such case');
      const bundle = await ctx.runtime.definitions.get(snapshot.definitionKey, snapshot.definitionVersion);
      const compiled = compileBundle(bundle);
      const view = viewCase(compiled, snapshot, user.username, user.directory);
      if (!view) throw problems.notFound('No such case');
      const found = { snapshot, bundle, compiled, visibility: view.access, view, confidential: false };
      return c.json(
        {
          id: outcome.instanceId,
          definitionKey: snapshot.definitionKey,
          definitionVersion: snapshot.definitionVersion,
          status: snapshot.status,
          tasks: snapshot.tasks.map((t) => taskSummary(found, t, user)),
          replayed: outcome.replayed,
        },
        201,
      );
    })
    .openapi(contract.list, async (c) =>
      c.json(await listCases(ctx, c.get('user'), c.req.valid('query')), 200),
    )
    .openapi(contract.detail, async (c) => {
      const user = c.get('user');
      const found = await visibleCase(ctx, c.req.valid('param').id, user);
      return c.json(await caseView(ctx, found, user), 200);
    })
    .openapi(contract.history, async (c) => {
      const { id } = c.req.valid('param');
      const found = await visibleCase(ctx, id, c.get('user'));
      return c.json(await caseHistory(ctx, id, found.view), 200);
    })
    .openapi(contract.withdraw, async (c) => {
      const body = c.req.valid('json') ?? {};
      const command = { type: 'withdraw' as const, ...(body.comment ? { comment: body.comment } : {}) };
      return c.json(
        await runCaseCommand(ctx, c.get('user'), c.req.valid('param').id, command, commandOptions(c)),
        200,
      );
    })
    .openapi(contract.cancel, async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      // Administrators always, a confidential case too (break-glass, with a reason, its data unread);
      // the initiator where the process allows it (the engine decides).
      const body = c.req.valid('json') ?? {};
      const command = { type: 'cancel' as const, ...(body.reason ? { reason: body.reason } : {}) };
      return c.json(await runLifecycleCommand(ctx, user, id, command, commandOptions(c)), 200);
    });
}
