import { taskContract as contract } from '@flowform/api';
import { queryInbox } from '@flowform/runtime';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { caseOfTask } from '../services/case-access';
import { inboxItem, peopleNamed } from '../services/inbox-rows';
import { taskView } from '../services/task-view';

/** `GET /api/tasks`, `GET /api/tasks/{id}`. */
export function taskRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(contract.list, async (c) => {
      const user = c.get('user');
      const query = c.req.valid('query');
      const initiators = await peopleNamed(ctx, query.q);
      const page = await queryInbox(ctx.runtime.db, user.directory, {
        user: user.username,
        ...query,
        initiators,
      });
      return c.json({ ...page, items: page.items.map((row) => inboxItem(user.directory, row)) }, 200);
    })
    .openapi(contract.detail, async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const found = await caseOfTask(ctx, id, user);
      return c.json(await taskView(ctx, found, id, user), 200);
    });
}
