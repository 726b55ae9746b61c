import type { DefinitionBundle } from '@flowform/engine';
import { createRoute, z } from '@hono/zod-openapi';
import { requireAdmin } from '../http/require-admin';
import { newRouter } from '../http/router';
import { problemResponses } from '../schemas/common-schemas';
import {
  BundleSchema,
  KeyParamSchema,
  LintResultSchema,
  PublishResultSchema,
} from '../schemas/definition-schemas';
import type { ServerContext } from '../server-context';
import { lintBundle, loadDraft, publishDraft, saveDraft } from '../services/definition-publishing';

const admin = requireAdmin();

const putDraft = createRoute({
  method: 'put',
  path: '/{key}/draft',
  tags: ['definitions'],
  summary: 'Save the draft of a definition (administrators)',
  middleware: [admin] as const,
  request: {
    params: KeyParamSchema,
    body: { required: true, content: { 'application/json': { schema: BundleSchema } } },
  },
  responses: {
    200: {
      description: 'Saved',
      content: {
        'application/json': {
          schema: z.object({ key: z.string(), updatedBy: z.string(), updatedAt: z.string() }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

const lint = createRoute({
  method: 'post',
  path: '/{key}/lint',
  tags: ['definitions'],
  summary: 'Lint the given bundle, or the draft when the body is empty (administrators)',
  middleware: [admin] as const,
  request: {
    params: KeyParamSchema,
    body: { required: false, content: { 'application/json': { schema: BundleSchema } } },
  },
  responses: {
    200: { description: 'Problems found', content: { 'application/json': { schema: LintResultSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const publish = createRoute({
  method: 'post',
  path: '/{key}/publish',
  tags: ['definitions'],
  summary: 'Publish the draft as the next version; refused while lint finds errors (administrators)',
  middleware: [admin] as const,
  request: { params: KeyParamSchema },
  responses: {
    201: { description: 'Published', content: { 'application/json': { schema: PublishResultSchema } } },
    ...problemResponses(401, 403, 404, 422),
  },
});

/** Drafting, linting and publishing definitions: administrators only (403 for everyone else). */
export function definitionAdminRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(putDraft, async (c) => {
      const { key } = c.req.valid('param');
      const bundle = c.req.valid('json') as unknown as DefinitionBundle;
      return c.json(await saveDraft(ctx, key, bundle, c.get('user')), 200);
    })
    .openapi(lint, async (c) => {
      const { key } = c.req.valid('param');
      const given = c.req.valid('json') as unknown as DefinitionBundle | undefined;
      const bundle = given ?? (await loadDraft(ctx, key));
      return c.json({ problems: await lintBundle(ctx, bundle, c.get('user')) }, 200);
    })
    .openapi(publish, async (c) => {
      const result = await publishDraft(ctx, c.req.valid('param').key, c.get('user'));
      return c.json(result, 201);
    });
}
