import { roleLabel } from '@flowform/engine';
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { newRouter } from '../http/router';
import { LocalizedTextSchema, problemResponses } from '../schemas/common-schemas';
import type { ServerContext } from '../server-context';

const Name = z.string().max(64).optional();

const users = createRoute({
  method: 'get',
  path: '/users',
  tags: ['directory'],
  summary:
    'People for pickers: active users matching a name or username, optionally holding a role (in a unit)',
  request: {
    query: z
      .object({
        q: z.string().max(50).optional(),
        role: z
          .string()
          .max(200)
          .optional()
          .openapi({ description: 'one role, or several separated by commas' }),
        unit: Name,
        limit: z.coerce.number().int().min(1).max(50).default(20),
      })
      .strict(),
  },
  responses: {
    200: {
      description: 'People',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(
              z.object({
                username: z.string(),
                displayName: LocalizedTextSchema,
                roles: z.array(
                  z.object({
                    role: z.string(),
                    roleName: LocalizedTextSchema,
                    unit: z.string(),
                    unitName: LocalizedTextSchema,
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    ...problemResponses(400, 401),
  },
});

const units = createRoute({
  method: 'get',
  path: '/units',
  tags: ['directory'],
  summary: 'Units for pickers (branches, stations, patches…), optionally of some kinds or matching a name',
  request: {
    query: z
      .object({
        kind: z
          .string()
          .max(200)
          .optional()
          .openapi({ description: 'one kind, or several separated by commas' }),
        q: z.string().max(50).optional(),
      })
      .strict(),
  },
  responses: {
    200: {
      description: 'Units',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                name: LocalizedTextSchema,
                parent: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    ...problemResponses(400, 401),
  },
});

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
    .openapi(users, async (c) => {
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
    .openapi(units, async (c) => {
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
