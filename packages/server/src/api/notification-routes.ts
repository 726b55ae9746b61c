import { createRoute, z } from '@hono/zod-openapi';
import { problems } from '../http/problem';
import { newRouter } from '../http/router';
import { listNotifications, markRead } from '../notifications/notification-store';
import { LocalizedTextSchema, problemResponses } from '../schemas/common-schemas';
import type { ServerContext } from '../server-context';

const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    instanceId: z.string().nullable(),
    taskId: z.string().nullable(),
    message: LocalizedTextSchema.nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

const NumericId = z.object({
  id: z
    .string()
    .regex(/^[0-9]{1,18}$/)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['notifications'],
  summary: 'My in-app notifications, newest first',
  request: {
    query: z
      .object({
        limit: z.coerce.number().int().min(1).max(100).default(20),
        cursor: z
          .string()
          .regex(/^[0-9]{1,18}$/)
          .optional(),
        unread: z.enum(['true', 'false']).optional(),
      })
      .strict(),
  },
  responses: {
    200: {
      description: 'A page of notifications and the unread count',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(NotificationSchema),
            nextCursor: z.string().optional(),
            unread: z.number().int(),
          }),
        },
      },
    },
    ...problemResponses(400, 401),
  },
});

const readOne = createRoute({
  method: 'post',
  path: '/{id}/read',
  tags: ['notifications'],
  summary: 'Mark one notification read',
  request: { params: NumericId },
  responses: { 204: { description: 'Marked' }, ...problemResponses(400, 401, 404) },
});

const readAll = createRoute({
  method: 'post',
  path: '/read-all',
  tags: ['notifications'],
  summary: 'Mark all my notifications read',
  responses: {
    200: {
      description: 'Marked',
      content: { 'application/json': { schema: z.object({ updated: z.number().int() }) } },
    },
    ...problemResponses(401),
  },
});

/** `/api/notifications`: each user sees only their own. */
export function notificationRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const page = await listNotifications(ctx.db, c.get('user').username, {
        limit: q.limit,
        cursor: q.cursor,
        unread: q.unread === 'true',
      });
      return c.json(page, 200);
    })
    .openapi(readAll, async (c) => c.json({ updated: await markRead(ctx.db, c.get('user').username) }, 200))
    .openapi(readOne, async (c) => {
      const changed = await markRead(ctx.db, c.get('user').username, c.req.valid('param').id);
      if (changed === 0) {
        const exists = await ctx.db
          .selectFrom('notifications')
          .select('id')
          .where('username', '=', c.get('user').username)
          .where('id', '=', c.req.valid('param').id)
          .executeTakeFirst();
        if (!exists) throw problems.notFound('No such notification');
      }
      return c.body(null, 204);
    });
}
