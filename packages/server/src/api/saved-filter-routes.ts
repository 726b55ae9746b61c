import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { newRouter } from '../http/router';
import { problemResponses } from '../schemas/common-schemas';
import type { ServerContext } from '../server-context';

const FilterSchema = z
  .object({
    q: z.string().max(200).optional(),
    definitionKey: z.string().max(64).optional(),
    due: z.enum(['soon', 'overdue', '']).optional(),
    sort: z.string().max(32).optional(),
    scope: z.enum(['todo', 'done', 'cc', 'started']).optional(),
  })
  .strict();
const SavedFiltersSchema = z
  .object({
    items: z.array(z.object({ name: z.string().min(1).max(60), filter: FilterSchema }).strict()).max(50),
  })
  .strict()
  .openapi('SavedFilters');

const read = createRoute({
  method: 'get',
  path: '/saved-filters',
  tags: ['auth'],
  summary: "The signed-in user's saved inbox filters (they follow the user to any device)",
  responses: {
    200: { description: 'Saved filters', content: { 'application/json': { schema: SavedFiltersSchema } } },
    ...problemResponses(401),
  },
});

const write = createRoute({
  method: 'put',
  path: '/saved-filters',
  tags: ['auth'],
  summary: "Replaces the signed-in user's saved inbox filters",
  request: { body: { required: true, content: { 'application/json': { schema: SavedFiltersSchema } } } },
  responses: {
    200: { description: 'Saved', content: { 'application/json': { schema: SavedFiltersSchema } } },
    ...problemResponses(400, 401, 422),
  },
});

/** `GET/PUT /api/me/saved-filters`: per-user inbox filters stored on the server. */
export function savedFilterRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(read, async (c) => {
      const row = await ctx.db
        .selectFrom('saved_filters')
        .select('items')
        .where('username', '=', c.get('user').username)
        .executeTakeFirst();
      return c.json({ items: (row?.items ?? []) as z.infer<typeof SavedFiltersSchema>['items'] }, 200);
    })
    .openapi(write, async (c) => {
      const { items } = c.req.valid('json');
      await ctx.db
        .insertInto('saved_filters')
        .values({ username: c.get('user').username, items: JSON.stringify(items) })
        .onConflict((oc) =>
          oc.column('username').doUpdateSet({ items: JSON.stringify(items), updated_at: sql<Date>`now()` }),
        )
        .execute();
      return c.json({ items }, 200);
    });
}
