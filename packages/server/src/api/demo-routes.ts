import { roleLabel } from '@flowform/engine';
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../http/router';
import { LocalizedTextSchema } from '../schemas/common-schemas';
import { DEMO_ACCOUNTS } from '../seed/demo-accounts';
import { DEMO_PASSWORD } from '../seed/demo-seed';
import type { ServerContext } from '../server-context';

const DemoSchema = z
  .object({
    demo: z.boolean(),
    password: z.string().optional(),
    accounts: z.array(
      z.object({
        username: z.string(),
        displayName: LocalizedTextSchema,
        what: z.string(),
        roles: z.array(
          z.object({
            role: z.string(),
            unit: z.string(),
            roleName: LocalizedTextSchema,
            unitName: LocalizedTextSchema,
          }),
        ),
      }),
    ),
  })
  .openapi('DemoInfo');

const demo = createRoute({
  method: 'get',
  path: '/demo',
  tags: ['auth'],
  summary:
    'Demo mode: the demo accounts and their shared password (empty unless the server runs with --demo)',
  responses: {
    200: { description: 'Demo information', content: { 'application/json': { schema: DemoSchema } } },
  },
});

/** `GET /api/auth/demo`: public, so the login page can list the demo accounts in demo mode only. */
export function demoRoutes(ctx: ServerContext) {
  return newRouter().openapi(demo, async (c) => {
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
