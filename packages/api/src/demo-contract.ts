import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { json, LocalizedTextSchema } from './common-schemas';

/** The demo accounts the login page lists when the server runs with `--demo`. */
export const DemoSchema = z
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

export type DemoInfo = z.output<typeof DemoSchema>;

/** `GET /api/auth/demo`: public, so the login page can list the demo accounts in demo mode only. */
export const demoContract = {
  demo: apiRoute(
    {
      method: 'get',
      path: '/api/auth/demo',
      tags: ['auth'],
      summary:
        'Demo mode: the demo accounts and their shared password (empty unless the server runs with --demo)',
      responses: { 200: json(DemoSchema, 'Demo information') },
    },
    'public',
  ),
};
