import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { json, LocalizedTextSchema, problemResponses } from './common-schemas';

const Name = z.string().max(64).optional();

/** A person as a picker lists them: their roles, each with its unit's path. */
const DirectoryUserSchema = z.object({
  username: z.string(),
  displayName: LocalizedTextSchema,
  roles: z.array(
    z.object({
      role: z.string(),
      roleName: LocalizedTextSchema,
      unit: z.string(),
      unitName: LocalizedTextSchema,
      unitPath: LocalizedTextSchema.openapi({
        description: 'the unit under the district: 第一党支部 / 101计量站',
      }),
    }),
  ),
});

/** A unit as a picker lists it. */
const DirectoryUnitSchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: LocalizedTextSchema,
  parent: z.string().nullable(),
  path: LocalizedTextSchema.openapi({ description: 'the unit under the district: 第一党支部 / 101计量站' }),
});

export type DirectoryUser = z.output<typeof DirectoryUserSchema>;
export type DirectoryUnit = z.output<typeof DirectoryUnitSchema>;

/**
 * `/api/directory`: read-only look-ups for the web app's user and unit pickers, for any signed-in
 * user (the organisation's names, units and roles; never passwords or disabled accounts).
 */
export const directoryContract = {
  users: apiRoute({
    method: 'get',
    path: '/api/directory/users',
    tags: ['directory'],
    summary:
      'People for pickers: active users found by name, pinyin (liu, lyg, liuyonggang) or username, best first, optionally holding a role (in a unit)',
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
      200: json(z.object({ items: z.array(DirectoryUserSchema) }), 'People'),
      ...problemResponses(400, 401),
    },
  }),
  units: apiRoute({
    method: 'get',
    path: '/api/directory/units',
    tags: ['directory'],
    summary:
      'Units for pickers (branches, stations, patches…) with their paths, optionally of some kinds or found by name, pinyin or id',
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
      200: json(z.object({ items: z.array(DirectoryUnitSchema) }), 'Units'),
      ...problemResponses(400, 401),
    },
  }),
};
