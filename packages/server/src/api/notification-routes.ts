import { notificationContract as contract } from '@flowform/api';
import { problems } from '../http/problem';
import { newRouter } from '../http/router';
import { openableCases } from '../notifications/case-readers';
import { listNotifications, markRead } from '../notifications/notification-store';
import type { ServerContext } from '../server-context';

/** `/api/notifications`: each user sees only their own, about cases they may still open. */
export function notificationRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(contract.list, async (c) => {
      const q = c.req.valid('query');
      const user = c.get('user');
      const page = await listNotifications(ctx.db, user.username, {
        limit: q.limit,
        cursor: q.cursor,
        unread: q.unread === 'true',
      });
      // About a case the user may no longer open: not listed nor counted as unread (the cursor
      // still walks past it).
      const ids = [...page.items, ...page.unreadByCase].flatMap((n) => (n.instanceId ? [n.instanceId] : []));
      const open = await openableCases(ctx, user.username, user.directory, ids);
      const readable = (n: { instanceId: string | null }) => !n.instanceId || open.has(n.instanceId);
      const unread = page.unreadByCase.filter(readable).reduce((sum, r) => sum + r.n, 0);
      const items = page.items.filter(readable);
      return c.json({ items, unread, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }, 200);
    })
    .openapi(contract.readAll, async (c) =>
      c.json({ updated: await markRead(ctx.db, c.get('user').username) }, 200),
    )
    .openapi(contract.readOne, async (c) => {
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
