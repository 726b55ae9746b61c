import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import {
  CaseOutcomeSchema,
  CommandResultSchema,
  IdParamSchema,
  json,
  jsonBody,
  LocalizedTextSchema,
  problemResponses,
} from './common-schemas';

/** Who suspended a case, when and why (挂起原因). */
export const CaseSuspensionSchema = z
  .object({ by: z.string(), at: z.string(), reason: z.string() })
  .openapi('CaseSuspension');

/**
 * A case in the administrators' list (所有案件). `access: 'break-glass'`: a confidential case the
 * administrator may not open: only its lifecycle shows (no initiator, unit, title or data).
 */
export const AdminCaseItemSchema = z
  .object({
    id: z.string(),
    access: z.enum(['view', 'break-glass']),
    definitionKey: z.string(),
    definitionName: LocalizedTextSchema,
    definitionVersion: z.number().int(),
    caseNumber: z.string().nullable(),
    status: z.enum(['running', 'suspended', 'completed', 'cancelled']),
    outcome: CaseOutcomeSchema,
    suspension: CaseSuspensionSchema.nullable(),
    /** Where the case rests: active state names. */
    states: z.array(LocalizedTextSchema),
    openTasks: z.number().int(),
    initiator: z.string().nullable(),
    unit: z.object({ id: z.string(), name: LocalizedTextSchema }).nullable(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
  })
  .openapi('AdminCaseItem');

/** `GET /api/admin/cases` query: the filters the page keeps in its URL. */
const AdminCaseQuerySchema = z
  .object({
    definitionKey: z.string().max(64).optional(),
    status: z.enum(['running', 'suspended', 'completed', 'cancelled']).optional(),
    unit: z.string().max(64).optional(),
    /** Started on or after this day or instant. */
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    /** Started before this day or instant (a day: up to its end). */
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(500).optional(),
  })
  .strict();

/** A lifecycle command's body: the reason is required (audited). */
const ReasonBodySchema = z
  .object({ reason: z.string().trim().min(1).max(4000) })
  .strict()
  .openapi('LifecycleReason');

export type AdminCaseItem = z.output<typeof AdminCaseItemSchema>;
export type AdminCaseQuery = z.input<typeof AdminCaseQuerySchema>;

/** Administrators' case lifecycle: every case (confidential ones break-glass), 挂起 and 恢复. */
export const caseLifecycleContract = {
  list: apiRoute({
    method: 'get',
    path: '/api/admin/cases',
    tags: ['cases'],
    summary:
      'Administrators: every case, newest first, by process, status (suspended too), unit and start date; confidential cases show only their lifecycle',
    request: { query: AdminCaseQuerySchema },
    responses: {
      200: json(
        z.object({ items: z.array(AdminCaseItemSchema), nextCursor: z.string().optional() }),
        'A page of cases',
      ),
      ...problemResponses(400, 401, 403),
    },
  }),
  suspend: apiRoute({
    method: 'post',
    path: '/api/instances/{id}/suspend',
    tags: ['cases'],
    summary:
      '挂起: administrators hold a running case with a reason (confidential ones too, without seeing their data); its tasks refuse work and its timers wait',
    request: { params: IdParamSchema, body: jsonBody(ReasonBodySchema) },
    responses: {
      200: json(CommandResultSchema, 'Suspended'),
      ...problemResponses(400, 401, 403, 404, 409, 422),
    },
  }),
  resume: apiRoute({
    method: 'post',
    path: '/api/instances/{id}/resume',
    tags: ['cases'],
    summary: '恢复: administrators let a suspended case go on, with a reason; overdue timers fire then',
    request: { params: IdParamSchema, body: jsonBody(ReasonBodySchema) },
    responses: {
      200: json(CommandResultSchema, 'Resumed'),
      ...problemResponses(400, 401, 403, 404, 409, 422),
    },
  }),
};
