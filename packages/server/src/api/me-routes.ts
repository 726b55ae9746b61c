import { createRoute } from '@hono/zod-openapi';
import { newRouter } from '../http/router';
import { MeSchema } from '../schemas/auth-schemas';
import { problemResponses } from '../schemas/common-schemas';
import { meView } from '../services/me-view';

const me = createRoute({
  method: 'get',
  path: '/',
  tags: ['auth'],
  summary: 'The signed-in user, their roles and units (as of this request)',
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: MeSchema } } },
    ...problemResponses(401),
  },
});

/** `GET /api/me` */
export function meRoutes() {
  return newRouter().openapi(me, (c) => {
    const user = c.get('user');
    return c.json(meView(user.directory, user.username), 200);
  });
}
