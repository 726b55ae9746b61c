import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { json, jsonBody, LocalizedTextSchema, problemResponses } from './common-schemas';

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
    /** A one-time password (first administrator, reset): only /api/me, logout and the change answer until it is changed. */
    mustChangePassword: z.boolean(),
    roles: z.array(RoleInUnitSchema),
    units: z.array(z.object({ id: z.string(), kind: z.string(), name: LocalizedTextSchema })),
  })
  .openapi('Me');

/** `POST /api/me/password`: the current password and the new one. */
export const PasswordChangeSchema = z
  .object({
    current: z.string().min(1).max(256),
    next: z.string().min(1).max(256),
  })
  .strict()
  .openapi('PasswordChange');

export type PasswordChange = z.output<typeof PasswordChangeSchema>;
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
  changePassword: apiRoute({
    method: 'post',
    path: '/api/me/password',
    tags: ['auth'],
    summary:
      'Change your password (allowed while a one-time password must be changed); your other sessions end. ' +
      '422 `wrong-password` (current is wrong) or `password-policy` (errors name each broken rule: ' +
      'too-short, contains-username, too-common, same-as-current); 429 after repeated wrong current passwords',
    request: { body: jsonBody(PasswordChangeSchema) },
    responses: { 204: { description: 'Changed' }, ...problemResponses(401, 422, 429) },
  }),
};
