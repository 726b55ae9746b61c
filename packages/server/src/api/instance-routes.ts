import { caseVisibility, compileBundle } from '@flowform/engine';
import { createRoute, z } from '@hono/zod-openapi';
import { idempotencyKey } from '../http/idempotency';
import { problems } from '../http/problem';
import { newRouter } from '../http/router';
import {
  CaseListItemSchema,
  CaseViewSchema,
  HistoryEntrySchema,
  StartCaseBodySchema,
  StartedCaseSchema,
} from '../schemas/case-schemas';
import { CommandResultSchema, IdParamSchema, problemResponses } from '../schemas/common-schemas';
import type { ServerContext } from '../server-context';
import { visibleCase } from '../services/case-access';
import { runCaseCommand } from '../services/case-commands';
import { caseHistory } from '../services/case-history';
import { listCases } from '../services/case-list';
import { caseView, taskSummary } from '../services/case-view';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const optionalBody = <T extends z.ZodType>(schema: T) => ({
  required: false,
  content: { 'application/json': { schema } },
});

const start = createRoute({
  method: 'post',
  path: '/',
  tags: ['cases'],
  summary: 'Start a case of the latest published version (the start form is validated)',
  request: { body: { required: true, content: { 'application/json': { schema: StartCaseBodySchema } } } },
  responses: {
    201: json(StartedCaseSchema, 'Started'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['cases'],
  summary: 'Cases I started, take part in, or (all) may see; newest first',
  request: {
    query: z
      .object({
        scope: z.enum(['started', 'involved', 'all']).default('involved'),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        cursor: z.string().max(500).optional(),
      })
      .strict(),
  },
  responses: {
    200: json(
      z.object({ items: z.array(CaseListItemSchema), nextCursor: z.string().optional() }),
      'A page of cases',
    ),
    ...problemResponses(400, 401),
  },
});

const detail = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['cases'],
  summary:
    'A case: data (hidden fields of my open task removed), active states, open tasks with holders, children',
  request: { params: IdParamSchema },
  responses: { 200: json(CaseViewSchema, 'The case'), ...problemResponses(401, 404) },
});

const history = createRoute({
  method: 'get',
  path: '/{id}/history',
  tags: ['cases'],
  summary: 'The audit trail with hash links, and whether the chain verifies',
  request: { params: IdParamSchema },
  responses: {
    200: json(z.object({ entries: z.array(HistoryEntrySchema), chainValid: z.boolean() }), 'History'),
    ...problemResponses(401, 404),
  },
});

const CommentBody = z.object({ comment: z.string().max(4000).optional() }).strict();

const withdraw = createRoute({
  method: 'post',
  path: '/{id}/withdraw',
  tags: ['cases'],
  summary: '撤回: take back my last completion while nobody has acted since',
  request: { params: IdParamSchema, body: optionalBody(CommentBody) },
  responses: {
    200: json(CommandResultSchema, 'Withdrawn'),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const cancel = createRoute({
  method: 'post',
  path: '/{id}/cancel',
  tags: ['cases'],
  summary: 'Cancel a running case and its children (administrators)',
  request: {
    params: IdParamSchema,
    body: optionalBody(z.object({ reason: z.string().max(4000).optional() }).strict()),
  },
  responses: {
    200: json(CommandResultSchema, 'Cancelled'),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

/** `/api/instances`: start, list and read cases; withdraw and cancel. */
export function instanceRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(start, async (c) => {
      const user = c.get('user');
      const body = c.req.valid('json');
      const outcome = await ctx.runtime.start(
        { definitionKey: body.definitionKey, data: body.data, actor: { username: user.username } },
        { idempotencyKey: idempotencyKey(c) },
      );
      const snapshot = await ctx.runtime.snapshot(outcome.instanceId);
      if (!snapshot) throw problems.notFound('No such case');
      const bundle = await ctx.runtime.definitions.get(snapshot.definitionKey, snapshot.definitionVersion);
      const compiled = compileBundle(bundle);
      const visibility = caseVisibility(compiled, snapshot, user.username, user.directory) ?? 'participant';
      const found = { snapshot, bundle, compiled, visibility, confidential: false };
      return c.json(
        {
          id: outcome.instanceId,
          definitionKey: snapshot.definitionKey,
          definitionVersion: snapshot.definitionVersion,
          status: snapshot.status,
          tasks: snapshot.tasks.map((t) => taskSummary(found, t, user)),
          replayed: outcome.replayed,
        },
        201,
      );
    })
    .openapi(list, async (c) => c.json(await listCases(ctx, c.get('user'), c.req.valid('query')), 200))
    .openapi(detail, async (c) => {
      const user = c.get('user');
      const found = await visibleCase(ctx, c.req.valid('param').id, user);
      return c.json(await caseView(ctx, found, user), 200);
    })
    .openapi(history, async (c) => {
      const { id } = c.req.valid('param');
      await visibleCase(ctx, id, c.get('user'));
      return c.json(await caseHistory(ctx, id), 200);
    })
    .openapi(withdraw, async (c) => {
      const body = c.req.valid('json') ?? {};
      const command = { type: 'withdraw' as const, ...(body.comment ? { comment: body.comment } : {}) };
      return c.json(
        await runCaseCommand(ctx, c.get('user'), c.req.valid('param').id, command, idempotencyKey(c)),
        200,
      );
    })
    .openapi(cancel, async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      await visibleCase(ctx, id, user);
      if (!user.isAdmin) throw problems.forbidden('Administrators only');
      const body = c.req.valid('json') ?? {};
      const command = { type: 'cancel' as const, ...(body.reason ? { reason: body.reason } : {}) };
      return c.json(await runCaseCommand(ctx, user, id, command, idempotencyKey(c)), 200);
    });
}
