import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { AttachmentSchema } from './attachment-contract';
import { CaseSuspensionSchema } from './case-lifecycle-contract';
import { TaskSubjectSchema } from './task-subject-contract';
import {
  CaseOutcomeSchema,
  CommandResultSchema,
  IdParamSchema,
  JsonObjectSchema,
  json,
  jsonBody,
  LocalizedTextSchema,
  problemResponses,
} from './common-schemas';

/** An open task as a case lists it, with the people who hold it now. */
export const TaskSummarySchema = z
  .object({
    id: z.string(),
    stateId: z.string(),
    title: LocalizedTextSchema,
    assignee: z.string().nullable(),
    holders: z.array(z.string()),
    signer: z.string().nullable(),
    createdAt: z.string(),
    dueAt: z.string().nullable(),
    urged: z.number().int(),
    /** A multi-instance task's element, named (区领导评分 of which cadre); null on other tasks. */
    subject: z.union([TaskSubjectSchema, z.null()]),
  })
  .openapi('TaskSummary');

/**
 * What one person submitted at one step (the start form, or a task's completion), never changed:
 * the values as that step's form wrote them (fields the viewer may not see left out).
 */
export const StepRecordSchema = z
  .object({
    seq: z.number().int(),
    taskId: z.string().nullable(),
    /** The step's state; null for the start form. */
    stateId: z.string().nullable(),
    title: LocalizedTextSchema,
    formKey: z.string().nullable(),
    actor: z.string(),
    outcome: z.string().nullable(),
    outcomeLabel: z.union([LocalizedTextSchema, z.null()]),
    comment: z.string().nullable(),
    data: JsonObjectSchema,
    attachments: z.array(z.string()),
    at: z.string(),
  })
  .openapi('StepRecord');

/**
 * A committee vote (区委会表决) or any other vote of the case: who may vote, how each voted, the counts
 * and, once decided, the result. Open votes come first in state order, then decided ones oldest first.
 */
export const VoteSummarySchema = z
  .object({
    stateId: z.string(),
    title: LocalizedTextSchema,
    mode: z.string(),
    /** `majority`: the fraction of the electorate that must have voted before a pass stands. */
    quorum: z.number().nullable(),
    /** Votes for that pass it now (`majority`: more than half of the electorate); null for other modes. */
    needed: z.number().int().nullable(),
    members: z.array(z.object({ user: z.string(), ballot: z.enum(['approve', 'reject']).nullable() })),
    approvals: z.number().int(),
    rejections: z.number().int(),
    total: z.number().int(),
    /** null while the vote is open. */
    result: z.enum(['approved', 'rejected']).nullable(),
    tie: z.boolean(),
    decidedAt: z.string().nullable(),
  })
  .openapi('VoteSummary');

/** The case's earliest pending timer: a due date, reminder, escalation or `after` delay, and when it fires. */
export const NextTimerSchema = z
  .object({
    kind: z.enum(['after', 'reminder', 'escalation', 'due']),
    stateId: z.string(),
    /** The step or state it belongs to, by its title (null when the state has none). */
    stateName: z.union([LocalizedTextSchema, z.null()]),
    dueAt: z.string(),
  })
  .openapi('NextTimer');

/** A case as a viewer may see it. */
export const CaseViewSchema = z
  .object({
    id: z.string(),
    definitionKey: z.string(),
    definitionVersion: z.number().int(),
    name: LocalizedTextSchema,
    /** `HS-113-2026-00042`, given by the database when the case started; null if the process has none. */
    caseNumber: z.string().nullable(),
    status: z.enum(['running', 'completed', 'cancelled']),
    outcome: CaseOutcomeSchema,
    /** Set while an administrator holds the case (已挂起): who, when, why. */
    suspension: CaseSuspensionSchema.optional(),
    initiator: z.string(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    confidential: z.boolean(),
    visibility: z.string(),
    parentId: z.string().nullable(),
    data: JsonObjectSchema,
    activeStates: z.array(z.string()),
    tasks: z.array(TaskSummarySchema),
    children: z.array(
      z.object({
        id: z.string(),
        process: z.string(),
        status: z.string(),
        /** How the child ended (its outcome and final state), null while it runs. */
        outcome: CaseOutcomeSchema,
        endState: z.string().nullable(),
        endStateName: z.union([LocalizedTextSchema, z.null()]),
        instanceId: z.string().nullable(),
      }),
    ),
    /** Each submission in order: the start form, then each completed step, with who and when. */
    records: z.array(StepRecordSchema),
    /** The case's votes with each member's ballot (the step records hold each opinion). */
    votes: z.array(VoteSummarySchema).optional(),
    /** Files that a submission names (an upload whose completion failed is not the case's). */
    attachments: z.array(AttachmentSchema),
    comments: z.array(
      z.object({ author: z.string(), text: z.string(), at: z.string(), taskId: z.string().nullable() }),
    ),
    withdrawable: z.boolean(),
    /** I started it and the process still lets me cancel it (with a reason). */
    cancellable: z.boolean(),
    /** While it runs: the next timer to fire (null when none waits). */
    nextTimer: z.union([NextTimerSchema, z.null()]),
  })
  .openapi('Case');

/** A row of a case list. */
export const CaseListItemSchema = z
  .object({
    id: z.string(),
    definitionKey: z.string(),
    definitionVersion: z.number().int(),
    caseNumber: z.string().nullable(),
    status: z.string(),
    outcome: CaseOutcomeSchema,
    initiator: z.string(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
  })
  .openapi('CaseListItem');

/** `POST /api/instances` */
export const StartCaseBodySchema = z
  .object({
    definitionKey: z.string().min(1).max(64),
    data: JsonObjectSchema.default({}),
  })
  .strict()
  .openapi('StartCase');

/** What a start answers. */
export const StartedCaseSchema = z
  .object({
    id: z.string(),
    definitionKey: z.string(),
    definitionVersion: z.number().int(),
    status: z.enum(['running', 'completed', 'cancelled']),
    tasks: z.array(TaskSummarySchema),
    replayed: z.boolean(),
  })
  .openapi('StartedCase');

/** One audit row with its place in the hash chain. */
export const HistoryEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    taskId: z.string().nullable(),
    outcome: z.string().nullable(),
    comment: z.string().nullable(),
    dataDigest: z.string().nullable(),
    definitionVersion: z.number().int(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('HistoryEntry');

/** `GET /api/instances` query. */
const CaseListQuerySchema = z
  .object({
    scope: z.enum(['started', 'involved', 'all']).default('involved'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(500).optional(),
  })
  .strict();

const HistorySchema = z.object({ entries: z.array(HistoryEntrySchema), chainValid: z.boolean() });

export type TaskSummary = z.output<typeof TaskSummarySchema>;
export type CaseView = z.output<typeof CaseViewSchema>;
export type StepRecordView = z.output<typeof StepRecordSchema>;
export type VoteSummary = z.output<typeof VoteSummarySchema>;
export type NextTimer = z.output<typeof NextTimerSchema>;
export type CaseListItem = z.output<typeof CaseListItemSchema>;
export type CaseScope = z.output<typeof CaseListQuerySchema>['scope'];
export type StartedCase = z.output<typeof StartedCaseSchema>;
export type HistoryEntry = z.output<typeof HistoryEntrySchema>;
export type History = z.output<typeof HistorySchema>;

/** `/api/instances`: start, list and read cases; withdraw and cancel. */
export const caseContract = {
  start: apiRoute({
    method: 'post',
    path: '/api/instances',
    tags: ['cases'],
    summary: 'Start a case of the latest published version (the start form is validated)',
    request: { body: jsonBody(StartCaseBodySchema) },
    responses: {
      201: json(StartedCaseSchema, 'Started'),
      ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
    },
  }),
  list: apiRoute({
    method: 'get',
    path: '/api/instances',
    tags: ['cases'],
    summary: 'Cases I started, take part in, or (all) may see; newest first',
    request: { query: CaseListQuerySchema },
    responses: {
      200: json(
        z.object({ items: z.array(CaseListItemSchema), nextCursor: z.string().optional() }),
        'A page of cases',
      ),
      ...problemResponses(400, 401),
    },
  }),
  detail: apiRoute({
    method: 'get',
    path: '/api/instances/{id}',
    tags: ['cases'],
    summary:
      'A case: data (hidden fields of my open task removed), active states, open tasks with holders, children',
    request: { params: IdParamSchema },
    responses: { 200: json(CaseViewSchema, 'The case'), ...problemResponses(401, 404) },
  }),
  history: apiRoute({
    method: 'get',
    path: '/api/instances/{id}/history',
    tags: ['cases'],
    summary: 'The audit trail with hash links, and whether the chain verifies',
    request: { params: IdParamSchema },
    responses: { 200: json(HistorySchema, 'History'), ...problemResponses(401, 404) },
  }),
  withdraw: apiRoute({
    method: 'post',
    path: '/api/instances/{id}/withdraw',
    tags: ['cases'],
    summary: '撤回: take back my last completion while nobody has acted since',
    request: {
      params: IdParamSchema,
      body: jsonBody(z.object({ comment: z.string().max(4000).optional() }).strict(), false),
    },
    responses: {
      200: json(CommandResultSchema, 'Withdrawn'),
      ...problemResponses(400, 401, 403, 404, 409, 422),
    },
  }),
  cancel: apiRoute({
    method: 'post',
    path: '/api/instances/{id}/cancel',
    tags: ['cases'],
    summary:
      'Cancel a running case and its children (administrators; the initiator, with a reason, where the process allows)',
    request: {
      params: IdParamSchema,
      body: jsonBody(z.object({ reason: z.string().max(4000).optional() }).strict(), false),
    },
    responses: {
      200: json(CommandResultSchema, 'Cancelled'),
      ...problemResponses(400, 401, 403, 404, 409, 422),
    },
  }),
};
