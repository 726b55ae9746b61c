import { type TaskOperation, taskCommandContract } from '@flowform/api';
import type { RouteConfig, z } from '@hono/zod-openapi';
import { commandOptions, commandResponse } from '../http/idempotency';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { runTaskCommand, type TaskCommand } from '../services/case-commands';

/** The validated JSON body of a route, or `undefined` for a route without one. */
type BodyOf<R extends RouteConfig> = NonNullable<R['request']>['body'] extends {
  content: { 'application/json': { schema: infer S extends z.ZodType } };
}
  ? z.output<S>
  : undefined;

/** Every command route has the `{id}` parameter and the same responses; bodies differ (read below). */
type CommandRoute = typeof taskCommandContract.claim;

const opt = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** How each task command's body becomes an engine command. */
const BUILD: {
  [K in TaskOperation]: (taskId: string, body: BodyOf<(typeof taskCommandContract)[K]>) => TaskCommand;
} = {
  claim: (taskId) => ({ type: 'claim', taskId }),
  unclaim: (taskId) => ({ type: 'unclaim', taskId }),
  complete: (taskId, b) =>
    opt({ type: 'complete', taskId, outcome: b.outcome, data: b.data, comment: b.comment }) as TaskCommand,
  transfer: (taskId, b) => opt({ type: 'transfer', taskId, to: b.to, comment: b.comment }) as TaskCommand,
  delegate: (taskId, b) => opt({ type: 'delegate', taskId, to: b.to, comment: b.comment }) as TaskCommand,
  addSigner: (taskId, b) =>
    opt({ type: 'addSigner', taskId, users: b.users, position: b.position }) as TaskCommand,
  removeSigner: (taskId, b) => ({ type: 'removeSigner', taskId, users: b.users }),
  return: (taskId, b) => ({ type: 'return', taskId, target: b.target, comment: b.comment }),
  urge: (taskId, b) => opt({ type: 'urge', taskId, comment: b?.comment }) as TaskCommand,
  cc: (taskId, b) => ({ type: 'cc', taskId, users: b.users }),
  comment: (taskId, b) => ({ type: 'comment', taskId, text: b.text }),
};

/** `POST /api/tasks/{id}/{command}`: every task command, the same error mapping for all. */
export function taskCommandRoutes(ctx: ServerContext) {
  const router = newRouter();
  for (const [name, route] of Object.entries(taskCommandContract) as [TaskOperation, CommandRoute][]) {
    const build = BUILD[name] as (taskId: string, body: unknown) => TaskCommand;
    const hasBody = 'body' in route.request;
    router.openapi(route, async (c) => {
      const { id } = c.req.valid('param');
      const body = hasBody ? (c.req.valid('json' as never) as unknown) : undefined;
      const outcome = await runTaskCommand(ctx, c.get('user'), id, () => build(id, body), commandOptions(c));
      return commandResponse(c, outcome) as never;
    });
  }
  return router;
}
