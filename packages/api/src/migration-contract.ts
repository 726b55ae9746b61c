import type { MappingProposal, WhatIfVerdict } from '@flowform/engine';
import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { json, jsonBody, problemResponses } from './common-schemas';
import { LintProblemSchema } from './definition-admin-contract';
import { KeyParamSchema } from './definition-contract';

const StateId = z.string().min(1).max(200);
const Version = z.number().int().min(1).max(1_000_000);
/** Case ids as the runtime makes them (UUIDs, a parent's id with a child suffix). */
const InstanceIds = z
  .array(
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/)
      .openapi({ example: '3f1e9c2a-4b7d-4e21-9a53-0c8d2f6b1a77' }),
  )
  .max(1000);
const CaseState = z.object({
  states: z.array(z.string()),
  status: z.enum(['running', 'completed', 'cancelled']),
});

/** What one running case's history would do on another version (the engine's `WhatIfVerdict`). */
export const WhatIfVerdictSchema = z
  .discriminatedUnion('verdict', [
    z.object({ verdict: z.literal('same'), ...CaseState.shape }),
    z.object({ verdict: z.literal('different'), actual: CaseState, replayed: CaseState }),
    z.object({
      verdict: z.literal('refused'),
      at: z.number().int(),
      command: z.string(),
      code: z.string(),
      message: z.string(),
    }),
  ])
  .openapi('WhatIfVerdict') as unknown as z.ZodType<WhatIfVerdict, WhatIfVerdict>;

export const WhatIfReportSchema = z
  .object({ instanceId: z.string(), definitionVersion: z.number().int(), result: WhatIfVerdictSchema })
  .openapi('WhatIfReport');

/** The proposed state mapping between two versions (the engine's `MappingProposal`). */
export const MappingProposalSchema = z
  .object({
    key: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    states: z.array(
      z.object({
        source: z.string(),
        target: z.string().nullable(),
        reason: z.enum(['same-id', 'removed']),
        suggestion: z.string().optional(),
        form: z
          .object({
            before: z.string().optional(),
            after: z.string().optional(),
            added: z.array(z.string()),
            removed: z.array(z.string()),
          })
          .optional(),
        voting: z.boolean(),
      }),
    ),
    added: z.array(z.string()),
  })
  .openapi('MappingProposal') satisfies z.ZodType<MappingProposal>;

/** A mapping as the administrator edited it, and which cases to move (all running ones of `from`). */
export const MigrationRequestSchema = z
  .object({
    from: Version,
    to: Version,
    states: z.record(StateId, StateId),
    votes: z.record(StateId, z.enum(['carry', 'restart'])).optional(),
    instanceIds: InstanceIds.optional(),
  })
  .strict()
  .openapi('MigrationRequest');

/** One case in a dry run or a migration. */
export const MigrationCaseSchema = z
  .object({
    instanceId: z.string(),
    status: z.enum(['moved', 'refused', 'skipped']),
    from: z.array(z.string()),
    to: z.array(z.string()).optional(),
    tasks: z
      .array(
        z.object({
          stateId: z.string(),
          assignee: z.string().optional(),
          users: z.array(z.string()),
          roles: z.array(z.object({ role: z.string(), unit: z.string() })),
        }),
      )
      .optional(),
    code: z.string().optional(),
    message: z.string().optional(),
    whatIf: WhatIfVerdictSchema.optional(),
  })
  .openapi('MigrationCase');

export const MigrationReportSchema = z
  .object({
    mapping: z.object({
      id: z.string(),
      states: z.record(z.string(), z.string()),
      votes: z.record(z.string(), z.enum(['carry', 'restart'])).optional(),
    }),
    problems: z.array(LintProblemSchema),
    cases: z.array(MigrationCaseSchema),
  })
  .openapi('MigrationReport');

/**
 * What-if and migration of running cases (administrators; the server adds the check). A mapping
 * that would strand a case is refused 422 `migration-refused`, its `problems` naming each state by
 * its path in the request (`/states/payment`).
 */
export const migrationContract = {
  proposal: apiRoute({
    method: 'get',
    path: '/api/definitions/{key}/migration',
    tags: ['definitions'],
    summary: 'Propose a state mapping between two versions, with the running cases of `from` per state',
    request: {
      params: KeyParamSchema,
      query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }).strict(),
    },
    responses: {
      200: json(
        z.object({ proposal: MappingProposalSchema, running: z.record(z.string(), z.number().int()) }),
        'The proposal and how many running cases rest in each state',
      ),
      ...problemResponses(400, 401, 403, 404),
    },
  }),
  whatIf: apiRoute({
    method: 'post',
    path: '/api/definitions/{key}/what-if',
    tags: ['definitions'],
    summary: 'Replay running cases against another version or the draft, on copies; report per case',
    request: {
      params: KeyParamSchema,
      body: jsonBody(
        z
          .object({
            version: Version.optional(),
            draft: z.boolean().optional(),
            instanceIds: InstanceIds.optional(),
          })
          .strict()
          .openapi('WhatIfRequest'),
      ),
    },
    responses: {
      200: json(
        z.object({ against: z.string(), cases: z.array(WhatIfReportSchema) }),
        'One verdict per case',
      ),
      ...problemResponses(400, 401, 403, 404, 413, 415, 422),
    },
  }),
  dryRun: apiRoute({
    method: 'post',
    path: '/api/definitions/{key}/migration/dry-run',
    tags: ['definitions'],
    summary: 'Check a mapping and move each case on a copy (with its what-if); changes nothing',
    request: { params: KeyParamSchema, body: jsonBody(MigrationRequestSchema) },
    responses: {
      200: json(MigrationReportSchema, 'Where each case would go'),
      ...problemResponses(400, 401, 403, 404, 413, 415, 422),
    },
  }),
  migrate: apiRoute({
    method: 'post',
    path: '/api/definitions/{key}/migration',
    tags: ['definitions'],
    summary: 'Move the running cases to the new version, each in its own transaction with its audit row',
    request: { params: KeyParamSchema, body: jsonBody(MigrationRequestSchema) },
    responses: {
      200: json(MigrationReportSchema, 'Where each case went'),
      ...problemResponses(400, 401, 403, 404, 413, 415, 422),
    },
  }),
};
