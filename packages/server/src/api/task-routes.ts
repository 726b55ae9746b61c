import { taskContract as contract } from '@flowform/api';
import { queryInbox } from '@flowform/runtime';
import { newRouter } from '../http/router';
import { viewedCases } from '../notifications/case-readers';
import type { ServerContext } from '../server-context';
import { caseOfTask } from '../services/case-access';
import { inboxItem, peopleNamed } from '../services/inbox-rows';
import { taskView } from '../services/task-view';

/** `GET /api/tasks` (only tasks of cases the user may open), `GET /api/tasks/{id}`. */
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
      // A task of a case the user may no longer open (transferred away, a role taken) is not listed;
      // the others show their subject only as the user's view of the case allows.
      const viewed = await viewedCases(
        ctx,
        user.username,
        user.directory,
        page.items.map((i) => i.instanceId),
      );
      return c.json(
        {
          ...page,
          items: page.items.flatMap((row) => {
            const seen = viewed.get(row.instanceId);
            return seen ? [inboxItem(user.directory, row, seen)] : [];
          }),
        },
        200,
      );
    })
    .openapi(contract.detail, async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const found = await caseOfTask(ctx, id, user);
      return c.json(await taskView(ctx, found, id, user), 200);
    });
}
