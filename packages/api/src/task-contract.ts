import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import {
  CaseOutcomeSchema,
  IdParamSchema,
  JsonObjectSchema,
  json,
  LocalizedTextSchema,
  problemResponses,
  stringOf,
} from './common-schemas';
import type { TaskOperation } from './task-command-contract';
import { TaskSubjectSchema } from './task-subject-contract';

/** Someone named on a row: username and display name. */
const PersonRefSchema = z.object({ username: z.string(), name: LocalizedTextSchema });

/** Why a task is in this inbox besides the flow: 退回 / 委派 / 加签, by whom, when, why. */
export const TaskOriginSchema = z
  .object({
    kind: z.enum(['returned', 'delegated', 'addedSigner']),
    by: PersonRefSchema,
    at: z.string(),
    reason: z.string().optional(),
  })
  .openapi('TaskOrigin');

/** A row of an inbox (todo, done: a task; cc: a case). */
export const InboxItemSchema = z
  .object({
    taskId: z.string().nullable(),
    instanceId: z.string(),
    definitionKey: z.string(),
    stateId: z.string().nullable(),
    title: z.union([LocalizedTextSchema, z.null()]),
    /** The case's title from its definition's template (applicant, subject, amount). */
    caseTitle: z.union([LocalizedTextSchema, z.null()]),
    initiator: z.union([PersonRefSchema, z.null()]),
    unit: z.object({ id: z.string(), name: LocalizedTextSchema }).nullable(),
    origin: z.union([TaskOriginSchema, z.null()]),
    /** A multi-instance task's element, named (区领导评分 of which cadre); null on other rows. */
    subject: z.union([TaskSubjectSchema, z.null()]),
    assignee: z.string().nullable(),
    status: z.string(),
    outcome: z.string().nullable(),
    /** On case rows (cc): how the case ended; null on task rows and while it runs. */
    caseOutcome: CaseOutcomeSchema,
    /** The case's number (`HS-113-2026-00042`); null for a process without case numbers. */
    caseNumber: z.string().nullable(),
    createdAt: z.string(),
    dueAt: z.string().nullable(),
    urged: z.number().int(),
    sortAt: z.string(),
    /** The case is suspended by an administrator (已挂起): the task refuses work until it is resumed. */
    suspended: z.boolean().optional(),
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
    /** Created (tasks) or started (cases) on or after this day or instant. */
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    /** Created (tasks) or started (cases) before this day or instant. */
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
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
    /** 退回 / 委派 / 加签: who sent the task here and why. */
    origin: z.union([TaskOriginSchema, z.null()]),
    caseTitle: z.union([LocalizedTextSchema, z.null()]),
    /** A multi-instance task's element, named (区领导评分 of which cadre); null on other tasks. */
    subject: z.union([TaskSubjectSchema, z.null()]),
    createdAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    urged: z.number().int(),
    form: z.object({ key: z.string(), schema: JsonObjectSchema, uiSchema: JsonObjectSchema }).nullable(),
    data: JsonObjectSchema,
    outcomes: z.array(
      z.object({ key: z.string(), label: LocalizedTextSchema, requiresComment: z.boolean() }),
    ),
    operations: z.array(stringOf<TaskOperation>()),
    returnTargets: z.array(z.string()),
    /** Set when separation of duties keeps the viewer off this task: why, in both languages. */
    separation: LocalizedTextSchema.optional(),
    /** Set while an administrator holds the case (已挂起): who, when, why; the task refuses work. */
    suspension: z.object({ by: z.string(), at: z.string(), reason: z.string() }).optional(),
  })
  .openapi('Task');

export type InboxItem = z.output<typeof InboxItemSchema>;
export type TaskOrigin = z.output<typeof TaskOriginSchema>;
export type InboxScope = z.output<typeof InboxQuerySchema>['scope'];
export type DueFilter = NonNullable<z.output<typeof InboxQuerySchema>['due']>;
export type TaskView = z.output<typeof TaskViewSchema>;
export type Outcome = TaskView['outcomes'][number];

/** `GET /api/tasks`, `GET /api/tasks/{id}`. */
export const taskContract = {
  list: apiRoute({
    method: 'get',
    path: '/api/tasks',
    tags: ['tasks'],
    summary: 'My inbox: tasks to do (mine and offered to my roles), done by me, or cases copied to me',
    request: { query: InboxQuerySchema },
    responses: {
      200: json(
        z.object({ items: z.array(InboxItemSchema), nextCursor: z.string().optional() }),
        'A page of the inbox',
      ),
      ...problemResponses(400, 401),
    },
  }),
  detail: apiRoute({
    method: 'get',
    path: '/api/tasks/{id}',
    tags: ['tasks'],
    summary: 'A task with its form (hidden fields removed), data, outcomes and my allowed operations',
    request: { params: IdParamSchema },
    responses: { 200: json(TaskViewSchema, 'The task'), ...problemResponses(401, 404) },
  }),
};
