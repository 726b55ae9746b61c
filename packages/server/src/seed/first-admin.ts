import type { DirectorySeed } from '@flowform/engine';
import { loadDirectory, replaceDirectory } from '@flowform/runtime';
import { hashPassword, verifyPassword } from '../auth/password';
import { oneTimePassword, storePassword } from '../auth/password-accounts';
import type { ServerContext } from '../server-context';
import { appendAdminAudit } from '../services/admin-audit';
import { DEMO_PASSWORD } from './demo-seed';

/** The first administrator's username on a production first run. */
export const FIRST_ADMIN = 'admin';

/** The root unit a production first run creates, to hold the administrator role. */
const ROOT_UNIT = {
  id: 'organisation',
  kind: 'district',
  name: { 'zh-CN': '本单位', en: 'Organisation' },
  parent: null,
} as const;

/** An administrator account and its one-time password (shown once; must be changed at first sign-in). */
export interface CreatedAdmin {
  username: string;
  oneTimePassword: string;
}

/**
 * Adds an administrator with a generated one-time password: on an empty directory, the directory
 * becomes one root unit and this administrator; otherwise the user joins it with the
 * `administrator` role in the root unit, every other user keeping their password. Refuses a
 * username already taken. The password is stored only as its scrypt hash and flagged must-change.
 */
export async function createAdmin(
  ctx: ServerContext,
  username: string,
  options: { hashParams?: { N: number; r: number; p: number }; by?: string } = {},
): Promise<CreatedAdmin> {
  const { directory } = await loadDirectory(ctx.runtime.db);
  const seed = directory.toSeed();
  if (seed.users.some((u) => u.username === username))
    throw new Error(`The user '${username}' already exists`);
  const root = seed.units.find((u) => !u.parent) ?? ROOT_UNIT;
  const next: DirectorySeed = {
    users: [...seed.users, { username, displayName: { 'zh-CN': '系统管理员', en: 'Administrator' } }],
    units: seed.units.length > 0 ? seed.units : [ROOT_UNIT],
    memberships: [...seed.memberships, { username, role: 'administrator', unit: root.id }],
    contracts: seed.contracts,
  };
  const kept = await ctx.db.selectFrom('directory_users').select(['username', 'password_hash']).execute();
  const hashes = new Map(kept.map((row) => [row.username, row.password_hash]));
  const password = oneTimePassword();
  await replaceDirectory(ctx.runtime.db, next, (name) => hashes.get(name) ?? null);
  await storePassword(ctx.db, username, hashPassword(password, options.hashParams), true);
  await appendAdminAudit(ctx.db, {
    actor: options.by ?? 'system',
    action: 'admin-create',
    target: username,
    detail: {},
  });
  return { username, oneTimePassword: password };
}

/**
 * Whether the demo's administrator still signs in with the published demo password (a database
 * seeded with --demo once, now started for real): `flowform start` warns loudly then.
 */
export async function demoAdminPasswordWorks(ctx: ServerContext): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('directory_users')
    .select('password_hash')
    .where('username', '=', FIRST_ADMIN)
    .executeTakeFirst();
  return row ? verifyPassword(DEMO_PASSWORD, row.password_hash) : false;
}
