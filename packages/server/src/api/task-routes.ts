import { queryInbox } from '@flowform/runtime';
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../http/router';
import { IdParamSchema, problemResponses } from '../schemas/common-schemas';
import { InboxItemSchema, InboxQuerySchema, TaskViewSchema } from '../schemas/task-schemas';
import type { ServerContext } from '../server-context';
import { caseOfTask } from '../services/case-access';
import { taskView } from '../services/task-view';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['tasks'],
  summary: 'My inbox: tasks to do (mine and offered to my roles), done by me, or cases copied to me',
  request: { query: InboxQuerySchema },
  responses: {
    200: {
      description: 'A page of the inbox',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(InboxItemSchema), nextCursor: z.string().optional() }),
        },
      },
    },
    ...problemResponses(400, 401),
  },
});

const detail = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['tasks'],
  summary: 'A task with its form (hidden fields removed), data, outcomes and my allowed operations',
  request: { params: IdParamSchema },
  responses: {
    200: { description: 'The task', content: { 'application/json': { schema: TaskViewSchema } } },
    ...problemResponses(401, 404),
  },
});

/** `GET /api/tasks`, `GET /api/tasks/{id}`. */
export function taskRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(list, async (c) => {
      const user = c.get('user');
      const query = c.req.valid('query');
      const page = await queryInbox(ctx.runtime.db, user.directory, { user: user.username, ...query });
      return c.json(page, 200);
    })
    .openapi(detail, async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const found = await caseOfTask(ctx, id, user);
      return c.json(await taskView(ctx, found, id, user), 200);
    });
}
