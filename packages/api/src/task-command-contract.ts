import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import {
  CommandResultSchema,
  IdParamSchema,
  JsonObjectSchema,
  json,
  jsonBody,
  problemResponses,
  UsernameSchema,
} from './common-schemas';

/** Command bodies: every one strict, so unknown keys are refused (400) before anything runs. */
export const CompleteBodySchema = z
  .object({
    outcome: z.string().min(1).max(64),
    data: JsonObjectSchema.optional(),
    comment: z.string().max(4000).optional(),
  })
  .strict()
  .openapi('CompleteTask');

export const HandOverBodySchema = z
  .object({ to: UsernameSchema, comment: z.string().max(4000).optional() })
  .strict()
  .openapi('HandOver');

export const AddSignerBodySchema = z
  .object({
    users: z.array(UsernameSchema).min(1).max(50),
    position: z.enum(['before', 'after', 'end']).optional(),
  })
  .strict()
  .openapi('AddSigner');

export const UsersBodySchema = z
  .object({ users: z.array(UsernameSchema).min(1).max(50) })
  .strict()
  .openapi('Users');

export const ReturnBodySchema = z
  .object({ target: z.string().min(1).max(200), comment: z.string().min(1).max(4000) })
  .strict()
  .openapi('ReturnTask');

export const UrgeBodySchema = z
  .object({ comment: z.string().max(4000).optional() })
  .strict()
  .openapi('Urge');

export const CommentBodySchema = z
  .object({ text: z.string().min(1).max(4000) })
  .strict()
  .openapi('Comment');

const responses = {
  200: json(CommandResultSchema, 'Done'),
  ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
};

/** `POST /api/tasks/{id}/<path>`, a command without a body. */
const command = <const P extends string>(path: P, summary: string) =>
  apiRoute({
    method: 'post',
    path: `/api/tasks/{id}/${path}` as const,
    tags: ['tasks'],
    summary,
    request: { params: IdParamSchema },
    responses,
  });

/** `POST /api/tasks/{id}/<path>` with a JSON body (`required: false`: it may be left out). */
const commandWith = <const P extends string, S extends z.ZodType>(
  path: P,
  summary: string,
  body: S,
  required = true,
) =>
  apiRoute({
    method: 'post',
    path: `/api/tasks/{id}/${path}` as const,
    tags: ['tasks'],
    summary,
    request: { params: IdParamSchema, body: jsonBody(body, required) },
    responses,
  });

/**
 * Every task command, one route each, keyed by the operation name a task lists in `operations`;
 * the server maps each to an engine command with the same error mapping for all.
 */
export const taskCommandContract = {
  claim: command('claim', 'Claim a task offered to my role'),
  unclaim: command('unclaim', 'Give a claimed task back to the group'),
  complete: commandWith('complete', 'Complete with an outcome, form data and a comment', CompleteBodySchema),
  transfer: commandWith('transfer', '转办: hand the task to someone else for good', HandOverBodySchema),
  delegate: commandWith(
    'delegate',
    '委派: someone else works it, then it comes back to me',
    HandOverBodySchema,
  ),
  addSigner: commandWith('add-signer', '加签: add signers to a running vote', AddSignerBodySchema),
  removeSigner: commandWith('remove-signer', '减签: remove signers who have not voted', UsersBodySchema),
  return: commandWith('return', '退回: send the case back to an earlier step', ReturnBodySchema),
  urge: {
    ...commandWith('urge', '催办: remind the task holders', UrgeBodySchema, false),
    // 催办 at most once per the task's `urgeInterval`: a second urge too soon is 429 urge-too-soon.
    responses: { ...responses, ...problemResponses(429) },
  },
  cc: commandWith('cc', '抄送: let more people read the case', UsersBodySchema),
  comment: commandWith('comments', 'Add a comment to the case timeline at this task', CommentBodySchema),
};

/** What a viewer may do with an open task (its `operations`): one task command each. */
export type TaskOperation = keyof typeof taskCommandContract;

/** The URL segment of a task command (`add-signer`, `comments` …). */
export type TaskCommandPath = {
  [K in TaskOperation]: (typeof taskCommandContract)[K]['path'] extends `/api/tasks/{id}/${infer P}`
    ? P
    : never;
}[TaskOperation];
