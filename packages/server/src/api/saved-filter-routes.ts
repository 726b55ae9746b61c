import { savedFilterContract as contract, type SavedFilters } from '@flowform/api';
import { sql } from 'kysely';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';

/** `GET/PUT /api/me/saved-filters`: per-user inbox filters stored on the server. */
export function savedFilterRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(contract.read, async (c) => {
      const row = await ctx.db
        .selectFrom('saved_filters')
        .select('items')
        .where('username', '=', c.get('user').username)
        .executeTakeFirst();
      return c.json({ items: (row?.items ?? []) as SavedFilters['items'] }, 200);
    })
    .openapi(contract.write, async (c) => {
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
