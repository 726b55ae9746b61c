import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { problemResponses } from './common-schemas';

/** `GET /api/events`: one Server-Sent Events stream per tab. */
export const eventContract = {
  events: apiRoute({
    method: 'get',
    path: '/api/events',
    tags: ['events'],
    summary:
      'Live updates (Server-Sent Events): task.created, task.done, task.urged, case.changed, notification',
    responses: {
      200: {
        description: 'An event stream; each event names its type and carries JSON data',
        content: { 'text/event-stream': { schema: z.string() } },
      },
      ...problemResponses(401, 429),
    },
  }),
};
