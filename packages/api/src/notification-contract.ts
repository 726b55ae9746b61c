import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { json, LocalizedTextSchema, problemResponses } from './common-schemas';

/** An in-app notification. */
export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    instanceId: z.string().nullable(),
    taskId: z.string().nullable(),
    message: z.union([LocalizedTextSchema, z.null()]),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  nextCursor: z.string().optional(),
  unread: z.number().int(),
});

export type Notification = z.output<typeof NotificationSchema>;
export type NotificationPage = z.output<typeof NotificationPageSchema>;

const NumericId = z.object({
  id: z
    .string()
    .regex(/^[0-9]{1,18}$/)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** `/api/notifications`: each user sees only their own. */
export const notificationContract = {
  list: apiRoute({
    method: 'get',
    path: '/api/notifications',
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
      200: json(NotificationPageSchema, 'A page of notifications and the unread count'),
      ...problemResponses(400, 401),
    },
  }),
  readOne: apiRoute({
    method: 'post',
    path: '/api/notifications/{id}/read',
    tags: ['notifications'],
    summary: 'Mark one notification read',
    request: { params: NumericId },
    responses: { 204: { description: 'Marked' }, ...problemResponses(400, 401, 404) },
  }),
  readAll: apiRoute({
    method: 'post',
    path: '/api/notifications/read-all',
    tags: ['notifications'],
    summary: 'Mark all my notifications read',
    responses: {
      200: json(z.object({ updated: z.number().int() }), 'Marked'),
      ...problemResponses(401),
    },
  }),
};
