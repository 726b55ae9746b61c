import { directoryContract as contract } from '@flowform/api';
import { roleLabel } from '@flowform/engine';
import { sql } from 'kysely';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 20);
const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * `/api/directory`: read-only look-ups for the web app's user and unit pickers, for any signed-in
 * user (the organisation's names, units and roles; never passwords or disabled accounts).
 */
export function directoryRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(contract.users, async (c) => {
      const { q, role, unit, limit } = c.req.valid('query');
      const roles = list(role);
      let query = ctx.db
        .selectFrom('directory_users as u')
        .select(['u.username', 'u.display_name'])
        .where('u.disabled', '=', false)
        .orderBy('u.username')
        .limit(limit);
      if (q?.trim())
        query = query.where((eb) =>
          eb.or([
            eb('u.username', 'ilike', like(q.trim())),
            eb(sql<string>`u.display_name::text`, 'ilike', like(q.trim())),
          ]),
        );
      if (roles.length > 0 || unit)
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('directory_memberships as m')
              .select('m.username')
              .whereRef('m.username', '=', 'u.username')
              .$if(roles.length > 0, (w) => w.where('m.role', 'in', roles))
              .$if(!!unit, (w) => w.where('m.unit', '=', unit!)),
          ),
        );
      const rows = await query.execute();
      const memberships = rows.length
        ? await ctx.db
            .selectFrom('directory_memberships as m')
            .innerJoin('directory_units as d', 'd.id', 'm.unit')
            .select(['m.username', 'm.role', 'm.unit', 'd.name'])
            .where(
              'm.username',
              'in',
              rows.map((r) => r.username),
            )
            .execute()
        : [];
      const items = rows.map((r) => ({
        username: r.username,
        displayName: r.display_name,
        roles: memberships
          .filter((m) => m.username === r.username)
          .map((m) => ({
            role: m.role,
            roleName: { 'zh-CN': roleLabel(m.role, 'zh-CN'), en: roleLabel(m.role, 'en') },
            unit: m.unit,
            unitName: m.name,
          })),
      }));
      return c.json({ items }, 200);
    })
    .openapi(contract.units, async (c) => {
      const { kind, q } = c.req.valid('query');
      const kinds = list(kind);
      let query = ctx.db
        .selectFrom('directory_units')
        .select(['id', 'kind', 'name', 'parent'])
        .orderBy('id')
        .limit(500);
      if (kinds.length > 0) query = query.where('kind', 'in', kinds);
      if (q?.trim())
        query = query.where((eb) =>
          eb.or([eb('id', 'ilike', like(q.trim())), eb(sql<string>`name::text`, 'ilike', like(q.trim()))]),
        );
      const rows = await query.execute();
      return c.json(
        { items: rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, parent: r.parent })) },
        200,
      );
    });
}
