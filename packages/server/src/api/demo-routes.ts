import { demoContract as contract } from '@flowform/api';
import { roleLabel } from '@flowform/engine';
import { newRouter } from '../http/router';
import { DEMO_ACCOUNTS } from '../seed/demo-accounts';
import { DEMO_PASSWORD } from '../seed/demo-seed';
import type { ServerContext } from '../server-context';

/** `GET /api/auth/demo`: public, so the login page can list the demo accounts in demo mode only. */
export function demoRoutes(ctx: ServerContext) {
  return newRouter().openapi(contract.demo, async (c) => {
    if (!ctx.config.demo) return c.json({ demo: false, accounts: [] }, 200);
    const directory = await ctx.runtime.directoryAt();
    const accounts = DEMO_ACCOUNTS.flatMap(({ username, what }) => {
      const user = directory.user(username);
      if (!user || user.disabled) return [];
      const roles = directory.rolesOf(username).map(({ role, unit }) => ({
        role,
        unit,
        roleName: { 'zh-CN': roleLabel(role, 'zh-CN'), en: roleLabel(role, 'en') },
        unitName: directory.unit(unit)?.name ?? { 'zh-CN': unit, en: unit },
      }));
      return [{ username, displayName: user.displayName, what, roles }];
    });
    return c.json({ demo: true, password: DEMO_PASSWORD, accounts }, 200);
  });
}
