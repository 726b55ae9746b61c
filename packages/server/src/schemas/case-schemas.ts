import { z } from '@hono/zod-openapi';
import { JsonObjectSchema, LocalizedTextSchema } from './common-schemas';

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
  })
  .openapi('TaskSummary');

/** A stored file of a case (the bytes are downloaded separately). */
export const AttachmentSchema = z
  .object({
    id: z.string(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .openapi('Attachment');

/** A case as a viewer may see it. */
export const CaseViewSchema = z
  .object({
    id: z.string(),
    definitionKey: z.string(),
    definitionVersion: z.number().int(),
    name: LocalizedTextSchema,
    status: z.enum(['running', 'completed', 'cancelled']),
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
        instanceId: z.string().nullable(),
      }),
    ),
    attachments: z.array(AttachmentSchema),
    comments: z.array(
      z.object({ author: z.string(), text: z.string(), at: z.string(), taskId: z.string().nullable() }),
    ),
    withdrawable: z.boolean(),
  })
  .openapi('Case');

/** A row of a case list. */
export const CaseListItemSchema = z
  .object({
    id: z.string(),
    definitionKey: z.string(),
    definitionVersion: z.number().int(),
    status: z.string(),
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
