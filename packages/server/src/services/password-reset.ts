import { hashPassword } from '../auth/password';
import { oneTimePassword, storePassword } from '../auth/password-accounts';
import type { ServerContext } from '../server-context';
import { appendAdminAudit } from './admin-audit';

/**
 * Gives a user a new one-time password (must be changed at the next sign-in) and ends their
 * sessions; audited. Answers the password, or undefined when there is no such user.
 */
export async function resetPassword(
  ctx: ServerContext,
  username: string,
  by: string,
  hashParams?: { N: number; r: number; p: number },
): Promise<string | undefined> {
  const password = oneTimePassword();
  if (!(await storePassword(ctx.db, username, hashPassword(password, hashParams), true))) return undefined;
  await ctx.sessions.revokeAll(username);
  await appendAdminAudit(ctx.db, { actor: by, action: 'password-reset', target: username, detail: {} });
  ctx.log.info('password reset', { user: username, by });
  return password;
}
