import { createRoute, z } from '@hono/zod-openapi';
import { requireAdmin } from '../http/require-admin';
import { newRouter } from '../http/router';
import { JsonObjectSchema, LocalizedTextSchema, problemResponses } from '../schemas/common-schemas';
import { KeyParamSchema, VersionInfoSchema } from '../schemas/definition-schemas';
import type { ServerContext } from '../server-context';
import { designerDefinition, designerDefinitions, directorySeed } from '../services/designer-catalog';

const admin = requireAdmin();
const Stamp = z.object({ updatedBy: z.string(), updatedAt: z.string() });

const list = createRoute({
  method: 'get',
  path: '/definitions',
  tags: ['designer'],
  summary: 'Every definition, published or only drafted, with running cases (administrators)',
  middleware: [admin] as const,
  responses: {
    200: {
      description: 'Definitions',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(
              z.object({
                key: z.string(),
                name: LocalizedTextSchema,
                latestVersion: z.number().int().nullable(),
                draft: Stamp.nullable(),
                runningCases: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    ...problemResponses(401, 403),
  },
});

const detail = createRoute({
  method: 'get',
  path: '/definitions/{key}',
  tags: ['designer'],
  summary:
    'A definition for editing: its draft, the latest published bundle, and running cases per version (administrators)',
  middleware: [admin] as const,
  request: { params: KeyParamSchema },
  responses: {
    200: {
      description: 'The definition',
      content: {
        'application/json': {
          schema: z.object({
            key: z.string(),
            draft: Stamp.extend({ bundle: JsonObjectSchema }).nullable(),
            published: z
              .object({
                version: z.number().int(),
                definition: JsonObjectSchema,
                forms: z.record(z.string(), JsonObjectSchema),
              })
              .nullable(),
            versions: z.array(VersionInfoSchema.extend({ runningCases: z.number().int() })),
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const directory = createRoute({
  method: 'get',
  path: '/directory',
  tags: ['designer'],
  summary:
    'The directory as a seed (users, units, roles, contracts) for pickers and simulation (administrators)',
  middleware: [admin] as const,
  responses: {
    200: { description: 'The directory', content: { 'application/json': { schema: JsonObjectSchema } } },
    ...problemResponses(401, 403),
  },
});

/** What the visual designer reads besides the definition routes: administrators only. */
export function designerRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(list, async (c) => c.json({ items: await designerDefinitions(ctx) }, 200))
    .openapi(detail, async (c) => c.json(await designerDefinition(ctx, c.req.valid('param').key), 200))
    .openapi(directory, async (c) =>
      c.json((await directorySeed(ctx)) as unknown as Record<string, unknown>, 200),
    );
}
