import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { json, LocalizedTextSchema, problemResponses } from './common-schemas';

/** A role held in a unit, with display names. */
export const RoleInUnitSchema = z
  .object({
    role: z.string(),
    roleName: LocalizedTextSchema,
    unit: z.string(),
    unitName: LocalizedTextSchema,
  })
  .openapi('RoleInUnit');

/** The signed-in user. */
export const MeSchema = z
  .object({
    username: z.string(),
    displayName: LocalizedTextSchema,
    isAdmin: z.boolean(),
    roles: z.array(RoleInUnitSchema),
    units: z.array(z.object({ id: z.string(), kind: z.string(), name: LocalizedTextSchema })),
  })
  .openapi('Me');

export type RoleInUnit = z.output<typeof RoleInUnitSchema>;
export type Me = z.output<typeof MeSchema>;

/** `/api/me`: the signed-in user. */
export const meContract = {
  me: apiRoute({
    method: 'get',
    path: '/api/me',
    tags: ['auth'],
    summary: 'The signed-in user, their roles and units (as of this request)',
    responses: { 200: json(MeSchema, 'The user'), ...problemResponses(401) },
  }),
};
