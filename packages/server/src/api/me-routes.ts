import { meContract as contract } from '@flowform/api';
import { hashPassword, verifyPassword } from '../auth/password';
import { storePassword } from '../auth/password-accounts';
import { passwordViolations } from '../auth/password-policy';
import { clientAddress } from '../http/client-address';
import { ApiProblem, problems } from '../http/problem';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { meView } from '../services/me-view';

/** `GET /api/me` and `POST /api/me/password`. */
export function meRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(contract.me, (c) => {
      const user = c.get('user');
      return c.json(meView(user.directory, user.username, user.mustChangePassword), 200);
    })
    .openapi(contract.changePassword, async (c) => {
      const { current, next } = c.req.valid('json');
      const user = c.get('user');
      const locale = c.get('locale');
      const address = clientAddress(c, ctx.config.trustProxy);
      const log = c.get('log');
      // A stolen session must not become a way to guess the password: the sign-in throttle applies.
      const wait = await ctx.throttle.retryAfter(user.username, address);
      if (wait > 0) throw problems.tooManyRequests(wait);
      const row = await ctx.db
        .selectFrom('directory_users')
        .select('password_hash')
        .where('username', '=', user.username)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(current, row.password_hash))) {
        await ctx.throttle.fail(user.username, address);
        log.warn('password change refused: wrong current password', { user: user.username, address });
        const message = locale === 'en' ? 'The current password is wrong' : '当前密码不正确';
        throw new ApiProblem(422, 'wrong-password', message, undefined, {
          errors: [{ path: '/current', keyword: 'wrong-password', message }],
        });
      }
      const violations = passwordViolations(next, user.username);
      const errors: { path: string; keyword: string; message: string }[] = violations.map((v) => ({
        path: '/next',
        keyword: v.keyword,
        message: v.message[locale],
      }));
      if (next.normalize('NFC') === current.normalize('NFC'))
        errors.push({
          path: '/next',
          keyword: 'same-as-current',
          message:
            locale === 'en' ? 'Choose a password other than the current one' : '新密码不能与当前密码相同',
        });
      if (errors.length > 0)
        throw new ApiProblem(
          422,
          'password-policy',
          locale === 'en' ? 'The new password is not accepted' : '新密码不符合要求',
          undefined,
          { errors },
        );
      await storePassword(ctx.db, user.username, hashPassword(next), false);
      await ctx.throttle.succeed(user.username, address);
      await ctx.sessions.revokeAll(user.username, user.sessionId);
      log.info('password changed', { user: user.username, address });
      return c.body(null, 204);
    });
}
