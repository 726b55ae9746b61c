import { createRoute, type z } from '@hono/zod-openapi';
import { idempotencyKey } from '../http/idempotency';
import { newRouter } from '../http/router';
import { CommandResultSchema, IdParamSchema, problemResponses } from '../schemas/common-schemas';
import {
  AddSignerBodySchema,
  CommentBodySchema,
  CompleteBodySchema,
  HandOverBodySchema,
  ReturnBodySchema,
  UrgeBodySchema,
  UsersBodySchema,
} from '../schemas/task-schemas';
import type { ServerContext } from '../server-context';
import { runTaskCommand, type TaskCommand } from '../services/case-commands';

/** One task command: its path, body schema, summary, and how the body becomes an engine command. */
interface CommandSpec<S extends z.ZodType | undefined> {
  path: string;
  summary: string;
  body?: S;
  build: (taskId: string, body: S extends z.ZodType ? z.infer<S> : undefined) => TaskCommand;
}

const spec = <S extends z.ZodType | undefined>(s: CommandSpec<S>) => s;
const opt = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Every task command, data-driven: one route each, the same error mapping for all. */
const COMMANDS = [
  spec({
    path: 'claim',
    summary: 'Claim a task offered to my role',
    build: (taskId) => ({ type: 'claim', taskId }),
  }),
  spec({
    path: 'unclaim',
    summary: 'Give a claimed task back to the group',
    build: (taskId) => ({ type: 'unclaim', taskId }),
  }),
  spec({
    path: 'complete',
    summary: 'Complete with an outcome, form data and a comment',
    body: CompleteBodySchema,
    build: (taskId, b) =>
      opt({ type: 'complete', taskId, outcome: b.outcome, data: b.data, comment: b.comment }) as TaskCommand,
  }),
  spec({
    path: 'transfer',
    summary: '转办: hand the task to someone else for good',
    body: HandOverBodySchema,
    build: (taskId, b) => opt({ type: 'transfer', taskId, to: b.to, comment: b.comment }) as TaskCommand,
  }),
  spec({
    path: 'delegate',
    summary: '委派: someone else works it, then it comes back to me',
    body: HandOverBodySchema,
    build: (taskId, b) => opt({ type: 'delegate', taskId, to: b.to, comment: b.comment }) as TaskCommand,
  }),
  spec({
    path: 'add-signer',
    summary: '加签: add signers to a running vote',
    body: AddSignerBodySchema,
    build: (taskId, b) =>
      opt({ type: 'addSigner', taskId, users: b.users, position: b.position }) as TaskCommand,
  }),
  spec({
    path: 'remove-signer',
    summary: '减签: remove signers who have not voted',
    body: UsersBodySchema,
    build: (taskId, b) => ({ type: 'removeSigner', taskId, users: b.users }),
  }),
  spec({
    path: 'return',
    summary: '退回: send the case back to an earlier step',
    body: ReturnBodySchema,
    build: (taskId, b) => ({ type: 'return', taskId, target: b.target, comment: b.comment }),
  }),
  spec({
    path: 'urge',
    summary: '催办: remind the task holders',
    body: UrgeBodySchema,
    build: (taskId, b) => opt({ type: 'urge', taskId, comment: b?.comment }) as TaskCommand,
  }),
  spec({
    path: 'cc',
    summary: '抄送: let more people read the case',
    body: UsersBodySchema,
    build: (taskId, b) => ({ type: 'cc', taskId, users: b.users }),
  }),
  spec({
    path: 'comments',
    summary: 'Add a comment to the case timeline at this task',
    body: CommentBodySchema,
    build: (taskId, b) => ({ type: 'comment', taskId, text: b.text }),
  }),
];

/** `POST /api/tasks/{id}/{command}`. */
export function taskCommandRoutes(ctx: ServerContext) {
  const router = newRouter();
  for (const command of COMMANDS) {
    const route = createRoute({
      method: 'post',
      path: `/{id}/${command.path}`,
      tags: ['tasks'],
      summary: command.summary,
      request: {
        params: IdParamSchema,
        ...(command.body
          ? {
              body: {
                required: command.path !== 'urge',
                content: { 'application/json': { schema: command.body } },
              },
            }
          : {}),
      },
      responses: {
        200: { description: 'Done', content: { 'application/json': { schema: CommandResultSchema } } },
        ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
      },
    });
    router.openapi(route, async (c) => {
      const { id } = c.req.valid('param');
      const body = command.body ? (c.req.valid('json' as never) as unknown) : undefined;
      const build = command.build as (taskId: string, body: unknown) => TaskCommand;
      const outcome = await runTaskCommand(ctx, c.get('user'), id, () => build(id, body), idempotencyKey(c));
      return c.json(outcome, 200);
    });
  }
  return router;
}
