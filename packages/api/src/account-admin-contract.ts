import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { json, problemResponses, UsernameSchema } from './common-schemas';

/** A one-time password an administrator hands to a user; it must be changed at first sign-in. */
export const PasswordResetResultSchema = z
  .object({ username: z.string(), oneTimePassword: z.string() })
  .openapi('PasswordResetResult');

export type PasswordResetResult = z.output<typeof PasswordResetResultSchema>;

/** `/api/admin/users`: account administration (administrators only). */
export const accountAdminContract = {
  resetPassword: apiRoute({
    method: 'post',
    path: '/api/admin/users/{username}/password-reset',
    tags: ['admin'],
    summary:
      "Reset a user's password (administrators): answers a one-time password, shown once, that must be " +
      "changed at the next sign-in; the user's sessions end",
    request: {
      params: z.object({ username: UsernameSchema.openapi({ param: { name: 'username', in: 'path' } }) }),
    },
    responses: {
      200: json(PasswordResetResultSchema, 'The one-time password'),
      ...problemResponses(401, 403, 404),
    },
  }),
};
