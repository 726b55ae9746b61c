import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../http/router';
import { problemResponses } from '../schemas/common-schemas';
import {
  DefinitionDetailSchema,
  DefinitionVersionSchema,
  KeyParamSchema,
  StartableSchema,
} from '../schemas/definition-schemas';
import type { ServerContext } from '../server-context';
import { definitionDetail, definitionVersion, startableDefinitions } from '../services/definition-catalog';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['definitions'],
  summary: 'The processes I may start (their starters rule admits me), latest versions',
  responses: {
    200: {
      description: 'Startable processes',
      content: { 'application/json': { schema: z.object({ items: z.array(StartableSchema) }) } },
    },
    ...problemResponses(401),
  },
});

const detail = createRoute({
  method: 'get',
  path: '/{key}',
  tags: ['definitions'],
  summary: 'The latest published version of a definition, with its version list',
  request: { params: KeyParamSchema },
  responses: {
    200: {
      description: 'The definition',
      content: { 'application/json': { schema: DefinitionDetailSchema } },
    },
    ...problemResponses(400, 401, 404),
  },
});

const version = createRoute({
  method: 'get',
  path: '/{key}/versions/{version}',
  tags: ['definitions'],
  summary: 'One published version, pinned (what its cases step against)',
  request: {
    params: KeyParamSchema.extend({
      version: z.coerce
        .number()
        .int()
        .min(1)
        .max(1_000_000)
        .openapi({ param: { name: 'version', in: 'path' } }),
    }),
  },
  responses: {
    200: { description: 'The version', content: { 'application/json': { schema: DefinitionVersionSchema } } },
    ...problemResponses(400, 401, 404),
  },
});

/** Reading definitions: any signed-in user (definitions are the organisation's published rules). */
export function definitionRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(list, async (c) => c.json({ items: await startableDefinitions(ctx, c.get('user')) }, 200))
    .openapi(detail, async (c) =>
      c.json(await definitionDetail(ctx, c.req.valid('param').key, c.get('user')), 200),
    )
    .openapi(version, async (c) => {
      const { key, version } = c.req.valid('param');
      return c.json(await definitionVersion(ctx, key, version), 200);
    });
}
