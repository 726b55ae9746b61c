import { z } from '@hono/zod-openapi';
import { JsonObjectSchema, LocalizedTextSchema, UsernameSchema } from './common-schemas';

/** A row of an inbox (todo, done: a task; cc: a case). */
export const InboxItemSchema = z
  .object({
    taskId: z.string().nullable(),
    instanceId: z.string(),
    definitionKey: z.string(),
    stateId: z.string().nullable(),
    title: LocalizedTextSchema.nullable(),
    assignee: z.string().nullable(),
    status: z.string(),
    outcome: z.string().nullable(),
    createdAt: z.string(),
    dueAt: z.string().nullable(),
    urged: z.number().int(),
    sortAt: z.string(),
  })
  .openapi('InboxItem');

/** `GET /api/tasks` query. */
export const InboxQuerySchema = z
  .object({
    scope: z.enum(['todo', 'done', 'cc']).default('todo'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(500).optional(),
    q: z.string().max(100).optional(),
    definitionKey: z.string().max(64).optional(),
    due: z.enum(['soon', 'overdue']).optional(),
  })
  .strict();

/** A task with what its form needs. */
export const TaskViewSchema = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    definitionKey: z.string(),
    definitionName: LocalizedTextSchema,
    stateId: z.string(),
    title: LocalizedTextSchema,
    status: z.string(),
    assignee: z.string().nullable(),
    holders: z.array(z.string()),
    delegatedBy: z.string().nullable(),
    createdAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    urged: z.number().int(),
    form: z.object({ key: z.string(), schema: JsonObjectSchema, uiSchema: JsonObjectSchema }).nullable(),
    data: JsonObjectSchema,
    outcomes: z.array(
      z.object({ key: z.string(), label: LocalizedTextSchema, requiresComment: z.boolean() }),
    ),
    operations: z.array(z.string()),
    returnTargets: z.array(z.string()),
  })
  .openapi('Task');

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
