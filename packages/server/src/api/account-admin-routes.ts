import { accountAdminContract as contract } from '@flowform/api';
import { problems } from '../http/problem';
import { adminOnly } from '../http/require-admin';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { resetPassword } from '../services/password-reset';

/** `/api/admin/users`: password resets (administrators only, audited). */
export function accountAdminRoutes(ctx: ServerContext) {
  return newRouter().openapi(adminOnly(contract.resetPassword), async (c) => {
    const { username } = c.req.valid('param');
    const password = await resetPassword(ctx, username, c.get('user').username);
    if (password === undefined) throw problems.notFound(`No user ${username}`);
    return c.json({ username, oneTimePassword: password }, 200);
  });
}
